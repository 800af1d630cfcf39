"""`python -m desktop` runs the same entry point as the `smaller` command (and the frozen app's).

`freeze_support()` first: document indexing reads files in a 'spawn' child process, which in the
frozen app is this same executable started with multiprocessing's arguments; it must become the
child before anything else runs. Outside a frozen app it does nothing.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main())
