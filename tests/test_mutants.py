"""The mutant corpus: realistic wrong submissions, each of which must lose points and get the
message a learner needs, in English and in Korean. Each file's docstring lists
``expect: TEST_ID: message fragment`` lines. The files are graded in the session's class run."""

from __future__ import annotations

from pathlib import Path

import pytest

import grader
from conftest import ClassRun, corpus, expectations
from grader._i18n import untranslated


@pytest.mark.parametrize("path", corpus("mutants"))
def test_mutant_loses_points_with_the_intended_message(class_run: ClassRun, path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} declares no 'expect: TEST_ID: message' line"
    report = class_run.report(path)
    assert report.score < report.max_score, f"{path.name} earned full marks"
    for expectation in expected:
        matching = [test for test in report.tests if test.id == expectation.test or test.id.startswith(expectation.test + "[")]
        assert matching, f"{path.name}: no test named {expectation.test}"
        failed = [test for test in matching if test.status != "passed"]
        assert failed, f"{path.name}: {expectation.test} passed, expected it to fail"
        messages = [test.message for test in failed]
        assert any(expectation.message in message for message in messages), (
            f"{path.name}: {expectation.test} failed with {messages}, expected a message containing {expectation.message!r}"
        )
    for test in report.tests:
        if test.status != "passed":
            assert test.message.strip(), f"{path.name}: {test.id} failed without a message"
            assert "internal error" not in test.message, f"{path.name}: {test.id}: {test.message}"
            english = untranslated(test.message)
            assert not english, f"{path.name}: {test.id}: {english} has no Korean pattern (in the suite's messages_ko.py)"


def test_every_exercise_has_at_least_ten_mutants() -> None:
    for exercise in grader.EXERCISES:
        count = len(list((Path(__file__).parent / "mutants" / exercise.name).glob("*.py")))
        assert count >= 10, f"{exercise.name} has {count} mutants; the corpus needs at least 10"
