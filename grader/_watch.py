"""``grader watch``: check again whenever the learner saves, and move on when an exercise passes.

The loop polls the file (mtime and size, then a content hash, so a save with the same content does
not re-check) and takes its effects as arguments (the check, the clock's sleep, a stop condition),
so tests drive it by editing the file. No dependency beyond the standard library.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grader._catalog import EXERCISES, Exercise
from grader._report import Report


def pause(seconds: float) -> None:
    """The wait between two looks at the file (what the command passes as ``sleep``)."""
    time.sleep(seconds)


@dataclass(frozen=True)
class Snapshot:
    """What the poll compares: the file's mtime, size and content hash."""

    mtime_ns: int
    size: int
    digest: str


def snapshot(path: Path, previous: Snapshot | None = None) -> Snapshot | None:
    """The file's snapshot, or None when it does not exist; the hash is reused while mtime and size stay."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if previous is not None and (stat.st_mtime_ns, stat.st_size) == (previous.mtime_ns, previous.size):
        return previous
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return Snapshot(stat.st_mtime_ns, stat.st_size, digest)


def next_exercise(exercise: Exercise) -> Exercise | None:
    """The exercise after ``exercise`` in the course, or None after the last."""
    later = [each for each in EXERCISES if each.number > exercise.number]
    return later[0] if later else None


def watch(
    exercise: Exercise,
    path_of: Callable[[Exercise], Path],
    run_check: Callable[[Exercise, Path], Report | None],
    *,
    on_waiting: Callable[[Exercise, Path], None] = lambda exercise, path: None,
    on_next: Callable[[Exercise, Exercise], None] = lambda done, following: None,
    sleep: Callable[[float], None],
    interval: float = 0.5,
    should_stop: Callable[[], bool] = lambda: False,
) -> Exercise | None:
    """Check ``exercise`` now and after each change of its file, until ``should_stop()``.

    ``run_check`` checks and shows the result (None when the check could not run). When an
    exercise passes, the next one is watched at ``path_of(next)``. Returns the exercise watched
    last, or None when every exercise from ``exercise`` on passes.
    """
    current: Exercise | None = exercise
    seen: Snapshot | None = None
    checked: str | None = None
    waiting = False
    while current is not None and not should_stop():
        path = path_of(current)
        seen = snapshot(path, seen)
        if seen is None:
            if not waiting:
                on_waiting(current, path)
                waiting = True
        elif seen.digest != checked:
            waiting = False
            checked = seen.digest
            report = run_check(current, path)
            if report is not None and report.passed:
                following = next_exercise(current)
                if following is not None:
                    on_next(current, following)
                current, seen, checked = following, None, None
                continue
        sleep(interval)
    return current
