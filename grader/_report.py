"""The result of grading one file: per-test outcomes, the score, and their JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["passed", "failed", "error", "timeout", "skipped"]
STATUSES: tuple[Status, ...] = ("passed", "failed", "error", "timeout", "skipped")


@dataclass
class TestResult:
    """One hidden test: what it checks, how it went, and what the learner should do about it."""

    id: str
    name: str
    status: Status
    score: float
    max_score: float
    message: str = ""
    details: str = ""
    """Learner-only traceback or extra context, shown with ``-v``; not part of the JSON."""

    __test__ = False  # not a pytest test class


@dataclass
class Report:
    """The verdict on one submission of one exercise."""

    exercise: str
    title: str
    device: str
    path: str
    tests: list[TestResult] = field(default_factory=list)
    output: str = ""
    """What the learner's code printed (truncated)."""
    submitted: bool = True
    """False when the learner handed in no file for this exercise."""
    incidents: list[str] = field(default_factory=list)
    """Limits the learner's code hit and crashes, one line each (time-outs, memory, exits, output)."""

    @property
    def score(self) -> float:
        return _number(sum(test.score for test in self.tests))

    @property
    def max_score(self) -> float:
        return _number(sum(test.max_score for test in self.tests if test.status != "skipped"))

    @property
    def passed(self) -> bool:
        return all(test.status in ("passed", "skipped") for test in self.tests)

    @classmethod
    def from_json(cls, doc: dict[str, Any], path: str = "") -> Report:
        """A report read back from its :meth:`to_json` document (a learner's JSON in a class's results).

        The document holds neither the learner's printed output nor the tests' tracebacks."""
        tests = [TestResult(id=t["id"], name=t["name"], status=t["status"], score=t["score"], max_score=t["max_score"],
                            message=t.get("message", "")) for t in doc["tests"]]
        return cls(exercise=doc["exercise"], title=doc["title"], device=doc["device"], path=path, tests=tests,
                   submitted=doc["submitted"], incidents=list(doc["incidents"]))

    def to_json(self) -> dict[str, Any]:
        """The document printed by ``grader check --json``."""
        return {
            "exercise": self.exercise,
            "title": self.title,
            "device": self.device,
            "score": self.score,
            "max_score": self.max_score,
            "submitted": self.submitted,
            "incidents": list(self.incidents),
            "tests": [
                {key: value for key, value in asdict(test).items() if key != "details"}
                | {"score": _number(test.score), "max_score": _number(test.max_score)}
                for test in self.tests
            ],
        }


def _number(value: float) -> float:
    """Whole points as ints in JSON (``3`` rather than ``3.0``), fractions as they are."""
    return int(value) if float(value).is_integer() else round(value, 4)
