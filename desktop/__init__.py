"""Smaller: a private, offline desktop assistant on a small language model."""

__version__ = "0.1.0"
