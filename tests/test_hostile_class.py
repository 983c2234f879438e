"""The whole hostile corpus graded in one ``grader grade`` run, beside correct learners.

Every file in ``tests/hostile/`` is one learner (its file name is the learner id) and must earn
exactly what its docstring says (see :class:`conftest.Outcome`). The correct learners must get
exactly what they get when graded alone, the roster must be byte for byte what it was, and the
output folder must hold only the grader's files, whatever the hostile files tried.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

import grader
from grader._confine import DISABLE_LANDLOCK, landlock_abi
from conftest import Outcome, outcome

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "hostile"
EXERCISES = ["exercise1", "exercise3"]
CORRECT = ("alice", "eve", "zoe")
"""Correct learners: first, in the middle and last of the roster's (alphabetical) order."""
LIMITS = grader.Limits(timeout=3, memory=2 * 1024**3)
MARKS = Path("/dev/shm")
FAKE_NAMES = ("results.json", "junit.xml", "gradebook.csv", "alice.json")

NOT_PYTHON = {
    "empty.py": "score: 0\nmessage: does not define",
    "binary_garbage.py": "score: 0\nmessage: not a text file",
    "latin1_text.py": "score: 0\nmessage: not UTF-8 text",
    "notebook_saved_as_py.py": "score: reference",
}
"""Outcomes of corpus files that cannot hold a docstring."""

BESIDE = {
    "conftest.py": "import pytest\n\ndef pytest_collection_modifyitems(items):\n    items.clear()\n",
    "pytest.ini": "[pytest]\naddopts = --collect-only -p no:python\n",
    "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '--co'\n",
    "setup.cfg": "[tool:pytest]\naddopts = --co\n",
    "tox.ini": "[pytest]\naddopts = -k nothing_matches_this\n",
}


def cases() -> list[Path]:
    return sorted(HOSTILE.glob("*.py"))


def case_outcome(path: Path) -> Outcome:
    return outcome(path, NOT_PYTHON.get(path.name))


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _marks() -> set[Path]:
    return set(MARKS.glob("grader-hostile-*")) if MARKS.is_dir() else set()


def _fake_results(root: Path) -> set[Path]:
    """Where a hostile file would plant fake results: the class folder, around it, /tmp and /."""
    places = (root, root.parent, root / "roster", Path("/tmp"), Path("/"))
    return {place / name for place in places for name in FAKE_NAMES if (place / name).exists()}


def _clear_traps() -> None:
    for mark in _marks():
        mark.unlink(missing_ok=True)
    Path("/tmp/grader-hostile-unpickled").unlink(missing_ok=True)


def make_class(root: Path) -> Path:
    """The roster: correct learners alice, eve and zoe, and one learner per hostile file."""
    roster = root / "roster"
    for learner in CORRECT:
        folder = roster / learner / ("exercises" if learner == "alice" else "")
        folder.mkdir(parents=True, exist_ok=True)
        for exercise in EXERCISES:
            shutil.copy(ROOT / "solutions" / f"{exercise}.py", folder / f"{exercise}.py")
    for path in cases():
        expected = case_outcome(path)
        folder = roster / path.stem
        folder.mkdir(parents=True)
        shutil.copy(path, folder / f"{expected.exercise}.py")
        for name in expected.beside:
            (folder / name).write_text(BESIDE[name])
    return roster


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One class run, from the class folder as working directory (so $PWD and the grader's cwd
    point at it, as when an instructor runs ``grader grade roster/`` there)."""
    root = tmp_path_factory.mktemp("hostile-class")
    roster = make_class(root)
    before = _tree(roster)
    _clear_traps()
    fakes = _fake_results(root)
    out = root / "grading-results"
    cwd, pwd = os.getcwd(), os.environ.get("PWD")
    os.chdir(root)
    os.environ["PWD"] = str(root)
    try:
        result = grader.grade(roster, out, jobs=2, exercises=EXERCISES, device="cpu", limits=LIMITS)
    finally:
        os.chdir(cwd)
        if pwd is None:
            os.environ.pop("PWD", None)
        else:
            os.environ["PWD"] = pwd
    marks = {mark.name: int(mark.read_text() or 0) for mark in _marks()}
    for mark in _marks():
        mark.unlink(missing_ok=True)
    planted = _fake_results(root) - fakes
    for fake in planted:  # recorded for the test below; not left behind on a shared machine
        fake.unlink(missing_ok=True)
    docs = {path.stem: json.loads(path.read_text()) for path in (out / "learners").glob("*.json")}
    return {"root": root, "roster": roster, "out": out, "outcome": result, "docs": docs, "before": before, "marks": marks,
            "fakes": planted}


@pytest.fixture(scope="module")
def alone() -> dict[str, dict[str, Any]]:
    """Each exercise's reference graded alone with ``grader check``."""
    return {exercise: grader.check(exercise, ROOT / "solutions" / f"{exercise}.py", device="cpu").to_json()
            for exercise in EXERCISES}


def _running(pid: int) -> bool:
    """Whether ``pid`` runs (a killed process waiting to be reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def _matches(test_id: str, names: set[str]) -> bool:
    return test_id in names or test_id.split("[", 1)[0] in names


def _describe(doc: dict[str, Any]) -> str:
    lines = [f"score {doc['score']}/{doc['max_score']}, incidents {doc['incidents']}"]
    lines += [f"  {test['id']}: {test['status']}: {test['message'][:200]}" for test in doc["tests"] if test["status"] != "passed"]
    return "\n".join(lines)


@pytest.mark.parametrize("path", cases(), ids=lambda path: path.stem)
def test_hostile_file_earns_exactly_its_outcome(graded, alone, path: Path) -> None:
    expected = case_outcome(path)
    if "landlock" in expected.requires and (landlock_abi() < 1 or os.environ.get(DISABLE_LANDLOCK) == "0"):
        pytest.skip("only Landlock stops this one, and this kernel has none")
    assert expected.score is not None, f"{path.name} states no `score:` line in its docstring"
    doc = graded["docs"][path.stem]["exercises"][expected.exercise]
    tests = doc["tests"]
    failing = [test for test in tests if test["status"] not in ("passed", "skipped")]
    shown = f"{path.name} as graded:\n{_describe(doc)}"
    if expected.score == "0":
        assert doc["score"] == 0 and not any(test["status"] == "passed" for test in tests), f"it must earn nothing; {shown}"
    elif expected.score == "reference":
        assert not failing and doc["score"] == alone[expected.exercise]["max_score"], f"it must earn every point; {shown}"
    elif expected.score.startswith("reference-minus:"):
        lost = {name.strip() for name in expected.score.split(":", 1)[1].split(",") if name.strip()}
        unknown = {name for name in lost if not any(_matches(test["id"], {name}) for test in tests)}
        assert not unknown, f"{path.name} names tests the suite does not have: {sorted(unknown)}"
        assert {test["id"] for test in failing} == {test["id"] for test in tests if _matches(test["id"], lost)}, (
            f"exactly the tests of {sorted(lost)} must be lost; {shown}")
        points = sum(test["max_score"] for test in tests if _matches(test["id"], lost))
        assert doc["score"] == alone[expected.exercise]["max_score"] - points, f"the score must drop by {points}; {shown}"
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
        pids = [pid for name, pid in graded["marks"].items() if name.startswith(f"grader-hostile-{tag}-")]
        assert pids, f"{path.name} should have started a process that left a {MARKS}/grader-hostile-{tag}-* mark"
        alive = [pid for pid in pids if _running(pid)]
        assert not alive, f"processes started by {path.name} outlived grading: pids {alive}"


def test_grading_completed_for_everyone(graded) -> None:
    result, docs = graded["outcome"], graded["docs"]
    assert result.complete and not result.grader_failures, f"grading did not complete: {result.grader_failures}"
    expected = sorted([*CORRECT, *(path.stem for path in cases())])
    assert sorted(docs) == expected, f"missing learner documents: {sorted(set(expected) - set(docs))}"
    rows = {row["learner"]: row for row in csv.DictReader((graded["out"] / "gradebook.csv").open())}
    assert sorted(rows) == expected, f"gradebook.csv rows differ from the roster: {sorted(set(expected) ^ set(rows))}"


def test_correct_learners_score_as_when_graded_alone(graded, alone) -> None:
    rows = {row["learner"]: row for row in csv.DictReader((graded["out"] / "gradebook.csv").open())}
    for learner in CORRECT:
        for exercise in EXERCISES:
            doc = graded["docs"][learner]["exercises"][exercise]
            assert doc == alone[exercise], (
                f"{learner}'s {exercise} graded beside the hostile corpus differs from the same file graded alone:\n"
                f"{_describe(doc)}")
        total = sum(alone[exercise]["score"] for exercise in EXERCISES)
        assert float(rows[learner]["total"]) == total, f"gradebook.csv gives {learner} {rows[learner]['total']}, not {total}"


def test_the_roster_is_unchanged(graded) -> None:
    after = _tree(graded["roster"])
    changed = sorted(name for name in set(after) | set(graded["before"]) if after.get(name) != graded["before"].get(name))
    assert not changed, f"learner code changed files in the roster: {changed}"


def test_the_output_folder_holds_only_the_graders_files(graded) -> None:
    out, docs = graded["out"], graded["docs"]
    expected = {"gradebook.csv", "junit.xml", "summary.md"}
    for learner in docs:
        expected |= {f"learners/{learner}.json", f"gradescope/{learner}/results.json"}
    found = {str(path.relative_to(out)) for path in out.rglob("*") if path.is_file()}
    assert found == expected, f"unexpected files in the output folder: {sorted(found - expected)}; missing: {sorted(expected - found)}"
    for learner, doc in docs.items():
        assert doc["learner"] == learner and "fingerprint" in doc, f"learners/{learner}.json is not the grader's document"


def test_no_fake_results_beside_the_class(graded) -> None:
    planted = sorted(map(str, graded["fakes"]))
    assert not planted, f"learner code planted fake results: {planted}"


def test_nothing_was_unpickled(graded) -> None:
    assert not Path("/tmp/grader-hostile-unpickled").exists(), "a learner object's __reduce__ ran: something unpickled it"


OWN_EXCEPTION_CLASSES = {"base_exception_at_import", "unprintable_exception"}
"""Files whose lost tests are named after an exception class of their own: copied, not translated."""


def test_every_message_and_incident_reads_in_korean(graded) -> None:
    from grader._i18n import untranslated

    missing: dict[str, str] = {}
    for learner, document in graded["docs"].items():
        if learner in OWN_EXCEPTION_CLASSES:
            continue
        for doc in document["exercises"].values():
            lines = [test["message"] for test in doc["tests"] if test["status"] != "passed" and test["message"]]
            for line in [*lines, *doc["incidents"]]:
                for fragment in untranslated(line):
                    missing.setdefault(fragment, learner)
    assert not missing, "English without a Korean pattern (learner: fragment):\n" + "\n".join(
        f"  {learner}: {fragment}" for fragment, learner in missing.items())
