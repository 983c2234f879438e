"""``selftest``: the kit's own promise for course authors: every reference earns full marks and
every untouched stub earns zero."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from grader._catalog import EXERCISES, Exercise
from grader._grade import grade_files
from grader._report import Report


@dataclass(frozen=True)
class SelftestProblem:
    """One broken promise: which file, which test, what went wrong."""

    exercise: str
    file: str
    test: str
    problem: str

    def __str__(self) -> str:
        return f"{self.exercise} {self.file}: {self.test}: {self.problem}"


def selftest(
    exercises: Iterable[Exercise] = EXERCISES,
    *,
    device: str = "auto",
    on_report: Callable[[str, Report], None] | None = None,
) -> list[SelftestProblem]:
    """Grade each exercise's reference and stub; return what breaks the promise (empty when sound).

    Every file is graded as ``grader check`` grades it, in one session (see :func:`grade_files`)."""
    exercises = list(exercises)
    files = [(exercise, path) for exercise in exercises for path in (exercise.reference_path, exercise.stub_path)]
    reports = iter(grade_files(files, device=device))
    problems: list[SelftestProblem] = []
    for exercise in exercises:
        reference, stub = next(reports), next(reports)
        if on_report:
            on_report("reference", reference)
            on_report("stub", stub)
        for test in reference.tests:
            if test.status not in ("passed", "skipped"):
                problems.append(SelftestProblem(exercise.name, "reference", test.id, f"{test.status}: {test.message}"))
        for test in stub.tests:
            if test.status == "passed":
                problems.append(SelftestProblem(exercise.name, "stub", test.id, "passes on the untouched stub"))
            elif "internal error" in test.message:
                problems.append(SelftestProblem(exercise.name, "stub", test.id, test.message))
    return problems
