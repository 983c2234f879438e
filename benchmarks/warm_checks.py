"""How long repeated `grader.check` calls take in one process, cold and inside `grader.keep_warm()`.

Both kinds are timed in the same run, alternating, so machine load affects them alike. A cold
check starts a fresh worker interpreter (a torch import); a warm one forks its worker from the
block's server. The first warm check, which starts that server, is reported on its own.

    python benchmarks/warm_checks.py [--rounds 5] [--exercise 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import grader
from grader._warm import suspended

ROOT = Path(__file__).resolve().parents[1]


def timed_check(exercise: int) -> float:
    start = time.perf_counter()
    report = grader.check(exercise, ROOT / "solutions" / f"exercise{exercise}.py", device="cpu")
    elapsed = time.perf_counter() - start
    if report.score != report.max_score:
        raise SystemExit(f"the reference of exercise {exercise} earned {report.score}/{report.max_score}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--exercise", type=int, default=3)
    options = parser.parse_args()
    timed_check(options.exercise)  # this process imports torch and pytest once, for both kinds
    cold, warm = [], []
    with grader.keep_warm():
        first = timed_check(options.exercise)
        for _ in range(options.rounds):
            with suspended():
                cold.append(timed_check(options.exercise))
            warm.append(timed_check(options.exercise))
    cold_median, warm_median = statistics.median(cold), statistics.median(warm)
    print(f"cold check (fresh worker)      median {cold_median:.2f} s  ({', '.join(f'{t:.2f}' for t in cold)})")
    print(f"warm check (forked worker)     median {warm_median:.2f} s  ({', '.join(f'{t:.2f}' for t in warm)})")
    print(f"first check in keep_warm       {first:.2f} s (starts the server)")
    print(f"ratio cold / warm {cold_median / warm_median:.1f}")


if __name__ == "__main__":
    main()
