"""`grader grade` on a mixed class: outputs, isolation, resuming, shards and merge, the CLI."""

from __future__ import annotations

import csv
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import grader
from grader._grade import LearnerDone, grade
from grader.cli import main

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
EXERCISES = ["exercise1", "exercise3"]
WORKFLOW = ROOT / "examples" / "github-actions" / "grade-class.yml"


def _put(folder: Path, name: str, source: Path | str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if isinstance(source, Path):
        shutil.copy(source, target)
    else:
        target.write_text(source)


def make_roster(root: Path) -> Path:
    """Six learners: correct (two layouts), stubs, a mutant, hostile files, and a poisoned folder."""
    roster = root / "roster"
    for exercise in EXERCISES:
        _put(roster / "alice" / "exercises", f"{exercise}.py", ROOT / "solutions" / f"{exercise}.py")
        _put(roster / "bob", f"{exercise}.py", ROOT / "exercises" / f"{exercise}.py")
        _put(roster / "eve", f"{exercise}.py", ROOT / "solutions" / f"{exercise}.py")
    _put(roster / "carol", "exercise1.py", TESTS / "mutants" / "exercise1" / "bias_flag_ignored.py")
    _put(roster / "carol", "exercise3.py", ROOT / "solutions" / "exercise3.py")
    _put(roster / "dave", "exercise1.py", TESTS / "hostile" / "exit_at_import.py")  # exercise3 missing
    _put(roster / "frank", "exercise1.py", TESTS / "hostile" / "floods_output.py")
    _put(roster / "frank", "exercise3.py", TESTS / "hostile" / "patches_comparisons.py")
    # Files that would change how pytest runs, were they ever read: they must have no effect.
    _put(roster / "eve", "conftest.py", "import pytest\n\ndef pytest_collection_modifyitems(items):\n    items.clear()\n")
    _put(roster / "eve", "pytest.ini", "[pytest]\naddopts = --collect-only -p no:python\n")
    _put(roster / "eve", "pyproject.toml", "[tool.pytest.ini_options]\naddopts = '--co'\n")
    _put(roster / "eve", "setup.cfg", "[tool:pytest]\naddopts = --co\n")
    (roster / "not-a-learner.txt").write_text("files beside the learner folders are ignored\n")
    return roster


def _run(roster: Path, out: Path, **options: Any) -> tuple[grader.GradeOutcome, list[LearnerDone]]:
    events: list[LearnerDone] = []
    outcome = grade(roster, out, jobs=2, exercises=EXERCISES, device="cpu", progress=events.append, **options)
    return outcome, events


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, grader.GradeOutcome]:
    root = tmp_path_factory.mktemp("class")
    roster = make_roster(root)
    outcome, _ = _run(roster, root / "out")
    return roster, root / "out", outcome


def _learner(out: Path, learner: str) -> dict[str, Any]:
    return json.loads((out / "learners" / f"{learner}.json").read_text())


def test_every_learner_gets_a_gradebook_row(graded) -> None:
    _, out, outcome = graded
    assert outcome.complete and not outcome.grader_failures, f"grading did not complete: {outcome}"
    rows = list(csv.DictReader((out / "gradebook.csv").open()))
    assert list(rows[0]) == ["learner", *EXERCISES, "total", "max_total"], f"unexpected header {list(rows[0])}"
    assert [row["learner"] for row in rows] == ["alice", "bob", "carol", "dave", "eve", "frank"], "one row per learner folder"
    by_learner = {row["learner"]: row for row in rows}
    assert by_learner["alice"]["total"] == by_learner["alice"]["max_total"] == "77", f"alice: {by_learner['alice']}"
    assert by_learner["bob"]["total"] == "0", "untouched stubs earn nothing"
    assert 0 < float(by_learner["carol"]["exercise1"]) < 36, "a mutant loses some points, not all"
    assert by_learner["carol"]["exercise3"] == "41", "carol's correct exercise3 earns full marks"


def test_correct_learners_score_as_when_graded_alone(graded, reference_reports) -> None:
    _, out, _ = graded
    for learner in ("alice", "eve"):
        for exercise in EXERCISES:
            alone = reference_reports[exercise].to_json()
            doc = _learner(out, learner)["exercises"][exercise]
            assert doc == alone, f"{learner}'s {exercise} in a class differs from the same file graded alone"


def test_learner_pytest_files_have_no_effect(graded) -> None:
    _, out, _ = graded
    assert _learner(out, "eve")["score"] == 77, "eve's conftest.py / pytest.ini / pyproject.toml / setup.cfg changed her grade"


def test_missing_and_hostile_learners_get_their_reasons(graded) -> None:
    _, out, _ = graded
    dave = _learner(out, "dave")["exercises"]
    assert dave["exercise3"]["submitted"] is False and dave["exercise3"]["score"] == 0, "a missing exercise scores 0"
    assert {test["message"] for test in dave["exercise3"]["tests"]} == {"not submitted"}, "the reason is 'not submitted'"
    assert dave["exercise3"]["max_score"] == 41, "a missing exercise still counts towards the maximum"
    assert "sys.exit" in dave["exercise1"]["tests"][0]["message"], f"no exit reason: {dave['exercise1']['tests'][0]}"
    frank = _learner(out, "frank")["exercises"]
    assert any("of output" in incident for incident in frank["exercise1"]["incidents"]), "the output flood is an incident"
    assert frank["exercise3"]["score"] < 41, "patching torch's comparisons in the worker must not fool the grader"


def test_outputs_for_ci_and_gradescope(graded) -> None:
    _, out, _ = graded
    suites = ET.parse(out / "junit.xml").getroot()
    cases = suites.findall(".//testcase")
    expected = sum(len(doc["tests"]) for learner in "alice bob carol dave eve frank".split()
                   for doc in _learner(out, learner)["exercises"].values())
    assert len(cases) == expected, f"junit.xml has {len(cases)} test cases, expected one per learner x test ({expected})"
    summary = (out / "summary.md").read_text()
    for section in ("Most often failed tests", "hit limits or crashed", "Not submitted", "dave", "frank"):
        assert section in summary, f"summary.md lacks {section!r}"
    for learner in ("alice", "dave"):
        results = json.loads((out / "gradescope" / learner / "results.json").read_text())
        assert results["score"] == _learner(out, learner)["score"], f"gradescope score of {learner} differs from the gradebook"
        assert results["tests"], "gradescope results list the tests"


def test_rerun_grades_only_what_changed(graded, tmp_path: Path) -> None:
    roster, out, _ = graded
    copy_roster, copy_out = tmp_path / "roster", tmp_path / "out"
    shutil.copytree(roster, copy_roster)
    shutil.copytree(out, copy_out)
    outcome, events = _run(copy_roster, copy_out)
    assert outcome.graded == [] and len(outcome.reused) == 6, f"nothing changed, yet {outcome.graded} were regraded"
    assert all(event.reused for event in events), "progress reports reused learners as such"
    (copy_roster / "carol" / "exercise1.py").write_bytes((ROOT / "solutions" / "exercise1.py").read_bytes())
    outcome, _ = _run(copy_roster, copy_out)
    assert outcome.graded == ["carol"], f"only carol changed, yet {outcome.graded} were regraded"
    assert _learner(copy_out, "carol")["score"] == 77, "carol's fixed file is graded"
    outcome, _ = _run(copy_roster, copy_out, force=True)
    assert sorted(outcome.graded) == ["alice", "bob", "carol", "dave", "eve", "frank"], "--force regrades everyone"


def test_an_interrupted_run_is_completed_by_a_rerun(graded, tmp_path: Path) -> None:
    roster, out, _ = graded
    first: list[str] = []

    def interrupt(event: LearnerDone) -> None:
        first.append(event.learner)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        grade(roster, tmp_path / "out", jobs=1, exercises=EXERCISES, device="cpu", progress=interrupt)
    assert (tmp_path / "out" / "learners" / f"{first[0]}.json").is_file(), "the learner graded before Ctrl-C is kept"
    assert "interrupted" in (tmp_path / "out" / "summary.md").read_text(), "the summary says the results are partial"
    outcome, _ = _run(roster, tmp_path / "out")
    assert outcome.reused == [first[0]] and len(outcome.graded) == 5, f"the rerun should finish the rest: {outcome}"
    assert (tmp_path / "out" / "gradebook.csv").read_bytes() == (out / "gradebook.csv").read_bytes(), "rerun == one run"


def test_github_actions_workflow_commands_work(graded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The grader commands of examples/github-actions/grade-class.yml, run as the workflow would: each
    shard holds its share of the class, and the merged shards equal the unsharded run."""
    roster, out, _ = graded
    monkeypatch.chdir(tmp_path)
    shutil.copytree(roster, tmp_path / "roster")
    text = WORKFLOW.read_text()
    shards = [int(n) for n in re.search(r"shard: \[([\d, ]+)\]", text).group(1).split(",")]  # type: ignore[union-attr]
    commands = re.findall(r"run: (grader .+)", text)
    assert [c.split()[1] for c in commands] == ["grade", "merge"], f"unexpected workflow commands {commands}"
    runner = CliRunner()
    for shard in shards:
        command = commands[0].replace("${{ matrix.shard }}", str(shard))
        result = runner.invoke(main, [*command.split()[1:], "--exercises", ",".join(EXERCISES), "--device", "cpu"])
        assert result.exit_code == 0, f"{command}: {result.output}"
    for shard in shards:
        rows = list(csv.DictReader((tmp_path / f"shard-{shard}" / "gradebook.csv").open()))
        expected = len(range(shard - 1, 6, len(shards)))
        assert len(rows) == expected, f"shard {shard}/{len(shards)} of 6 learners should hold {expected}: {rows}"
    result = runner.invoke(main, commands[1].split()[1:])
    assert result.exit_code == 0, f"{commands[1]}: {result.output}"
    assert _tree(tmp_path / "grading-results") == _tree(out), "the workflow's merged shards differ from one run"


def test_cli_grade_reports_bad_input_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for args, fragment in (
        (["grade", str(tmp_path / "missing")], "no roster folder"),
        (["grade", str(tmp_path), "--shard", "0/3"], "--shard must be K/N"),
        (["grade", str(tmp_path), "--exercises", "99"], "unknown exercise"),
        (["merge", str(tmp_path / "nothing"), "--out", str(tmp_path / "merged")], ""),
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, f"{args}: exit {result.exit_code}, {result.output}"
        assert fragment in result.output and "Traceback" not in result.output, f"{args}: {result.output}"


def test_check_all_in_gradescope_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _put(tmp_path / "exercises", "exercise1.py", ROOT / "solutions" / "exercise1.py")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--all", "--format", "gradescope", "--device", "cpu"])
    assert result.exit_code == 1, f"only exercise1 is done, so the check fails: {result.output}"
    results = json.loads(result.output)
    assert results["score"] == 36, f"exercise1 earns its 36 points and the missing ones nothing: {results['score']}"
    names = {test["name"].split(":")[0] for test in results["tests"]}
    assert names == {e.name for e in grader.EXERCISES}, f"every exercise is listed, missing ones too: {names}"
