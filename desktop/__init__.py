"""Smaller: a private, offline desktop assistant on a small language model."""

import logging

__version__ = "0.1.0"

# Log records go to the rotated log file once the app or CLI sets it up, never to the terminal
# (Python's last-resort handler would print warnings on stderr, breaking the CLI's one-line errors).
logging.getLogger("desktop").addHandler(logging.NullHandler())
