"""Screenshots of the real window in every combination issue 11 asks to check: English and
French, light and dark, 1024x600 and 1280x720, normal and demo mode, and the Models page.

    xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python scripts/screenshot_matrix.py OUT

Each language and theme runs in its own process with a throw-away data folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot import pause, run_isolated, wait  # noqa: E402

SIZES = ((1024, 600), (1280, 720))


def shoot(out_dir: Path, language: str, theme: str) -> None:
    from desktop.app import make_application, open_main_window
    from desktop.core.engine import SamplingSettings
    from desktop.ui.settings import AppSettings

    app = make_application([])
    window = open_main_window(AppSettings(language=language, threads=1, theme=theme))
    window.show()
    wait(app, lambda: window.model_info is not None)
    window.chat.settings = SamplingSettings(max_tokens=60, temperature=0.0, top_k=1)
    title = (
        "Packing for a long weekend in the mountains with the children and the dog"
        if language == "en"
        else "Préparer un long week-end à la montagne avec les enfants et le chien"
    )
    cid = window.store.create_conversation().id
    window.select_conversation(cid)
    window.rename_conversation(cid, title)
    window.ask("Give me three tips to write a clear e-mail." if language == "en"
               else "Donne-moi trois conseils pour écrire un e-mail clair.")  # fmt: skip
    wait(app, lambda: not window.chat.streaming)
    for width, height in SIZES:
        window.resize(width, height)
        pause(app, 0.8)
        name = f"main-{language}-{theme}-{width}x{height}.png"
        window.grab().save(str(out_dir / name))
    window.resize(1280, 720)
    window.set_demo_mode(True)
    window.demo_panel.buttons[0].click()
    wait(app, lambda: not window.chat.streaming)
    pause(app, 0.8)
    window.grab().save(str(out_dir / f"demo-{language}-{theme}-1280x720.png"))
    window.set_demo_mode(False)
    dialog = window.show_models()
    dialog.resize(1024, 600)
    pause(app, 1.0)
    dialog.grab().save(str(out_dir / f"models-{language}-{theme}-1024x600.png"))
    dialog.hide()
    window.close()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "fr"):
        for theme in ("light", "dark"):
            run_isolated(__file__, language, theme, str(out_dir))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        shoot(Path(sys.argv[4]), sys.argv[2], sys.argv[3])
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
