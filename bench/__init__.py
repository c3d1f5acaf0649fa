"""Benchmarks: side-by-side comparisons printed as ratios (never timed tests)."""
