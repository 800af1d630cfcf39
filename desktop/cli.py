"""Command line: `smaller` opens the window; `smaller ask`, `smaller bench` run headless."""

import sys


def main(argv: list[str] | None = None) -> int:
    print("placeholder")
    return 0
