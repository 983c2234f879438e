"""The whole hostile corpus graded in the session's class run, beside correct learners and every
other corpus.

Every file in ``tests/hostile/`` is one learner (its file name is the learner id) and must earn
exactly what its docstring says (see :class:`conftest.Outcome`). The correct learners must get
exactly what they get when graded alone, the roster must be byte for byte what it was, and the
output folder must hold only the grader's files, whatever the hostile files tried.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import pytest

import grader
from grader._confine import DISABLE_LANDLOCK, landlock_abi
from conftest import CORRECT, CORRECT_EXERCISES, MARKS, ClassRun, hostile_cases, hostile_outcome, learner_of, running, tree


def reference_max(class_run: ClassRun, exercise: str) -> float:
    return class_run.doc(learner_of(grader.find_exercise(exercise).reference_path), exercise)["max_score"]


def _matches(test_id: str, names: set[str]) -> bool:
    return test_id in names or test_id.split("[", 1)[0] in names


def _describe(doc: dict[str, Any]) -> str:
    lines = [f"score {doc['score']}/{doc['max_score']}, incidents {doc['incidents']}"]
    lines += [f"  {test['id']}: {test['status']}: {test['message'][:200]}" for test in doc["tests"] if test["status"] != "passed"]
    return "\n".join(lines)


@pytest.mark.parametrize("path", hostile_cases(), ids=lambda path: path.stem)
def test_hostile_file_earns_exactly_its_outcome(class_run: ClassRun, path: Path) -> None:
    expected = hostile_outcome(path)
    if "landlock" in expected.requires and (landlock_abi() < 1 or os.environ.get(DISABLE_LANDLOCK) == "0"):
        pytest.skip("only Landlock stops this one, and this kernel has none")
    assert expected.score is not None, f"{path.name} states no `score:` line in its docstring"
    doc = class_run.doc(learner_of(path), expected.exercise)
    tests = doc["tests"]
    failing = [test for test in tests if test["status"] not in ("passed", "skipped")]
    shown = f"{path.name} as graded:\n{_describe(doc)}"
    if expected.score == "0":
        assert doc["score"] == 0 and not any(test["status"] == "passed" for test in tests), f"it must earn nothing; {shown}"
    elif expected.score == "reference":
        assert not failing and doc["score"] == reference_max(class_run, expected.exercise), f"it must earn every point; {shown}"
    elif expected.score.startswith("reference-minus:"):
        lost = {name.strip() for name in expected.score.split(":", 1)[1].split(",") if name.strip()}
        unknown = {name for name in lost if not any(_matches(test["id"], {name}) for test in tests)}
        assert not unknown, f"{path.name} names tests the suite does not have: {sorted(unknown)}"
        assert {test["id"] for test in failing} == {test["id"] for test in tests if _matches(test["id"], lost)}, (
            f"exactly the tests of {sorted(lost)} must be lost; {shown}")
        points = sum(test["max_score"] for test in tests if _matches(test["id"], lost))
        assert doc["score"] == reference_max(class_run, expected.exercise) - points, f"the score must drop by {points}; {shown}"
    else:
        assert doc["score"] == float(expected.score), f"it must earn {expected.score}; {shown}"
    for status in expected.statuses:
        assert failing and all(test["status"] == status for test in failing), f"every lost test must be '{status}'; {shown}"
    for fragment in expected.messages:
        assert failing and all(fragment in test["message"] for test in failing), f"every lost test must say {fragment!r}; {shown}"
    for fragment in expected.incidents:
        assert any(fragment in line for line in doc["incidents"]), f"an incident must say {fragment!r}; {shown}"
    for expectation in expected.expects:
        test = next((t for t in tests if t["id"] == expectation.test), None)
        assert test is not None and test["status"] != "passed" and expectation.message in test["message"], (
            f"{expectation.test} must fail saying {expectation.message!r}; {shown}")
    for tag in expected.lingers:
        pids = [pid for name, pid in class_run.marks.items() if name.startswith(f"grader-hostile-{tag}-")]
        assert pids, f"{path.name} should have started a process that left a {MARKS}/grader-hostile-{tag}-* mark"
        alive = [pid for pid in pids if running(pid)]
        assert not alive, f"processes started by {path.name} outlived grading: pids {alive}"


def test_grading_completed_for_everyone(class_run: ClassRun) -> None:
    result, docs = class_run.outcome, class_run.docs
    assert result.complete and not result.grader_failures, f"grading did not complete: {result.grader_failures}"
    expected = sorted(path.name for path in class_run.roster.iterdir())
    assert {*CORRECT, *map(learner_of, hostile_cases())} <= set(expected), "the roster lacks a hostile or correct learner"
    assert sorted(docs) == expected, f"missing learner documents: {sorted(set(expected) - set(docs))}"
    rows = {row["learner"]: row for row in csv.DictReader((class_run.out / "gradebook.csv").open())}
    assert sorted(rows) == expected, f"gradebook.csv rows differ from the roster: {sorted(set(expected) ^ set(rows))}"


def test_correct_learners_score_as_when_graded_alone(class_run: ClassRun, alone: dict[str, grader.Report]) -> None:
    rows = {row["learner"]: row for row in csv.DictReader((class_run.out / "gradebook.csv").open())}
    for learner in CORRECT:
        for exercise in CORRECT_EXERCISES:
            doc = class_run.doc(learner, exercise)
            assert doc == alone[exercise].to_json(), (
                f"{learner}'s {exercise} graded beside the hostile corpus differs from the same file graded alone:\n"
                f"{_describe(doc)}")
        total = sum(alone[exercise].score for exercise in CORRECT_EXERCISES)
        assert float(rows[learner]["total"]) == total, f"gradebook.csv gives {learner} {rows[learner]['total']}, not {total}"


def test_the_roster_is_unchanged(class_run: ClassRun) -> None:
    after = tree(class_run.roster)
    changed = sorted(name for name in set(after) | set(class_run.before) if after.get(name) != class_run.before.get(name))
    assert not changed, f"learner code changed files in the roster: {changed}"


def test_the_output_folder_holds_only_the_graders_files(class_run: ClassRun) -> None:
    out, docs = class_run.out, class_run.docs
    expected = {"gradebook.csv", "junit.xml", "summary.md"}
    for learner in docs:
        expected |= {f"learners/{learner}.json", f"gradescope/{learner}/results.json"}
    found = {str(path.relative_to(out)) for path in out.rglob("*") if path.is_file()}
    assert found == expected, f"unexpected files in the output folder: {sorted(found - expected)}; missing: {sorted(expected - found)}"
    for learner, doc in docs.items():
        assert doc["learner"] == learner and "fingerprint" in doc, f"learners/{learner}.json is not the grader's document"


def test_no_fake_results_beside_the_class(class_run: ClassRun) -> None:
    planted = sorted(map(str, class_run.fakes))
    assert not planted, f"learner code planted fake results: {planted}"


def test_nothing_was_unpickled(class_run: ClassRun) -> None:
    assert not Path("/tmp/grader-hostile-unpickled").exists(), "a learner object's __reduce__ ran: something unpickled it"


OWN_EXCEPTION_CLASSES = {"base_exception_at_import", "unprintable_exception"}
"""Files whose lost tests are named after an exception class of their own: copied, not translated."""


def test_every_message_and_incident_reads_in_korean(class_run: ClassRun) -> None:
    from grader._i18n import untranslated

    missing: dict[str, str] = {}
    for learner, document in class_run.docs.items():
        if learner in OWN_EXCEPTION_CLASSES:
            continue
        for doc in document["exercises"].values():
            lines = [test["message"] for test in doc["tests"] if test["status"] != "passed" and test["message"]]
            for line in [*lines, *doc["incidents"]]:
                for fragment in untranslated(line):
                    missing.setdefault(fragment, learner)
    assert not missing, "English without a Korean pattern (learner: fragment):\n" + "\n".join(
        f"  {learner}: {fragment}" for fragment, learner in missing.items())
