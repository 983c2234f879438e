"""A class roster: one folder per learner, read into memory before any learner code runs.

The folder name is the learner id. An exercise is found at ``exercises/exerciseN.py``,
``exerciseN.py``, ``exercises/exerciseN.ipynb`` or ``exerciseN.ipynb`` (the first that exists).
Nothing else in a learner's folder (a ``conftest.py``, a ``pytest.ini``, ...) is read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader._catalog import Exercise, kit_root
from grader._check import Unusable
from grader._outputs import is_valid_learner_id
from grader._submission import Submission, SubmissionError, read_submission

NOT_SUBMITTED = "not submitted"
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class RosterError(Exception):
    """The roster cannot be read (missing folder, bad ``--shard``); one line for the instructor."""


@dataclass(frozen=True)
class Learner:
    """One learner's hand-in: per exercise, the submission, why it cannot run, or None (missing)."""

    id: str
    folder: Path
    submissions: dict[str, Submission | Unusable | None]

    def fingerprint(self, grading: str) -> str:
        """Changes when any handed-in file, the grader or the grading options change."""
        digest = hashlib.sha256(grading.encode())
        for name, submission in sorted(self.submissions.items()):
            digest.update(f"\0{name}\0".encode())
            if isinstance(submission, Submission):
                digest.update(b"source\0" + submission.source.encode() + b"\0" + json.dumps(submission.cells).encode())
            elif isinstance(submission, Unusable):
                digest.update(b"unusable\0" + submission.reason.encode())
            else:
                digest.update(b"missing")
        return digest.hexdigest()


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> (2, 4): the second of four shards."""
    match = _SHARD.match(text)
    if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
        raise RosterError(f"--shard must be K/N with 1 <= K <= N (e.g. 2/4), not {text!r}")
    return int(match.group(1)), int(match.group(2))


def learner_ids(roster: Path, shard: tuple[int, int] | None = None) -> list[str]:
    """The learner folders of ``roster``, sorted; with ``shard`` (K, N) every N-th from the K-th."""
    if not roster.is_dir():
        raise RosterError(f"no roster folder at {roster}")
    try:
        names = sorted(entry.name for entry in roster.iterdir() if entry.is_dir() and is_valid_learner_id(entry.name))
    except OSError as error:
        raise RosterError(f"cannot read the roster folder {roster}: {error.strerror or error}") from None
    if shard is not None:
        index, count = shard
        names = names[index - 1 :: count]
    return names


def read_learner(roster: Path, learner: str, exercises: list[Exercise]) -> Learner:
    """Read every exercise file of one learner into memory."""
    folder = roster / learner
    return Learner(learner, folder, {exercise.name: _read(folder, exercise) for exercise in exercises})


def _read(folder: Path, exercise: Exercise) -> Submission | Unusable | None:
    for candidate in (
        folder / "exercises" / exercise.filename,
        folder / exercise.filename,
        folder / "exercises" / f"{exercise.name}.ipynb",
        folder / f"{exercise.name}.ipynb",
    ):
        if candidate.is_symlink():
            return Unusable(candidate, f"{candidate.name} is a symbolic link; hand in the file itself")
        if candidate.is_file():
            try:
                return read_submission(candidate)
            except SubmissionError as error:
                return Unusable(candidate, str(error))
        if candidate.exists():
            return Unusable(candidate, f"{candidate.name} is not a regular file")
    return None


def grading_fingerprint(version: str, options: dict[str, Any]) -> str:
    """The grader's code, its kit and the options: a change in any means every learner is regraded."""
    digest = hashlib.sha256(json.dumps({"version": version, "options": options}, sort_keys=True).encode())
    package = Path(__file__).resolve().parent
    roots = [package, kit_root() / "solutions"]
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if "__pycache__" in path.parts or "_kit" in path.relative_to(root).parts:
                continue
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
