"""``check``: grade one file of one exercise against its hidden suite."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from grader._catalog import Exercise, find_exercise
from grader._forkserver import ForkServer, ForkServerError
from grader._report import Report
from grader._sandbox import LearnerRunner, Limits
from grader._session import GradingError, SuiteRunner, run_suite
from grader._submission import Submission, SubmissionError, read_submission
from grader._warm import warm_server

DEVICES = ("auto", "cpu", "cuda")


def default_path(exercise: Exercise, base: Path | None = None) -> Path:
    """Where a learner's file lives by default: ``exercises/exerciseN.py`` under ``base`` (the cwd)."""
    return (base or Path.cwd()) / "exercises" / exercise.filename


def check(
    exercise: str | int | Exercise,
    path: str | os.PathLike[str] | None = None,
    *,
    device: str = "auto",
    limits: Limits | None = None,
) -> Report:
    """Grade ``path`` (default: :func:`default_path`) against ``exercise``'s hidden suite.

    Learner code runs only in a worker process; the suite's assertions run here. Within
    :func:`grader.keep_warm` the worker is forked from a warm server instead of started afresh.
    Raises :class:`GradingError` for a missing file, an unknown exercise or an unavailable device.
    """
    if not isinstance(exercise, Exercise):
        try:
            exercise = find_exercise(exercise)
        except LookupError as error:
            raise GradingError(str(error)) from None
    if device not in DEVICES:
        raise GradingError(f"unknown device {device!r}; choose one of {', '.join(DEVICES)}")
    learner_path = Path(path) if path is not None else default_path(exercise)
    if not learner_path.is_file():
        raise GradingError(f"no file to grade at {learner_path}")
    try:
        submission: Submission | Unusable = read_submission(learner_path)
    except SubmissionError as error:
        submission = Unusable(learner_path, str(error))
    try:
        server = warm_server()
    except ForkServerError:
        server = None  # no fork server on this system: a fresh worker, as outside keep_warm
    return grade_submission(exercise, submission, device=device, limits=limits, forkserver=server)


@dataclass(frozen=True)
class Unusable:
    """A file that cannot be run at all; every test fails with ``reason``."""

    path: Path
    reason: str


def grade_submission(
    exercise: Exercise,
    submission: Submission | Unusable,
    *,
    device: str = "auto",
    limits: Limits | None = None,
    forkserver: ForkServer | None = None,
    suites: SuiteRunner | None = None,
) -> Report:
    """Run ``exercise``'s hidden suite on a submission read already (the engine of :func:`check`).

    ``forkserver`` forks the worker instead of starting a fresh interpreter; ``suites`` runs the
    suite in a pytest session that is already collected (see :func:`grader._session.suite_session`).
    """
    limits = limits or Limits()
    if isinstance(submission, Unusable):
        learner = LearnerRunner(exercise, Submission(submission.path, ""), device, limits, forkserver)
        learner.reject(submission.reason)
    else:
        learner = LearnerRunner(exercise, submission, device, limits, forkserver)
        learner.start()  # the worker imports torch while this process does the same
    try:
        resolved = _resolve_device(device)
        learner.device = resolved
        results = (suites or run_suite)(exercise, learner, resolved)
    finally:
        learner.close()
    return Report(
        exercise=exercise.name,
        title=exercise.title,
        device=resolved,
        path=str(submission.path),
        tests=results,
        output=learner.output(),
        incidents=learner.incidents,
    )


def _resolve_device(requested: str) -> str:
    import torch

    from grader.probing import resolve_device

    if requested == "cuda" and not torch.cuda.is_available():
        raise GradingError("--device cuda was asked for, but this machine has no CUDA device available to torch")
    return resolve_device(requested)
