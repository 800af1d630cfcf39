"""How long checking a model file takes: gguf's GGUFReader (the way before issue 10) against
desktop.core.ggufheader (the way now), side by side in one run, rounds interleaved A-B, B-A.

Cases: a 15 MB file of an unknown architecture with an 85,000-token vocabulary (built with
tests/gguf_factory.py; the issue's "32 s to refuse"), and the bundled SmolLM2-135M (49,152
tokens), read without a cache. Prints JSON: median seconds per side and the ratio old / new.

    .venv/bin/python scripts/bench_preflight.py [rounds]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.gguf_factory

from gguf import GGUFReader  # noqa: E402

from desktop.core.modelfile import ModelFileError, preflight  # noqa: E402
from desktop.core.paths import default_model_path  # noqa: E402
from tests.gguf_factory import write_gguf  # noqa: E402


def old_way(path: Path) -> str:
    """What preflight did before: GGUFReader over the whole header, then the architecture."""
    field = GGUFReader(path).get_field("general.architecture")
    return str(field.contents()) if field is not None else ""


def new_way(path: Path) -> str:
    try:
        return preflight(path, available_ram=10**12).architecture
    except ModelFileError as exc:
        return exc.kind


def main(rounds: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="smaller-bench-"))
    unknown = write_gguf(folder / "unknown.gguf", arch="mamba", extra_tokens=85_000)
    bundled = folder / "bundled.gguf"  # a link, so the shipped sidecar (.info.json) is not used
    bundled.symlink_to(default_model_path())
    cases = {"unknown_architecture_15mb": unknown, "bundled_smollm2": bundled}
    report: dict[str, object] = {"rounds": rounds}
    for name, path in cases.items():
        times: dict[str, list[float]] = {"gguf_reader_s": [], "ggufheader_s": []}
        outcome = ""
        for i in range(rounds):
            order = (
                ("gguf_reader_s", "ggufheader_s")
                if i % 2 == 0
                else ("ggufheader_s", "gguf_reader_s")
            )
            for side in order:
                started = time.perf_counter()
                result = old_way(path) if side == "gguf_reader_s" else new_way(path)
                times[side].append(time.perf_counter() - started)
                outcome = result if side == "ggufheader_s" else outcome
        old, new = (statistics.median(v) for v in times.values())
        report[name] = {
            "file_mb": round(path.stat().st_size / 1e6, 1),
            "outcome": outcome,
            "gguf_reader_s": round(old, 4),
            "ggufheader_s": round(new, 4),
            "ratio_old_over_new": round(old / new, 1),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
