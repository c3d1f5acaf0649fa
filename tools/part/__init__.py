"""Part specs: a feature-based part model, compiled to readable CadQuery and checked feature by feature."""
