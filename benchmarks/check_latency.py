"""How long `grader check exercise3` takes on the reference, next to `python -c "import torch"`.

Both are timed in the same run, alternating, so machine load affects them alike; the ratio of the
medians is the figure to watch (goal: at most 1.5).

    python benchmarks/check_latency.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.5


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    baseline_command = [sys.executable, "-c", "import torch"]
    check_command = [sys.executable, "-m", "grader", "check", "exercise3", "solutions/exercise3.py", "--device", "cpu"]
    timed(baseline_command)  # warm the file cache for both
    timed(check_command)
    baseline, check = [], []
    for _ in range(rounds):
        baseline.append(timed(baseline_command))
        check.append(timed(check_command))
    baseline_median, check_median = statistics.median(baseline), statistics.median(check)
    ratio = check_median / baseline_median
    print(f"python -c 'import torch'          median {baseline_median:.2f} s  ({', '.join(f'{t:.2f}' for t in baseline)})")
    print(f"grader check exercise3 (reference) median {check_median:.2f} s  ({', '.join(f'{t:.2f}' for t in check)})")
    print(f"ratio {ratio:.2f} (goal: at most {GOAL}) -> {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
