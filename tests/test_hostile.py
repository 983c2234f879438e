"""Hostile submissions earn only what their correct parts earn, and never break the grader."""

from __future__ import annotations

from pathlib import Path

import grader
from grader import Limits

HOSTILE = Path(__file__).parent / "hostile"


def _statuses(report: grader.Report) -> set[str]:
    return {test.status for test in report.tests}


def test_exit_at_import_scores_zero_with_the_reason() -> None:
    report = grader.check(1, HOSTILE / "exit_at_import.py", device="cpu")
    assert report.score == 0
    assert _statuses(report) == {"error"}
    assert all("your code called sys.exit(0)" in test.message for test in report.tests)


def test_os_exit_in_one_function_costs_only_that_functions_tests(reference_reports) -> None:
    report = grader.check(1, HOSTILE / "os_exit_in_count.py", device="cpu")
    broken = [test for test in report.tests if test.status != "passed"]
    assert {test.id for test in broken} == {"test_count_returns_int", "test_count_trainable", "test_count_shared_and_buffers"}
    assert all("exited with code 0" in test.message and "os._exit" in test.message for test in broken)
    lost = sum(test.max_score for test in broken)
    assert report.score == reference_reports["exercise1"].max_score - lost


def test_endless_loop_times_out_and_the_rest_still_counts() -> None:
    report = grader.check(3, HOSTILE / "endless_bce.py", device="cpu", limits=Limits(timeout=3))
    by_id = {test.id: test for test in report.tests}
    bce = [test for test in report.tests if test.id.startswith("test_bce")]
    assert bce and all(test.status == "timeout" for test in bce)
    assert all("timed out after 3 s" in test.message for test in bce)
    assert by_id["test_sgd_closure"].status == "passed"
    assert by_id["test_logistic_forward"].status == "passed"
    assert 0 < report.score < report.max_score


def test_patched_comparisons_do_not_fool_the_grader() -> None:
    report = grader.check(1, HOSTILE / "patches_comparisons.py", device="cpu")
    assert report.score == 0
    assert "passed" not in _statuses(report)


def test_flooded_output_is_truncated_and_grading_unaffected(reference_reports) -> None:
    report = grader.check(1, HOSTILE / "floods_output.py", device="cpu")
    assert report.score == reference_reports["exercise1"].max_score
    assert len(report.output) < 2 * Limits.output + 1000
    assert "more bytes of output dropped" in report.output


def test_importing_the_reference_is_refused() -> None:
    report = grader.check(1, HOSTILE / "imports_reference.py", device="cpu")
    assert report.score == 0
    assert all("'solutions' is not available while grading" in test.message for test in report.tests)
