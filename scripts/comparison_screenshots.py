"""Screenshots of the 405B comparison for the README, in English and French (run under Xvfb).

python scripts/comparison_screenshots.py [out_dir]

For each language: the real window, the embedded model, one answer to a question that holds a
paragraph (so the prompt counts), then the comparison dialog and its exported PNG card. The
French pass compiles the committed .ts plus resources/translations/pending/*.json into the
ignored .qm first, so strings that wait for the lead's merge show in French too.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

QUESTION = (
    "Summarise in one sentence: The water cycle moves water between the sea, the air and the "
    "land. The sun warms the sea, water evaporates, rises, cools into clouds and falls as rain or "
    "snow, which runs back to the sea through rivers and the ground."
)


def compile_with_pending() -> None:
    import shutil

    import translations
    from apply_translations import apply

    work = Path(tempfile.mkdtemp())
    ts = work / "smaller_fr.ts"
    shutil.copy(ROOT / "resources" / "translations" / "smaller_fr.ts", ts)
    translations.update(work)
    apply(ts, sorted((ROOT / "resources" / "translations" / "pending").glob("*.json")))
    qm = ROOT / "resources" / "translations" / "smaller_fr.qm"
    subprocess.run([translations.tool("lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)  # fmt: skip


def wait(app, condition, timeout: float = 300.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        time.sleep(0.02)


def shoot(out_dir: Path, language: str) -> None:
    from desktop.app import make_application, open_main_window
    from desktop.core.engine import SamplingSettings
    from desktop.ui.settings import AppSettings

    suffix = "" if language == "en" else f"-{language}"
    app = make_application([])
    window = open_main_window(AppSettings(language=language, threads=1, theme="light"))
    window.show()
    wait(app, lambda: window.model_info is not None)
    window.chat.settings = SamplingSettings(max_tokens=40, temperature=0.0, top_k=1)
    window.ask(QUESTION)
    wait(app, lambda: not window.chat.streaming)
    window.open_comparison([window.chat_view.messages[-1].stats])
    view = window.comparison_view
    view.resize(1100, 920)
    for _ in range(30):
        app.processEvents()
        time.sleep(0.02)
    view.grab().save(str(out_dir / f"comparison-405b{suffix}.png"))
    view.export_png(out_dir / f"comparison-card{suffix}.png")
    view.close()
    window.close()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    compile_with_pending()
    from screenshot import run_isolated

    for language in ("en", "fr"):
        run_isolated(__file__, language, str(out_dir))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        shoot(Path(sys.argv[3]), sys.argv[2])
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
