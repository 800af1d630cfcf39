"""PySide6 6.12.0 on Python 3.11 aborts after a few hundred Signal.emit() calls
(`Fatal Python error: bool_dealloc`). The project pins a version without the bug; this test
emits tens of thousands of signals in a child process, so a crash fails the test instead of
killing the suite."""

import subprocess
import sys

CHILD = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Source(QObject):
    text = Signal(int, str)
    flag = Signal(bool)

app = QCoreApplication([])
source = Source()
seen = []
source.text.connect(lambda i, s: seen.append(i))
source.flag.connect(lambda b: seen.append(b))
for i in range(25_000):
    source.text.emit(i, "token")
    source.flag.emit(i % 2 == 0)
assert len(seen) == 50_000
print("ok")
"""


def test_fifty_thousand_emits_do_not_crash() -> None:
    run = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"
