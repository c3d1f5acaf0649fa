"""CadAgent: a conversational CAD agent (CLI and settings live in this package)."""

__version__ = "0.1.0"
