"""Running a hidden suite with pytest: once per submission, or many submissions in one session.

``grader check`` runs one suite once (:func:`run_suite`). A grading process of ``grader grade``
collects every suite once (:func:`suite_session`) and then runs their tests for one learner
after another, which saves pytest's start-up and collection (about 0.2 s) per learner and exercise.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from grader._catalog import Exercise

if TYPE_CHECKING:
    import pytest

    from grader._report import TestResult
    from grader._sandbox import LearnerRunner

SuiteRunner = Callable[[Exercise, "LearnerRunner", str], "list[TestResult]"]
"""Runs ``exercise``'s suite on a learner on a device, and returns the per-test results."""


class GradingError(Exception):
    """The grader could not do its job (bad input or set-up); the message is one line for a person."""


def _pytest_args(paths: Sequence[Path], rootdir: Path) -> list[str]:
    return [
        *map(str, paths),
        "-c", str(paths[0].parent / "pytest.ini"),
        "--rootdir", str(rootdir),
        "--confcutdir", str(rootdir),
        "--import-mode=importlib",
        "-p", "no:cacheprovider",
        "-p", "no:stepwise",
        "-p", "no:unraisableexception",
        "-p", "no:threadexception",
        "-p", "no:logging",
        "--capture=no",
        "--assert=plain",
        "-q",
    ]


def run_suite(exercise: Exercise, learner: LearnerRunner, device: str) -> list[TestResult]:
    """Run ``exercise``'s hidden suite on ``learner`` in a pytest session of its own."""
    import pytest

    from grader._plugin import SuitePlugin
    from grader._reference import ReferenceRunner
    from grader._warmup import skip_lazy_dynamo_import

    skip_lazy_dynamo_import()
    plugin = SuitePlugin(learner, ReferenceRunner.shared(exercise, device), device)
    code, output = _pytest_main(_pytest_args([exercise.suite_dir], exercise.suite_dir), plugin)
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not plugin.results:
        raise GradingError(f"the hidden suite for {exercise.name} could not run (pytest exit code {int(code)}):\n{output}")
    return plugin.results


def suite_session(exercises: Sequence[Exercise], device: str, driver: Callable[[SuiteRunner], None]) -> None:
    """Collect the suites of ``exercises`` once, then call ``driver(run)`` inside that pytest session.

    ``run(exercise, learner, device)`` runs one suite's tests on one learner, as :func:`run_suite`
    does; it may be called any number of times until ``driver`` returns.
    """
    import pytest

    from grader._plugin import SessionPlugin
    from grader._warmup import skip_lazy_dynamo_import

    skip_lazy_dynamo_import()
    suites = [exercise.suite_dir for exercise in exercises]
    plugin = SessionPlugin(device, driver)
    code, output = _pytest_main(_pytest_args(suites, suites[0].parent), plugin)
    if plugin.failure is not None:
        raise plugin.failure
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.NO_TESTS_COLLECTED) or not plugin.ran:
        raise GradingError(f"the hidden suites could not run (pytest exit code {int(code)}):\n{output}")


def _pytest_main(args: list[str], plugin: object) -> tuple[pytest.ExitCode | int, str]:
    import pytest

    with _isolated_pytest_environment(), contextlib.redirect_stdout(io.StringIO()) as out:
        code = pytest.main(args, plugins=[plugin])
    return code, out.getvalue()


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
