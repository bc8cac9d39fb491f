"""Start-up benchmark: process start to main window shown, Mailsource vs a bare PySide6 window.

Both run offscreen as fresh processes (``python -u``), timed from spawn to the line each prints
once its window is shown and the event loop runs. Mailsource opens an existing data folder with
the demo clients (the everyday case: database present and current). Medians of ``--runs``,
alternating the two so machine noise hits both alike.

    .venv/bin/python bench/startup.py [--runs 15]

The last line reads ``startup: <ms> vs <ms> = ratio <R> (target 1.5)``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = 1.5

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 700)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def _env() -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE (set on some build machines) would make every start recompile our
    # modules from source, which no user's start does: the bundle ships bytecode and a source
    # checkout writes its caches on the first run. The warm-up run writes them here.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("MAILSOURCE_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def time_to_line(cmd: list[str], marker: str) -> float:
    """Seconds from spawning ``cmd`` until it prints a line containing ``marker``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(), cwd=REPO, text=True
    )
    assert proc.stdout is not None
    elapsed = None
    for line in proc.stdout:
        if elapsed is None and marker in line:
            elapsed = time.perf_counter() - start
    proc.stdout.close()
    proc.wait(timeout=60)
    if elapsed is None:
        raise RuntimeError(f"{cmd} exited ({proc.returncode}) without printing {marker!r}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="mailsource-bench-"))
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "demo", "--quiet"],
        check=True,
        env=_env(),
        cwd=REPO,
    )
    ours_cmd = [sys.executable, "-u", "-m", "app", "--data-dir", str(data), "--smoke-test"]
    bare_cmd = [sys.executable, "-u", "-c", BARE_WINDOW]
    # warm the OS file cache for both
    time_to_line(ours_cmd, "smoke test: ok")
    time_to_line(bare_cmd, "shown")
    ours: list[float] = []
    data_ready: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):
        bare.append(time_to_line(bare_cmd, "shown"))
        ours.append(time_to_line(ours_cmd, "smoke test: window shown"))
        data_ready.append(time_to_line(ours_cmd, "smoke test: ok"))
    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(bare) * 1000
    data_ms = statistics.median(data_ready) * 1000
    ratio = ours_ms / bare_ms

    def runs(values: list[float]) -> str:
        return ", ".join(f"{v * 1000:.0f}" for v in values)

    print(f"bare PySide6 window shown:  median {bare_ms:.0f} ms (runs: {runs(bare)})")
    print(f"Mailsource window shown:    median {ours_ms:.0f} ms (runs: {runs(ours)})")
    print(f"Mailsource clients listed:  median {data_ms:.0f} ms (runs: {runs(data_ready)})")
    print(f"startup: {ours_ms:.0f} ms vs {bare_ms:.0f} ms = ratio {ratio:.2f} (target {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
