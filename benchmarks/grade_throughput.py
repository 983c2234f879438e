"""Throughput of `grader grade` on a synthetic class, next to a loop of one `grader check` per file.

The roster mixes, per learner and exercise, the reference, a mutant from tests/mutants, the
untouched stub and a missing file (seeded, so every run grades the same class). Both ways are
timed in the same run on the same machine. The loop runs `--jobs` checks at a time, like
`grader grade -j`; because it is slow, it is timed on the first `--loop-sample` learners and scaled
to the whole class (printed as such). Goals: the class in under 60 s on 2 cores, and at least 10x
faster than the loop.

    python benchmarks/grade_throughput.py [--learners 100] [--loop-sample 8] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = [f"exercise{n}" for n in range(1, 7)]
GOAL_SECONDS, GOAL_RATIO = 60.0, 10.0


def build_roster(folder: Path, learners: int, seed: int = 0) -> dict[str, int]:
    """A class of ``learners`` folders; returns how many files of each kind it holds."""
    chooser = random.Random(seed)
    counts = {"reference": 0, "mutant": 0, "stub": 0, "missing": 0}
    for index in range(learners):
        learner = folder / f"learner{index:03d}"
        learner.mkdir(parents=True)
        for exercise in EXERCISES:
            kind = chooser.choices(list(counts), weights=[35, 35, 15, 15])[0]
            counts[kind] += 1
            if kind == "reference":
                shutil.copy(ROOT / "solutions" / f"{exercise}.py", learner / f"{exercise}.py")
            elif kind == "mutant":
                mutants = sorted((ROOT / "tests" / "mutants" / exercise).glob("*.py"))
                shutil.copy(chooser.choice(mutants), learner / f"{exercise}.py")
            elif kind == "stub":
                shutil.copy(ROOT / "exercises" / f"{exercise}.py", learner / f"{exercise}.py")
    return counts


def time_grade(roster: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", "grade", str(roster), "--out", str(out), "-j", str(jobs), "--device", "cpu"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_loop(roster: Path, learners: list[str], jobs: int) -> float:
    """One `grader check` process per learner and exercise, `jobs` at a time."""
    commands = [
        [sys.executable, "-m", "grader", "check", exercise, str(roster / learner / f"{exercise}.py"), "--json", "--device", "cpu"]
        for learner in learners
        for exercise in EXERCISES
        if (roster / learner / f"{exercise}.py").exists()
    ]
    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda command: subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), commands))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--loop-sample", type=int, default=8, help="learners the slow loop is timed on")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="grade-throughput-") as temp:
        roster = Path(temp) / "roster"
        counts = build_roster(roster, args.learners)
        print(f"class: {args.learners} learners x 6 exercises: {counts}; {args.jobs} jobs on {os.cpu_count()} cores")
        grade_seconds = time_grade(roster, Path(temp) / "out", args.jobs)
        print(f"grader grade:           {grade_seconds:7.1f} s  (goal: under {GOAL_SECONDS:g} s)")
        sample = sorted(path.name for path in roster.iterdir())[: args.loop_sample]
        loop_sample = time_loop(roster, sample, args.jobs)
        loop_seconds = loop_sample * args.learners / len(sample)
        print(f"loop of grader check:   {loop_seconds:7.1f} s  (measured {loop_sample:.1f} s on {len(sample)} learners, scaled)")
        ratio = loop_seconds / grade_seconds
        print(f"ratio (loop / grade):   {ratio:7.1f}x (goal: at least {GOAL_RATIO:g}x)")
        met = grade_seconds < GOAL_SECONDS and ratio >= GOAL_RATIO
        print("goals met" if met else "goals NOT met")


if __name__ == "__main__":
    main()
