"""The pytest plugin that turns a hidden suite's run into per-test results and points.

Tests get four fixtures: ``learner`` and ``reference`` (each with ``.probe(name, **kwargs)``),
``expect`` (an :class:`grader.expect.Expect`) and ``device``. ``@pytest.mark.points(n)`` sets a
test's weight (1 by default); the first line of its docstring is its name.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

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

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        if report.when == "call" or (report.when == "setup" and not report.passed):
            self.results.append(_result(item, report, call))


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
