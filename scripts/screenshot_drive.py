"""Screenshots of Compare models and the Test drive for the README, on the real models, under a
virtual display, in a throw-away data folder:

    xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python scripts/screenshot_drive.py \
        docs/screenshots build/bench-drive-answers.json

The compare view answers a ready question live with the installed models; the drive view shows a
saved run (the JSON that benchmarks/bench_drive.py writes), so the picture is the benchmark's.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.screenshot import pause, wait  # noqa: E402


def shoot(out_dir: Path, run_file: Path) -> None:
    from desktop.app import make_application, open_main_window
    from desktop.core.drive.records import DriveRun
    from desktop.ui.settings import AppSettings

    app = make_application([])
    window = open_main_window(AppSettings(language="en", threads=1, theme="light"))
    window.resize(1360, 800)
    window.show()
    wait(app, lambda: window.model_info is not None)
    dialog = window.show_compare_models()
    dialog.resize(1300, 620)
    dialog.message.setText("What is 17 times 23? Answer with the number.")
    dialog.start()
    wait(app, lambda: not dialog.reveal_button.isHidden(), timeout=300)
    dialog._columns[1]["good"].setChecked(True)
    pause(app, 0.5)
    dialog.grab().save(str(out_dir / "compare-models.png"))
    dialog.close()
    drive = window.show_drive()
    drive.resize(1100, 900)
    run = DriveRun.from_json(json.loads(run_file.read_text("utf-8")))
    drive.show_run(run)
    drive.limit.setValue(run.tasks)
    pause(app, 0.5)
    drive.grab().save(str(out_dir / "test-drive.png"))
    drive.close()
    window.close()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    shoot(out, Path(sys.argv[2] if len(sys.argv) > 2 else "build/bench-drive-answers.json"))
