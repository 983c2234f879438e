"""``check``: grade one file of one exercise against its hidden suite."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

from grader._catalog import Exercise, find_exercise
from grader._report import Report
from grader._sandbox import LearnerRunner, Limits

DEVICES = ("auto", "cpu", "cuda")


class GradingError(Exception):
    """The grader could not do its job (bad input or set-up); the message is one line for a person."""


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

    Learner code runs only in a worker process; the suite's assertions run here. Raises
    :class:`GradingError` for a missing file, an unknown exercise or an unavailable device.
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
    limits = limits or Limits()

    learner = LearnerRunner(exercise, learner_path, device, limits)
    learner.start()  # the worker imports torch while this process does the same
    try:
        resolved = _resolve_device(device)
        learner.device = resolved
        results = _run_suite(exercise, learner, resolved)
    finally:
        learner.close()
    return Report(
        exercise=exercise.name,
        title=exercise.title,
        device=resolved,
        path=str(learner_path),
        tests=results,
        output=learner.output(),
    )


def _resolve_device(requested: str) -> str:
    import torch

    from grader.probing import resolve_device

    if requested == "cuda" and not torch.cuda.is_available():
        raise GradingError("--device cuda was asked for, but this machine has no CUDA device available to torch")
    return resolve_device(requested)


def _run_suite(exercise: Exercise, learner: LearnerRunner, device: str) -> list:
    import pytest

    from grader._plugin import SuitePlugin
    from grader._reference import ReferenceRunner
    from grader._warmup import skip_lazy_dynamo_import

    skip_lazy_dynamo_import()
    plugin = SuitePlugin(learner, ReferenceRunner(exercise, device), device)
    suite = exercise.suite_dir
    args = [
        str(suite),
        "-c", str(suite.parent / "pytest.ini"),
        "--rootdir", str(suite),
        "--confcutdir", str(suite),
        "--import-mode=importlib",
        "-p", "no:cacheprovider",
        "-p", "no:stepwise",
        "-p", "no:unraisableexception",
        "-p", "no:threadexception",
        "--capture=no",
        "--assert=plain",
        "-q",
    ]
    with _isolated_pytest_environment(), contextlib.redirect_stdout(io.StringIO()) as out:
        code = pytest.main(args, plugins=[plugin])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not plugin.results:
        raise GradingError(f"the hidden suite for {exercise.name} could not run (pytest exit code {int(code)}):\n{out.getvalue()}")
    return plugin.results


@contextlib.contextmanager
def _isolated_pytest_environment() -> Iterator[None]:
    """No installed plugin, PYTEST_ADDOPTS or user config may change how a hidden suite runs."""
    saved = {key: os.environ.get(key) for key in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD")}
    os.environ.pop("PYTEST_ADDOPTS", None)
    os.environ.pop("PYTEST_PLUGINS", None)
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
