"""What the API server adds to an answer, printed as JSON: `smaller bench --server` (the server
path against `smaller ask`'s path, interleaved; see desktop/core/server/bench.py), plus
`smaller ask --json` run as a process on the same prompt (its time to first token and total time,
model load included) and the installed size of the server's packages.

    .venv/bin/python scripts/bench_server.py [rounds]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-bench-")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.paths import default_model_path  # noqa: E402
from desktop.core.server.bench import PROMPT, run_server_bench  # noqa: E402

SERVER_PACKAGES = ("starlette", "uvicorn", "anyio", "h11", "click", "idna")
MAX_TOKENS = 96


def package_mb() -> dict[str, float]:
    sizes = {}
    for name in SERVER_PACKAGES:
        dist = metadata.distribution(name)
        paths = [Path(str(dist.locate_file(f))) for f in dist.files or []]
        total = sum(p.stat().st_size for p in paths if p.is_file())
        sizes[f"{name} {dist.version}"] = round(total / 1e6, 2)
    return sizes


def main(rounds: int) -> None:
    report = run_server_bench(default_model_path(), rounds=rounds, max_tokens=MAX_TOKENS)
    ask = subprocess.run(
        [sys.executable, "-m", "desktop", "ask", PROMPT, "--json", "--temperature", "0",
         "--max-tokens", str(MAX_TOKENS), "--threads", "1", "--system", " "],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    answer = json.loads(ask.stdout) if ask.returncode == 0 else {}
    keys = ("ttft_s", "total_s", "tokens_per_s")
    report["smaller_ask_process"] = {k: answer.get(k) for k in keys}
    report["server_packages_mb"] = package_mb()
    report["cpus"] = os.cpu_count()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
