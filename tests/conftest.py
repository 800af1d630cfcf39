"""Shared fixtures. Qt runs offscreen; every test gets its own app-data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from desktop.core.paths import default_model_path


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The real embedded default model, provisioned by ./dev.sh before the tests."""
    path = default_model_path()
    if not path.exists():
        pytest.fail(f"{path} is missing: run ./dev.sh test, which provisions it")
    return path


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session: reading the 98 MB model's header takes ~2.7 s, and the
    app keeps the result in its cache, as it would across a user's sessions."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_cache: Path) -> Path:
    """Point XDG folders at a temp dir so no test touches the user's real chats or settings."""
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("XDG_CACHE_HOME", str(session_cache))
    # Only the models a test installs itself (the optional second model is in resources/models/
    # once provisioned; tests that want it say so, see tests/drive_helpers.py).
    monkeypatch.setenv("SMALLER_SHARED_MODELS", "")
    # Qt resolves the settings folder once per process: point it at this test's folder.
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def english_numbers_after_each_test():  # type: ignore[no-untyped-def]
    """A test that sets the window's language leaves the core's number writer behind: reset it,
    so the next test's core sentences are English as the CLI writes them."""
    yield
    from desktop.core.figures import set_number_writer

    set_number_writer(None)


@pytest.fixture(scope="session")
def model_cache(session_cache: Path) -> Path:
    return session_cache / "smaller"


@pytest.fixture
def engine(model_path: Path, model_cache: Path):  # type: ignore[no-untyped-def]
    """A loaded Engine on the real default model, one thread (the safe default on 2 cores)."""
    from desktop.core.engine import Engine

    eng = Engine(model_path, n_threads=1, cache_dir=model_cache)
    eng.load()
    yield eng
    eng.close()


@pytest.fixture(scope="session", autouse=True)
def wait_for_lingering_threads():  # type: ignore[no-untyped-def]
    """A window closed while its model was still loading leaves the worker thread to finish on
    its own (the app then exits without it). Tests wait for it, so Qt never destroys a running
    thread at the end of the session."""
    yield
    from desktop.workers.engine_worker import LINGERING

    for item in LINGERING:
        thread = item[0] if isinstance(item, tuple) else item
        if hasattr(thread, "wait"):  # a QThread (downloads)
            thread.wait(60_000)
        elif hasattr(thread, "shutdown"):  # an EngineService
            thread.shutdown(60.0)


_NEEDS_MODEL = {"model_path", "engine", "model_cache"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers that say what each test needs, from the fixtures it uses, so the fast tier
    (`pytest -m "not model and not qt"`: core code, no model, no Qt) selects itself."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & _NEEDS_MODEL:
            item.add_marker(pytest.mark.model)
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.qt)
