"""Hostile submissions earn only what their correct parts earn, and never break the grader.

Most files are judged in the session's class run (``grader grade``); the paths that only
``grader check`` takes (its own time-outs, process clean-up and patch checks) are run through it."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import grader
from grader import Limits
from grader._confine import DISABLE_LANDLOCK
from grader._warm import suspended
from conftest import ClassRun, running

HOSTILE = Path(__file__).parent / "hostile"


def _statuses(report: grader.Report) -> set[str]:
    return {test.status for test in report.tests}


def test_exit_at_import_scores_zero_with_the_reason(class_run: ClassRun) -> None:
    report = class_run.report(HOSTILE / "exit_at_import.py", "exercise1")
    messages = sorted({test.message for test in report.tests})
    assert report.score == 0, f"a file that exits at import must earn nothing, not {report.score}"
    assert _statuses(report) == {"error"}, f"every test must be an error: {_statuses(report)}; {messages}"
    assert all("your code called sys.exit(0)" in test.message for test in report.tests), f"each test must name the exit: {messages}"


def test_os_exit_in_one_function_costs_only_that_functions_tests(class_run: ClassRun, reference_reports) -> None:
    report = class_run.report(HOSTILE / "os_exit_in_count.py", "exercise1")
    broken = [test for test in report.tests if test.status != "passed"]
    assert {test.id for test in broken} == {"test_count_returns_int", "test_count_trainable", "test_count_shared_and_buffers"}, (
        f"only count_parameters' tests may be lost: {[(test.id, test.message) for test in broken]}")
    assert all("exited with code 0" in test.message and "os._exit" in test.message for test in broken), (
        f"each lost test must name the exit: {[test.message for test in broken]}")
    lost = sum(test.max_score for test in broken)
    assert report.score == reference_reports["exercise1"].max_score - lost, f"score {report.score} is not full marks minus {lost}"


def test_endless_loop_times_out_and_the_rest_still_counts() -> None:
    with suspended():  # as `grader check` runs: a fresh worker, then a fork server of its own after the first time-out
        report = grader.check(3, HOSTILE / "endless_bce.py", device="cpu", limits=Limits(timeout=1))
    by_id = {test.id: test for test in report.tests}
    bce = [test for test in report.tests if test.id.startswith("test_bce")]
    assert bce and all(test.status == "timeout" for test in bce), f"bce tests must time out: {[(t.id, t.status) for t in bce]}"
    assert all("timed out after 1 s" in test.message for test in bce), f"the limit must be named: {[t.message for t in bce]}"
    assert by_id["test_sgd_closure"].status == "passed", f"the optimizer does not call bce_loss: {by_id['test_sgd_closure'].message}"
    assert by_id["test_logistic_forward"].status == "passed", f"forward does not call bce_loss: {by_id['test_logistic_forward'].message}"
    assert 0 < report.score < report.max_score, f"the rest must still count: {report.score}/{report.max_score}"


def test_patched_comparisons_do_not_fool_the_grader(class_run: ClassRun) -> None:
    report = class_run.report(HOSTILE / "patches_comparisons.py", "exercise1")
    assert report.score == 0, f"patched comparisons earned {report.score}: {[t.id for t in report.tests if t.status == 'passed']}"


def test_flooded_output_is_truncated_and_grading_unaffected(reference_reports) -> None:
    report = grader.check(1, HOSTILE / "floods_output.py", device="cpu")
    assert report.score == reference_reports["exercise1"].max_score, f"the flood must cost nothing: {report.score}"
    assert len(report.output) < 2 * Limits.output + 1000, f"kept {len(report.output)} characters of output"
    assert "more bytes of output dropped" in report.output, "the truncation must be said"


def test_importing_the_reference_is_refused(class_run: ClassRun) -> None:
    report = class_run.report(HOSTILE / "imports_reference.py", "exercise1")
    assert report.score == 0, f"importing the reference earned {report.score}"
    assert all("'solutions' is not available while grading" in test.message for test in report.tests), report.tests[0].message


def _copy(name: str, folder: Path) -> Path:
    """A corpus file in a folder of its own: what it does to its surroundings stays in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "exercise1.py"
    shutil.copy(HOSTILE / name, target)
    return target


def test_every_process_a_checked_file_starts_is_killed(tmp_path: Path, reference_reports) -> None:
    marks = Path("/dev/shm")
    for mark in marks.glob("grader-hostile-double_fork-*"):
        mark.unlink()
    report = grader.check(1, _copy("double_fork_at_import.py", tmp_path / "learner"), device="cpu")
    assert report.score == reference_reports["exercise1"].max_score, f"the reference part must earn every point: {report.tests}"
    started = list(marks.glob("grader-hostile-double_fork-*"))
    assert started, "the double-forked daemon never ran, so this test proves nothing"
    pids = [int(mark.read_text()) for mark in started]
    for mark in started:
        mark.unlink()
    deadline = time.monotonic() + 5
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [pid for pid in pids if running(pid)]
    assert not alive, f"a daemon (new session, SIGTERM ignored) outlived `grader check`: pids {alive}"


AUDIT_ONLY = ["opens_reference.py", "loads_reference_by_path.py", "opens_reference_by_descriptor.py",
              "searches_installs_for_the_reference.py"]


@pytest.fixture(scope="module")
def graded_without_landlock(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The reference thieves graded as one class with Landlock switched off: the audit hook alone."""
    root = tmp_path_factory.mktemp("audit-only")
    for name in AUDIT_ONLY:
        _copy(name, root / "roster" / Path(name).stem)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DISABLE_LANDLOCK, "0")
        grader.grade(root / "roster", root / "out", jobs=2, exercises=["exercise1"], device="cpu")
    return {name: json.loads((root / "out" / "learners" / f"{Path(name).stem}.json").read_text())["exercises"]["exercise1"]
            for name in AUDIT_ONLY}


@pytest.mark.parametrize("name", AUDIT_ONLY)
def test_the_audit_hook_alone_keeps_the_reference_out_of_reach(graded_without_landlock: dict[str, dict], name: str) -> None:
    report = graded_without_landlock[name]
    assert report["score"] == 0, f"{name} earned {report['score']} without Landlock: the audit hook let it read the reference"
    assert any("refused: reading" in line and "solutions" in line for line in report["incidents"]), (
        f"the refused read should be an incident: {report['incidents']}")


def test_forged_frames_are_refused_in_check(tmp_path: Path) -> None:
    report = grader.check(1, _copy("forges_pipe_frames.py", tmp_path / "learner"), device="cpu")
    assert report.score == 0, f"forged frames earned {report.score} points"
    assert all("did not ask for" in test.message for test in report.tests), f"each test must name the forgery: {report.tests[0].message}"


def test_a_correct_file_with_patches_earns_every_point_in_check(tmp_path: Path, reference_reports) -> None:
    report = grader.check(1, _copy("patches_builtins_of_a_correct_file.py", tmp_path / "learner"), device="cpu")
    assert report.score == reference_reports["exercise1"].max_score, f"patches undone, the correct code must earn all: {report.tests}"
    assert any("were put back" in line for line in report.incidents), f"the undone patches should be an incident: {report.incidents}"
