"""Shared helpers for the kit's own tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
