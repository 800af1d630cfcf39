#!/usr/bin/env python3
"""Build the Linux package in one command: `python3 packaging/build.py` from anywhere.

Steps, each timed:
  1. install the system packages the build needs, if missing (apt-get; CI starts clean);
  2. make an isolated build environment in build/venv (only when pyproject.toml, constraints.txt
     or the pins below changed): the project with `-c constraints.txt`, plus PyInstaller pinned;
  3. provision the default model into resources/models/ (checksum-verified; a no-op when present)
     and compile the translations (resources/translations/*.qm);
  4. run PyInstaller on packaging/smaller.spec -> dist/smaller/;
  5. build dist/smaller_<version>_<arch>.deb, and build/measure/smaller-nomodel_*.deb to report
     the size without the model (both compressed at the same time, one per core);
  6. print the sizes and times, and write them to build/package-report.json.

Options: --second-model (also build the optional second model's own .deb,
smaller-model-qwen2.5-coder-1.5b_*_all.deb, beside the app's: packaging/build_model_deb.py),
--skip-nomodel (one .deb only), --reuse (skip PyInstaller when dist/smaller exists and
is newer than every input; used by the packaging test after a build in the same CI step).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
VENV = ROOT / "build" / "venv"
DIST = ROOT / "dist"
REPORT = ROOT / "build" / "package-report.json"

# The build tools, pinned: the bundle must not change because a new PyInstaller came out.
BUILD_PINS = ["pyinstaller==6.22.3", "pyinstaller-hooks-contrib==2026.9", "altgraph==0.17.5"]

# What PyInstaller bundles depends on what the build machine has: a library that is missing here
# is silently left out of the bundle (the research's xcb pitfall: the window then fails to start
# with a misleading "xcb-cursor0" message). Installing Qt's runtime libraries before every build
# makes the bundle the same on every machine; the wayland ones are linked but left to the system
# (PyInstaller never bundles them), so they must be present for Depends to be computed.
BUILD_DEBS = [
    "binutils",  # readelf, strip
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libglib2.0-0", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
    "libxcb-image0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-randr0",
    "libxcb-xkb1", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
]  # fmt: skip


def ensure_debs(packages: list[str]) -> None:
    """apt-get install what is missing; `apt-get update` only when something is."""
    if shutil.which("dpkg") is None:
        raise SystemExit("This build needs a Debian-like system (dpkg, apt-get).")

    def installed(package: str) -> bool:
        query = ["dpkg-query", "-W", "-f=${Status}", package]
        status = subprocess.run(query, capture_output=True, text=True).stdout
        return status.endswith(" installed")

    missing = [p for p in packages if not installed(p)]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print(f"Installing system packages: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True, env=env,
    )  # fmt: skip


def ensure_venv() -> Path:
    """build/venv with the project and PyInstaller; reinstalled only when the inputs change."""
    python = VENV / "bin" / "python"
    stamp = VENV / ".build-stamp"
    inputs = b"".join((ROOT / f).read_bytes() for f in ("pyproject.toml", "constraints.txt"))
    want = hashlib.sha256(inputs + " ".join(BUILD_PINS).encode()).hexdigest()[:16]
    if python.exists() and stamp.exists() and stamp.read_text() == want:
        return python
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    # A non-editable install: the bundle's metadata (copyright file, --version) comes from here.
    # PyInstaller still reads desktop/ from the work tree (pathex), so code edits need no reinstall.
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-c", str(ROOT / "constraints.txt"), str(ROOT), *BUILD_PINS],
        check=True, cwd=ROOT / "build",
    )  # fmt: skip
    stamp.write_text(want)
    return python


def provision_model(python: Path) -> Path:
    out = subprocess.run(
        [str(python), "-m", "desktop.core.provision"], check=True, capture_output=True,
        text=True, cwd=ROOT,
    )  # fmt: skip
    return Path(out.stdout.strip())


def compile_translations(python: Path) -> None:
    """resources/translations/*.qm are build products (git-ignored): make them from the .ts."""
    script = ROOT / "scripts" / "translations.py"
    if script.exists():
        subprocess.run([str(python), str(script), "compile"], check=True, cwd=ROOT,
                       capture_output=True)  # fmt: skip


def bundle_is_fresh() -> bool:
    """dist/smaller is newer than the spec, the app's code and its resources."""
    exe = DIST / "smaller" / "smaller"
    if not exe.exists():
        return False
    built = exe.stat().st_mtime
    inputs = [HERE / "smaller.spec", ROOT / "pyproject.toml", ROOT / "constraints.txt"]
    for folder in (ROOT / "desktop", ROOT / "resources"):
        inputs += [
            p for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".qm"  # .qm: from .ts
        ]  # fmt: skip
    return all(p.stat().st_mtime <= built for p in inputs)


def run_pyinstaller(python: Path) -> None:
    shutil.rmtree(DIST / "smaller", ignore_errors=True)
    log = ROOT / "build" / "pyinstaller.log"
    with log.open("w") as handle:
        result = subprocess.run(
            [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
             "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
             str(HERE / "smaller.spec")],
            cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT,
        )  # fmt: skip
    if result.returncode != 0:
        print(log.read_text()[-4000:], file=sys.stderr)
        raise SystemExit(f"PyInstaller failed (log: {log})")


def build_debs(python: Path, with_nomodel: bool) -> dict[str, Path]:
    """The shipped .deb and, to measure, the same without the model; in parallel (xz is the
    slow part and each dpkg-deb keeps about one core busy)."""
    jobs = {"deb": [str(HERE / "build_deb.py"), "--out", str(DIST)]}
    if with_nomodel:
        jobs["deb_nomodel"] = [
            str(HERE / "build_deb.py"), "--out", str(ROOT / "build" / "measure"), "--without-model"
        ]  # fmt: skip

    def one(args: list[str]) -> Path:
        out = subprocess.run([str(python), *args], check=True, capture_output=True, text=True)
        print(out.stdout, end="", flush=True)
        return Path(out.stdout.split(":", 1)[0])

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = {name: pool.submit(one, args) for name, args in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def build_second_model_deb(python: Path) -> Path:
    """Provision (verified, a no-op when present) and package the optional second model."""
    subprocess.run([str(python), "-m", "desktop.core.provision", "--second-model"], check=True,
                   cwd=ROOT, capture_output=True)  # fmt: skip
    out = subprocess.run([str(python), str(HERE / "build_model_deb.py"), "--out", str(DIST)],
                         check=True, capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    print(out.stdout, end="", flush=True)
    return Path(out.stdout.split(":", 1)[0])


def source_date_epoch() -> str:
    """The last commit's time, so the package's dates do not change from build to build."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                             text=True, check=True)  # fmt: skip
        return out.stdout.strip() or str(int(time.time()))
    except (OSError, subprocess.CalledProcessError):
        return str(int(time.time()))


def folder_mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-nomodel", action="store_true", help="do not measure without model")
    parser.add_argument("--reuse", action="store_true", help="reuse a fresh dist/smaller")
    parser.add_argument(
        "--second-model", action="store_true",
        help="also build the second model's .deb (downloads 1.1 GB once)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())
    times: dict[str, float] = {}

    def step(name: str, func, *a):  # type: ignore[no-untyped-def]
        start = time.monotonic()
        print(f"== {name}", flush=True)
        value = func(*a)
        times[name] = round(time.monotonic() - start, 1)
        return value

    total = time.monotonic()
    step("system packages", ensure_debs, BUILD_DEBS)
    python = step("build environment", ensure_venv)
    model = step("model", provision_model, python)
    step("translations", compile_translations, python)
    if args.reuse and bundle_is_fresh():
        print("dist/smaller is up to date: PyInstaller skipped")
    else:
        step("pyinstaller", run_pyinstaller, python)
    debs = step(".deb", build_debs, python, not args.skip_nomodel)
    if args.second_model:
        step("second model .deb", build_second_model_deb, python)
    times["total"] = round(time.monotonic() - total, 1)

    report = {
        "deb": str(debs["deb"]),
        "deb_mb": round(debs["deb"].stat().st_size / 1e6, 1),
        "deb_nomodel_mb": round(debs["deb_nomodel"].stat().st_size / 1e6, 1)
        if "deb_nomodel" in debs
        else None,
        "folder_mb": round(folder_mb(DIST / "smaller"), 1),
        "model_mb": round(model.stat().st_size / 1e6, 1),
        "seconds": times,
    }
    REPORT.write_text(json.dumps(report, indent=1))
    print(f"\nPackage:            {report['deb']}")
    print(f".deb with model:    {report['deb_mb']} MB   (target <= 180 MB)")
    if report["deb_nomodel_mb"] is not None:
        print(f".deb without model: {report['deb_nomodel_mb']} MB   (target <= 90 MB)")
    print(f"Installed folder:   {report['folder_mb']} MB (model {report['model_mb']} MB)")
    print("Times (s):          " + ", ".join(f"{k} {v}" for k, v in times.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
