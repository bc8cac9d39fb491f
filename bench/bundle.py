"""Bundle benchmark: size on disk, and start-up to the main window, bundle vs source.

Both start offscreen as fresh processes on the same data folder (the demo clients, database
present and current), timed from spawn to the line ``smoke test: window shown``. Medians of
``--runs``, alternating the two so machine noise hits both alike. The bundle is
``dist/Mailsource`` (``scripts/build.sh``) or ``--bundle DIR``.

    .venv/bin/python bench/bundle.py [--runs 9] [--bundle dist/Mailsource]

Prints ``bundle size: <MB> (target < 220 MB)`` (MiB, as ``du`` counts) and, last,
``bundle startup: <ms> vs <ms> = ratio <R> (target 1.1)``. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))

from startup import _env, time_to_line  # noqa: E402 - the same timing as the start-up bench

SIZE_TARGET_MB = 220
RATIO_TARGET = 1.1
MARKER = "smoke test: window shown"


def disk_size(folder: Path) -> int:
    """Bytes the folder takes on disk (allocated blocks, like ``du``; symlinks count once)."""
    total = 0
    for path in folder.rglob("*"):
        if not path.is_symlink():
            total += path.stat().st_blocks * 512
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "Mailsource")
    args = parser.parse_args()
    names = {"win32": "Mailsource.exe", "darwin": "Mailsource"}
    program = args.bundle / names.get(sys.platform, "mailsource")
    if not program.exists():
        print(f"no bundle at {args.bundle}: run scripts/build.sh first", file=sys.stderr)
        return 2
    size_mb = disk_size(args.bundle) / 2**20
    data = Path(tempfile.mkdtemp(prefix="mailsource-bench-"))
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "demo", "--quiet"],
        check=True,
        env=_env(),
        cwd=REPO,
    )
    bundle_cmd = [str(program), "--data-dir", str(data), "--smoke-test"]
    source_cmd = [sys.executable, "-u", "-m", "app", "--data-dir", str(data), "--smoke-test"]
    # warm the OS file cache for both
    time_to_line(bundle_cmd, "smoke test: ok")
    time_to_line(source_cmd, "smoke test: ok")
    bundle: list[float] = []
    source: list[float] = []
    for _ in range(args.runs):
        bundle.append(time_to_line(bundle_cmd, MARKER))
        source.append(time_to_line(source_cmd, MARKER))
    bundle_ms = statistics.median(bundle) * 1000
    source_ms = statistics.median(source) * 1000
    ratio = bundle_ms / source_ms

    def runs(values: list[float]) -> str:
        return ", ".join(f"{v * 1000:.0f}" for v in values)

    print(f"bundle window shown:  median {bundle_ms:.0f} ms (runs: {runs(bundle)})")
    print(f"source window shown:  median {source_ms:.0f} ms (runs: {runs(source)})")
    print(f"bundle size: {size_mb:.0f} MB (target < {SIZE_TARGET_MB} MB)")
    print(
        f"bundle startup: {bundle_ms:.0f} ms vs {source_ms:.0f} ms = ratio {ratio:.2f} "
        f"(target {RATIO_TARGET})"
    )
    return 0 if ratio <= RATIO_TARGET and size_mb < SIZE_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
