"""The Linux package, tested the way a user gets it: build the .deb, extract it, run what is inside.

Skipped unless SMALLER_PACKAGING_TEST=1, because it takes minutes and installs system packages:

    SMALLER_PACKAGING_TEST=1 .venv/bin/python -m pytest tests/test_packaging.py -q

It builds with `packaging/build.py` (or, with SMALLER_PACKAGING_REUSE=1, reuses the .deb that a
build.py run just made in the same CI step), extracts the package with `dpkg-deb -x` and then:
- runs the packaged `smaller ask "Say hello" --json` with an empty home folder;
- starts the real window under Xvfb on the `xcb` platform (not `offscreen`, which hides missing
  X libraries), dismisses the first-run welcome, types a message, waits for the answer in the
  chats database, quits with Ctrl+Q and expects exit code 0;
- runs desktop-file-validate, appstreamcli validate and lintian (with a short suppress list);
- prints the sizes and times and checks them against the targets in packaging/README.md.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        os.environ.get("SMALLER_PACKAGING_TEST") != "1",
        reason="packaging test: set SMALLER_PACKAGING_TEST=1 (builds and checks the .deb, minutes)",
    ),
]

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.smaller.Smaller"
TEST_DEBS = ["xvfb", "xauth", "xdotool", "x11-utils", "lintian", "desktop-file-utils", "appstream"]

# Targets (packaging/README.md records the measured figures). The packaging issue set 160 / 60 MB
# for the chat alone (measured 148.2 / 57.7); reading documents (issue 14: wordllama and its
# weights 28 MB, tokenizers 11 MB, lxml 10 MB, pypdf, python-docx, odfdo) and the local server
# (issue 15: 4.5 MB) brought it to 176.3 / 85.9 MB, so the targets follow.
MAX_DEB_MB = 180
MAX_DEB_NOMODEL_MB = 90
MAX_USABLE_WINDOW_S = 3.0
MAX_BUILD_AND_TEST_S = 600

# Lintian findings that a self-contained bundle under /opt cannot avoid. Anything else (for
# example a wrong permission, a bad control field or a broken .desktop file) fails the test.
LINTIAN_SUPPRESS = [
    "dir-or-file-in-opt",  # the issue puts the app in /opt/smaller by design
    "embedded-library",  # the bundle carries its own zlib, expat, libpng... (PyInstaller)
    "custom-library-search-path",  # wheels find their own libraries through RPATH=$ORIGIN/...
    "unstripped-binary-or-object",  # as shipped in the wheels; strip corrupts patchelf'ed ones
    "shared-library-lacks-prerequisites",  # Python extension modules and data-only libicudata
    "library-not-linked-against-libc",  # tiny Python extension modules that call no libc
    "hardening-no-pie",  # PyInstaller's prebuilt bootloader
]

MEASURED: dict[str, Any] = {}
STARTED = time.monotonic()


def _load_build_module() -> ModuleType:
    # packaging/ is not a Python package (its name would shadow the `packaging` distribution).
    spec = importlib.util.spec_from_file_location("smaller_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh user session looks like: an empty home, no XDG_* variables, no venv."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


@pytest.fixture(scope="module")
def build_module() -> ModuleType:
    module = _load_build_module()
    module.ensure_debs(TEST_DEBS)
    return module


@pytest.fixture(scope="module")
def built(build_module: ModuleType) -> dict[str, Any]:
    """The package and the build's report (sizes, times)."""
    report_path = build_module.REPORT
    reuse = os.environ.get("SMALLER_PACKAGING_REUSE") == "1" and report_path.exists()
    if not (reuse and Path(json.loads(report_path.read_text())["deb"]).exists()):
        start = time.monotonic()
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
        MEASURED["build_s_this_run"] = round(time.monotonic() - start, 1)
    report: dict[str, Any] = json.loads(report_path.read_text())
    MEASURED.update(report)
    return report


@pytest.fixture(scope="module")
def deb(built: dict[str, Any]) -> Path:
    return Path(built["deb"])


@pytest.fixture(scope="module")
def root(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's files, extracted as they would be installed."""
    target = tmp_path_factory.mktemp("pkg")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    return target


def test_control_fields(deb: Path) -> None:
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                            check=True).stdout  # fmt: skip
    assert re.search(r"^Package: smaller$", fields, re.M)
    assert re.search(r"^Architecture: \S+$", fields, re.M)
    depends = re.search(r"^Depends: (.*)$", fields, re.M)
    assert depends, fields
    # Computed from the bundle: glibc floor first, then the system libraries it links to.
    assert re.match(r"libc6 \(>= 2\.\d+\)", depends.group(1)), depends.group(1)
    assert "libxcb1" in depends.group(1)
    # The Depends resolve on this machine (a simulation: nothing is installed).
    sim = subprocess.run(["apt-get", "install", "-s", "--no-install-recommends", str(deb)],
                         capture_output=True, text=True)  # fmt: skip
    assert sim.returncode == 0, sim.stdout + sim.stderr


def test_contents_stay_in_their_folders(root: Path) -> None:
    files = [p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()]
    allowed = (
        "opt/smaller/", "usr/bin/smaller", f"usr/share/applications/{APP_ID}.desktop",
        "usr/share/icons/hicolor/", f"usr/share/metainfo/{APP_ID}.metainfo.xml",
        "usr/share/doc/smaller/", "usr/share/man/man1/smaller.1.gz",
    )  # fmt: skip
    strays = [f for f in files if not f.startswith(allowed)]
    assert not strays, strays
    icons = [f for f in files if f.startswith("usr/share/icons/")]
    assert not [f for f in icons if not f.endswith((f"/apps/{APP_ID}.png", f"/apps/{APP_ID}.svg"))]
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in files
    assert f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in files
    # The launcher on the PATH points into /opt.
    assert os.readlink(root / "usr/bin/smaller") == "/opt/smaller/smaller"
    # The CUDA backends are left out; the CPU (kompute) ones are in.
    assert not [f for f in files if re.search(r"(^|[-_/])cuda", f.lower())]  # not libicudata
    assert [f for f in files if "libllamamodel-mainline-kompute" in f]
    # The default model and the French translation are bundled.
    internal = root / "opt/smaller/_internal/resources"
    assert (internal / "models/SmolLM2-135M-Instruct-Q4_1.gguf").stat().st_size > 50e6
    assert list((internal / "translations").glob("*.qm"))
    copyright_text = (root / "usr/share/doc/smaller/copyright").read_text()
    assert "Apache-2.0" in copyright_text and "SmolLM2" in copyright_text
    assert "LGPL-3" in copyright_text


def test_headless_answer_with_empty_home(root: Path, tmp_path: Path) -> None:
    home = tmp_path / "empty-home"  # (tests/conftest.py already made tmp_path/home)
    home.mkdir()
    start = time.monotonic()
    result = subprocess.run(
        [str(root / "opt/smaller/smaller"), "ask", "Say hello", "--json"],
        env=clean_env(home), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    MEASURED["ask_s"] = round(time.monotonic() - start, 2)
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout)
    assert answer["status"] == "complete", answer
    assert answer["answer"].strip()
    assert answer["model"].startswith("SmolLM2 135M Instruct")  # the bundled default model


class Xvfb:
    """A private X server on a free display (Xvfb picks it and writes it to a pipe)."""

    def __init__(self) -> None:
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24",
             "-nolisten", "tcp"],
            pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.env = {"PATH": "/usr/bin:/bin", "DISPLAY": self.display}

    def xdotool(self, *args: str) -> list[str]:
        out = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True,
                             timeout=10)  # fmt: skip
        return out.stdout.split()

    def visible(self, title_regex: str) -> list[str]:
        return self.xdotool("search", "--onlyvisible", "--name", title_regex)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _messages(home: Path) -> list[tuple[str, str]]:
    """(role, status) of every message in the chats database the app made under `home`."""
    # ~/.local/share/Smaller/Smaller/chats.sqlite3 (documents.sqlite3 lies beside it)
    for db in home.rglob("chats.sqlite3"):
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as con:
                return [(r[0], r[1]) for r in con.execute("SELECT role, status FROM messages")]
        except sqlite3.Error:
            return []  # created but not migrated yet, or locked for a moment
    return []


def _wait_for(predicate: Any, timeout: float, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def _run_window(root: Path, home: Path, x: Xvfb, log: Path, *, first_run: bool) -> dict[str, float]:
    """Start the packaged app, use it as a person would, quit with Ctrl+Q. Returns timings."""
    timings: dict[str, float] = {}
    answers_before = _messages(home).count(("assistant", "complete"))
    with log.open("w") as log_file:
        start = time.monotonic()
        app = subprocess.Popen(
            [str(root / "opt/smaller/smaller")],
            env=clean_env(home, DISPLAY=x.display, QT_QPA_PLATFORM="xcb"),
            stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            # 1. The main window appears (title "Smaller").
            found = _wait_for(lambda: app.poll() is not None or x.visible("^Smaller$"), 30)
            assert found and app.poll() is None, f"no window, exit {app.poll()}:\n{log.read_text()}"
            window = x.visible("^Smaller$")[0]
            timings["window_s"] = time.monotonic() - start
            # 2. On the first run (empty home) the welcome is shown over it: Esc skips it.
            if first_run:
                welcome = _wait_for(lambda: x.visible("^Welcome to Smaller$"), 10)
                assert welcome, "the first-run welcome did not appear"
                x.xdotool("windowfocus", "--sync", welcome[0])
                x.xdotool("key", "Escape")

            # 3. Usable = a typed message is accepted, which needs the model loaded. Until then
            #    the app keeps the text and says "not ready": type and press Enter until sent.
            def send() -> bool:
                x.xdotool("windowfocus", "--sync", window)
                x.xdotool("key", "ctrl+a")
                x.xdotool("type", "--delay", "0", "Say hello")
                x.xdotool("key", "Return")
                return len(_messages(home)) > 2 * answers_before

            assert _wait_for(send, 30, 0.02), f"no message was accepted:\n{log.read_text()}"
            timings["usable_s"] = time.monotonic() - start
            # 4. The model answers in the window (offline, on the bundled model).
            answered = _wait_for(
                lambda: _messages(home).count(("assistant", "complete")) > answers_before, 60, 0.2
            )
            assert answered, _messages(home)
            timings["answer_s"] = time.monotonic() - start
            # 5. Ctrl+Q (File > Quit) closes it cleanly.
            x.xdotool("windowfocus", "--sync", window)
            x.xdotool("key", "ctrl+q")
            assert app.wait(10) == 0, log.read_text()[-3000:]
            timings["closed_s"] = time.monotonic() - start
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    return {k: round(v, 2) for k, v in timings.items()}


def test_window_under_xvfb(root: Path, tmp_path: Path) -> None:
    """First launch with an empty home, then a second launch (what a user sees every day)."""
    home = tmp_path / "empty-home"  # (tests/conftest.py already made tmp_path/home)
    home.mkdir()
    x = Xvfb()
    try:
        first = _run_window(root, home, x, tmp_path / "first.log", first_run=True)
        MEASURED["first_launch"] = first
        again = _run_window(root, home, x, tmp_path / "again.log", first_run=False)
        MEASURED["next_launch"] = again
    finally:
        x.stop()
    # How quick the first and next launches are is printed by test_targets, not asserted: on a
    # busy 2-core machine a slow launch is not a bug. That they work at all is asserted above.


def test_desktop_entry_and_appstream(root: Path) -> None:
    desktop = root / f"usr/share/applications/{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not available")
    metainfo = root / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_lintian(deb: Path) -> None:
    start = time.monotonic()
    result = subprocess.run(
        ["lintian", "--fail-on", "error,warning", "--suppress-tags", ",".join(LINTIAN_SUPPRESS),
         str(deb)],
        capture_output=True, text=True,
    )  # fmt: skip
    MEASURED["lintian_s"] = round(time.monotonic() - start, 1)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_targets(built: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """Print the figures (sizes, times); hold the sizes to their targets. Times are printed
    only: on a shared 2-core machine they vary for reasons that are not bugs."""
    total = round(time.monotonic() - STARTED, 1)
    MEASURED["build_and_test_s"] = total
    seconds = built.get("seconds", {})
    lines = [
        f".deb with model:      {built['deb_mb']} MB (target <= {MAX_DEB_MB})",
        f".deb without model:   {built['deb_nomodel_mb']} MB (target <= {MAX_DEB_NOMODEL_MB})",
        f"installed folder:     {built['folder_mb']} MB",
        f"build (build.py):     {seconds.get('total')} s  {seconds}",
        f"first launch (empty home): {MEASURED.get('first_launch')}",
        f"next launch:               {MEASURED.get('next_launch')}",
        f"  (window_s: window shown; usable_s: a typed message accepted, aim < "
        f"{MAX_USABLE_WINDOW_S} s; answer_s: answer complete; closed_s: exited 0 after Ctrl+Q)",
        f"`smaller ask` took:   {MEASURED.get('ask_s')} s",
        f"lintian took:         {MEASURED.get('lintian_s')} s",
        f"this test run:        {total} s (build + test, aim <= {MAX_BUILD_AND_TEST_S})",
    ]
    with capsys.disabled():
        print("\n== packaging figures\n" + "\n".join(lines))
    assert built["deb_mb"] <= MAX_DEB_MB
    if built["deb_nomodel_mb"] is not None:
        assert built["deb_nomodel_mb"] <= MAX_DEB_NOMODEL_MB
