"""Shared helpers for the kit's own tests."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import grader

TESTS = Path(__file__).resolve().parent
_EXPECT = re.compile(r"^expect:\s*(?P<test>[\w\[\]-]+)\s*:\s*(?P<message>.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Expectation:
    """A test that must not pass, and a piece of the message it must give."""

    test: str
    message: str


def expectations(path: Path) -> list[Expectation]:
    """The ``expect: TEST_ID: message fragment`` lines of a corpus file's docstring."""
    return [Expectation(m["test"], m["message"]) for m in _EXPECT.finditer(path.read_text())]


_OUTCOME = re.compile(
    r"^(?P<key>exercise|score|status|message|incident|lingers|requires|beside):\s*(?P<value>.+?)\s*$", re.MULTILINE
)


@dataclass(frozen=True)
class Outcome:
    """What a hostile file must earn, from its docstring; every line is optional.

    - ``exercise: exercise3``: the exercise it is handed in for (default exercise1).
    - ``score: 0``, ``score: reference`` (every test passes), or ``score: reference-minus: test_a,
      test_b``: exactly those tests (a parametrized test by its bare name) do not pass, so it earns
      the reference's points minus theirs.
    - ``status: timeout`` / ``message: fragment``: every test that does not pass has that status /
      says that (several ``message:`` lines: all of them).
    - ``incident: fragment``: one of the report's incident lines says that.
    - ``lingers: tag``: the processes it started left ``/dev/shm/grader-hostile-<tag>-<pid>`` marks,
      and none of them outlived grading.
    - ``requires: landlock``: only the kernel layer stops it; not asserted where the kernel has none.
    - ``beside: conftest.py, pytest.ini``: files handed in next to it that would change pytest's run.
    - ``expect: TEST_ID: fragment``: as in the mutant corpora.
    """

    exercise: str = "exercise1"
    score: str | None = None
    statuses: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    incidents: tuple[str, ...] = ()
    lingers: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    beside: tuple[str, ...] = ()
    expects: tuple[Expectation, ...] = field(default_factory=tuple)


def outcome(path: Path, docstring: str | None = None) -> Outcome:
    """The :class:`Outcome` stated by ``path``'s module docstring (or by ``docstring``, for a file
    that cannot hold one: empty, binary, a notebook)."""
    if docstring is None:
        try:
            docstring = ast.get_docstring(ast.parse(path.read_bytes())) or ""
        except (SyntaxError, ValueError):  # a file that is meant not to compile: its leading docstring
            match = re.match(r'\s*"""(.*?)"""', path.read_text(errors="replace"), re.DOTALL)
            docstring = match.group(1) if match else ""
    values: dict[str, list[str]] = {}
    for match in _OUTCOME.finditer(docstring):
        values.setdefault(match["key"], []).append(match["value"])

    def items(key: str) -> tuple[str, ...]:
        return tuple(part.strip() for value in values.get(key, []) for part in value.split(",") if part.strip())

    return Outcome(
        exercise=values.get("exercise", ["exercise1"])[-1],
        score=values.get("score", [None])[-1],
        statuses=items("status"),
        messages=tuple(values.get("message", [])),
        incidents=tuple(values.get("incident", [])),
        lingers=items("lingers"),
        requires=items("requires"),
        beside=items("beside"),
        expects=tuple(Expectation(m["test"], m["message"]) for m in _EXPECT.finditer(docstring)),
    )


def corpus(folder: str) -> list[pytest.param]:
    """Every corpus file under ``tests/<folder>/<exercise>/``, as pytest params."""
    files = sorted((TESTS / folder).glob("exercise*/*.py"))
    return [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in files]


@pytest.fixture(scope="session")
def reference_reports() -> dict[str, grader.Report]:
    """Each exercise's reference graded once per session."""
    return {exercise.name: grader.check(exercise, exercise.reference_path, device="cpu") for exercise in grader.EXERCISES}


@pytest.fixture(autouse=True)
def grader_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the progress file that `grader check` writes out of the repository and the cwd."""
    monkeypatch.setenv("GRADER_STATE_DIR", str(tmp_path / "grader-state"))
