"""Threads. One worker thread owns the model; the GUI talks to it only through signals."""
