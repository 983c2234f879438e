"""The pytest plugin that turns a hidden suite's run into per-test results and points.

Tests get four fixtures: ``learner`` and ``reference`` (each with ``.probe(name, **kwargs)``),
``expect`` (an :class:`grader.expect.Expect`) and ``device``. ``@pytest.mark.points(n)`` sets a
test's weight (1 by default); the first line of its docstring is its name.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import pytest

from grader._catalog import Exercise
from grader._reference import ReferenceFailure, ReferenceRunner
from grader._report import Status, TestResult
from grader._sandbox import LearnerFailure, LearnerRunner
from grader.expect import Expect, Mismatch


class SuitePlugin:
    def __init__(self, learner: LearnerRunner, reference: ReferenceRunner, device: str) -> None:
        self._learner = learner
        self._reference = reference
        self._device = device
        self.results: list[TestResult] = []

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "points(n): how many points the test is worth")

    @pytest.fixture
    def learner(self) -> LearnerRunner:
        return self._learner

    @pytest.fixture
    def reference(self) -> ReferenceRunner:
        return self._reference

    @pytest.fixture
    def expect(self) -> Expect:
        return Expect(self._device)

    @pytest.fixture
    def device(self) -> str:
        return self._device

    @pytest.hookimpl(tryfirst=True, specname="pytest_runtest_makereport")
    def pytest_runtest_makereport_plain(self, item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport | None:
        """A verdict about the learner needs no traceback of the hidden test: skip pytest's costly
        source-reading failure formatting (about 0.2 s per failed test)."""
        error = call.excinfo.value if call.excinfo else None
        if not isinstance(error, (LearnerFailure, Mismatch)):
            return None
        return pytest.TestReport(
            item.nodeid, item.location, {}, "failed", str(error), call.when, duration=call.duration, start=call.start, stop=call.stop
        )

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.results.append(_result(item, report, call))


class SessionPlugin(SuitePlugin):
    """Collects suites once, then hands a ``run(exercise, learner, device)`` to a driver that
    grades submission after submission in the same session (see :func:`grader._session.suite_session`)."""

    def __init__(self, device: str, driver: Callable[[Callable[..., list[TestResult]]], None]) -> None:
        super().__init__(None, None, device)  # type: ignore[arg-type]
        self._driver = driver
        self.failure: BaseException | None = None
        self.ran = False

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        from _pytest.runner import runtestprotocol

        if session.testsfailed:
            return False  # collection errors: pytest reports them and suite_session raises
        items: dict[str, list[pytest.Item]] = {}
        for item in session.items:
            items.setdefault(item.path.parent.name, []).append(item)

        def run(exercise: Exercise, learner: LearnerRunner, device: str) -> list[TestResult]:
            self._learner, self._device, self.results = learner, device, []
            self._reference = ReferenceRunner.shared(exercise, device)
            for item in items.get(exercise.name, []):
                runtestprotocol(item, log=False, nextitem=None)
            return self.results

        try:
            self._driver(run)
            self.ran = True
        except BaseException as failure:  # noqa: BLE001 - re-raised by suite_session, outside pytest
            self.failure = failure
        return True


def _points(item: pytest.Item) -> float:
    marker = item.get_closest_marker("points")
    return float(marker.args[0]) if marker else 1.0


def _name(item: pytest.Item) -> str:
    doc = getattr(getattr(item, "function", None), "__doc__", None)
    name = doc.strip().splitlines()[0].strip() if doc and doc.strip() else item.name
    callspec = getattr(item, "callspec", None)
    return f"{name} [{callspec.id}]" if callspec else name


def _result(item: pytest.Item, report: pytest.TestReport, call: pytest.CallInfo[None]) -> TestResult:
    points = _points(item)
    status: Status
    details = ""
    if report.passed:
        status, message = "passed", ""
    elif report.skipped:
        status = "skipped"
        message = call.excinfo.value.msg if call.excinfo and hasattr(call.excinfo.value, "msg") else "skipped"
    else:
        error = call.excinfo.value if call.excinfo else None
        if isinstance(error, LearnerFailure):
            status, message, details = error.status, error.message, error.details  # type: ignore[assignment]
        elif isinstance(error, Mismatch):
            status, message = "failed", str(error)
        elif isinstance(error, ReferenceFailure):
            status, message = "error", f"internal error in the grader (not your fault): {error}"
        else:
            status = "error"
            message = f"internal error in the hidden test (not your fault): {type(error).__name__}: {error}"
            details = str(report.longrepr)
    return TestResult(
        id=item.name,
        name=_name(item),
        status=status,
        score=points if status == "passed" else 0.0,
        max_score=points,
        message=message,
        details=details,
    )
