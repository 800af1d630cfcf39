"""Screenshots of documents in the real window: the Documents page after indexing, and a cited
answer of the real model with its sources. Run under Xvfb (what users get), e.g.:

    xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python scripts/screenshot_documents.py

The documents are the test corpus (tests/docs_fixtures.py) in a throw-away data folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from scripts.screenshot import pause, wait  # noqa: E402


def main(out_dir: Path) -> None:
    from desktop.app import make_application, open_main_window
    from desktop.core.engine import SamplingSettings
    from desktop.ui.settings import AppSettings
    from tests.docs_fixtures import make_corpus

    corpus = make_corpus(Path(tempfile.mkdtemp()) / "My documents")
    app = make_application([])
    window = open_main_window(AppSettings(language="en", threads=1, theme="light"))
    window.resize(1360, 800)
    window.show()
    wait(app, lambda: window.model_info is not None)
    window.chat.settings = SamplingSettings(max_tokens=60, temperature=0.0, top_k=1)
    page = window.show_documents()
    window.documents.add([corpus], "My documents")
    wait(app, lambda: not window.documents.worker.running)
    page.tree.expandAll()
    pause(app, 0.5)
    page.grab().save(str(out_dir / "documents-page.png"))
    page.close()
    window.new_conversation()
    window.documents_button.actions_by_name["My documents"].setChecked(True)
    window.documents_button.only_action.setChecked(True)  # type: ignore[union-attr]
    window.ask("When is the garden party, and where?")
    wait(app, lambda: not window.chat.streaming)
    pause(app, 1.0)
    window.grab().save(str(out_dir / "documents-answer.png"))
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
