"""The variant corpus: correct submissions written differently from the references, each of which
must earn full marks. The contract is silent on style, so a suite that costs any of them a point
checks the spelling of the code rather than its behaviour. The files are graded in the session's class
run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import grader
from conftest import TESTS, ClassRun, corpus

_VARIANT_DOC = re.compile(r'\A"""Variant: .+?"""', re.DOTALL)


@pytest.mark.parametrize("path", corpus("variants"))
def test_variant_earns_full_marks(class_run: ClassRun, path: Path) -> None:
    assert _VARIANT_DOC.match(path.read_text()), f'{path.name} must open with a """Variant: <how it differs>.""" docstring'
    report = class_run.report(path)
    lost = [f"{test.id} [{test.status}]: {test.message}" for test in report.tests if test.status != "passed"]
    assert report.score == report.max_score, (
        f"{path.parent.name}/{path.name} earned {report.score}/{report.max_score}; lost points on:\n" + "\n".join(lost)
    )
    assert not lost, f"{path.parent.name}/{path.name}: non-passing tests that cost no points:\n" + "\n".join(lost)


def test_every_exercise_has_at_least_five_variants() -> None:
    for exercise in grader.EXERCISES:
        count = len(list((TESTS / "variants" / exercise.name).glob("*.py")))
        assert count >= 5, f"{exercise.name} has {count} variants; the corpus needs at least 5"
