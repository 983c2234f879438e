"""The output files of ``grader grade`` and ``merge``, from small synthetic learner documents."""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from grader import _outputs
from grader._outputs import (
    MergeError,
    exercise_order,
    gradescope_from_reports,
    gradescope_results,
    is_valid_learner_id,
    learner_path,
    load_learners,
    merge,
    write_aggregates,
    write_learner,
)

EXERCISES = ["exercise1", "exercise2"]
FULL = {"exercise1": 10, "exercise2": 6}


def check(test_id: str, status: str, score: float, max_score: float, message: str = "", name: str | None = None) -> dict[str, Any]:
    """One test of a ``grader check --json`` document."""
    return {"id": test_id, "name": name or test_id.replace("_", " "), "status": status, "score": score, "max_score": max_score, "message": message}


def report(exercise: str, tests: list[dict[str, Any]], *, incidents: tuple[str, ...] = ()) -> dict[str, Any]:
    """A submitted exercise's document; the score sums its tests, as ``Report`` does."""
    return {
        "exercise": exercise,
        "title": f"Title of {exercise}",
        "device": "cpu",
        "score": _outputs._number(sum(test["score"] for test in tests)),
        "max_score": _outputs._number(sum(test["max_score"] for test in tests if test["status"] != "skipped")),
        "submitted": True,
        "incidents": list(incidents),
        "tests": tests,
    }


def not_submitted(exercise: str) -> dict[str, Any]:
    """The document of an exercise a learner handed no file in for."""
    tests = [check(f"{exercise}_t{index}", "failed", 0, 2, "not submitted") for index in range(FULL[exercise] // 2)]
    return report(exercise, tests) | {"submitted": False}


def ex1(a: float, b: float, c: float, *, message: str = "weight is wrong") -> dict[str, Any]:
    """exercise1 with three tests worth 2, 3 and 5 points, scored a, b and c."""
    return report(
        "exercise1",
        [
            check("test_a", "passed" if a == 2 else "failed", a, 2, "" if a == 2 else message),
            check("test_b", "passed" if b == 3 else "failed", b, 3, "" if b == 3 else "bias is wrong"),
            check("test_c", "passed" if c == 5 else "error", c, 5, "" if c == 5 else "your code raised ValueError"),
        ],
    )


def ex2(*statuses: str) -> dict[str, Any]:
    """exercise2 with three 2-point tests of the given statuses."""
    return report("exercise2", [check(f"test_{index}", status, 2 if status == "passed" else 0, 2, status) for index, status in enumerate(statuses)])


def learner(name: str, *reports: dict[str, Any]) -> dict[str, Any]:
    """A learner document over the given exercise documents."""
    return {
        "learner": name,
        "score": _outputs._number(sum(doc["score"] for doc in reports)),
        "max_score": _outputs._number(sum(doc["max_score"] for doc in reports)),
        "fingerprint": f"fp-{name}",
        "exercises": {doc["exercise"]: doc for doc in reports},
    }


@pytest.fixture
def docs() -> list[dict[str, Any]]:
    """A small class: full marks, fractions, a not-submitted exercise, a missing one, a timeout."""
    return [
        learner("carol", ex1(2, 3, 5), ex2("passed", "passed", "passed")),
        learner("alice", ex1(2, 1.5, 0), ex2("passed", "failed", "timeout") | {"incidents": ["timed out after 10 s while running `fit`"]}),
        learner("bob", ex1(0, 0, 5), not_submitted("exercise2")),
        learner("dave", ex1(0, 3, 0)),
    ]


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes."""
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def write_all(out: Path, docs: list[dict[str, Any]], *, complete: bool = True) -> None:
    for doc in docs:
        write_learner(out, doc)
    write_aggregates(out, exercise_order(name for doc in docs for name in doc["exercises"]), docs, complete=complete)


# -- learner ids, paths, order ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["alice", "zoë-李", "o'brien, jr", "a b", "x.y", "1234"])
def test_folder_names_are_valid_learner_ids(name: str) -> None:
    assert is_valid_learner_id(name), f"{name!r} should be accepted as a learner id"
    assert learner_path(Path("out"), name) == Path("out", "learners", f"{name}.json"), f"wrong learner path for {name!r}"


@pytest.mark.parametrize("name", ["", ".hidden", ".", "..", "a/b", "a\\b", "tab\there", "nul\x00", "line\nbreak", "\udcff", "x" * 251])
def test_unsafe_names_are_not_learner_ids(name: str) -> None:
    assert not is_valid_learner_id(name), f"{name!r} must be refused as a learner id"
    with pytest.raises(ValueError):
        learner_path(Path("out"), name)


def test_exercises_are_ordered_by_number() -> None:
    names = ["exercise10", "exercise2", "exercise1", "exercise2", "bonus"]
    assert exercise_order(names) == ["exercise1", "exercise2", "exercise10", "bonus"], "exercise2 must come before exercise10, once each"


# -- gradebook.csv ------------------------------------------------------------------------------


def test_gradebook_has_a_row_per_learner_sorted_with_whole_points_as_ints(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path, EXERCISES, docs)
    text = (tmp_path / "gradebook.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "learner,exercise1,exercise2,total,max_total", f"wrong header: {text.splitlines()[0]!r}"
    assert ".0," not in text and not text.rstrip().endswith(".0"), f"whole points must print as ints:\n{text}"
    rows = read_csv(tmp_path / "gradebook.csv")
    assert [row[0] for row in rows[1:]] == ["alice", "bob", "carol", "dave"], f"rows must be sorted by learner id: {rows}"
    expected = {
        "alice": ["3.5", "2", "5.5", "16"],
        "bob": ["5", "0", "5", "16"],
        "carol": ["10", "6", "16", "16"],
        "dave": ["3", "0", "3", "16"],
    }
    for row in rows[1:]:
        assert row[1:] == expected[row[0]], f"row of {row[0]}: got {row[1:]}, expected {expected[row[0]]}"


def test_gradebook_counts_not_submitted_and_missing_exercises_as_zero_of_full_points(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path, EXERCISES, docs)
    rows = {row[0]: row for row in read_csv(tmp_path / "gradebook.csv")[1:]}
    assert rows["bob"][2] == "0", f"a not-submitted exercise scores 0: {rows['bob']}"
    assert rows["dave"][2] == "0", f"an exercise missing from the document scores 0: {rows['dave']}"
    assert rows["dave"][4] == "16", f"max_total counts the full points of a missing exercise: {rows['dave']}"


def test_gradebook_lists_exactly_the_given_exercises_in_the_given_order(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path, ["exercise2"], docs)
    rows = read_csv(tmp_path / "gradebook.csv")
    assert rows[0] == ["learner", "exercise2", "total", "max_total"], f"wrong header: {rows[0]}"
    assert rows[3] == ["carol", "6", "6", "6"], f"totals must cover only the listed exercises: {rows[3]}"


# -- junit.xml ----------------------------------------------------------------------------------


def test_junit_has_a_testcase_per_learner_and_test_with_the_right_counts(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path, EXERCISES, docs)
    root = ET.parse(tmp_path / "junit.xml").getroot()
    assert root.tag == "testsuites", f"root element is {root.tag}"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == ["alice", "bob", "carol", "dave"], f"one testsuite per learner, sorted: {list(suites)}"
    assert len(root.findall("testsuite/testcase")) == 3 + 3 + 3 + 3 + 3 + 3 + 3, "one testcase per learner × exercise × test"
    assert root.get("tests") == "21", f"testsuites counts every test: {root.attrib}"
    expected = {  # tests, failures, errors, skipped
        "alice": ("6", "2", "2", "0"),
        "bob": ("6", "5", "0", "0"),
        "carol": ("6", "0", "0", "0"),
        "dave": ("3", "1", "1", "0"),
    }
    for name, suite in suites.items():
        counts = tuple(suite.get(key) for key in ("tests", "failures", "errors", "skipped"))
        assert counts == expected[name], f"{name}: (tests, failures, errors, skipped) = {counts}, expected {expected[name]}"
        assert len(suite.findall("testcase/failure")) == int(counts[1]), f"{name}: failure elements disagree with the count"
        assert len(suite.findall("testcase/error")) == int(counts[2]), f"{name}: error elements disagree with the count"
    alice = [case for case in suites["alice"] if case.get("classname") == "alice.exercise2"]
    timeout = alice[2].find("error")
    assert timeout is not None and timeout.get("type") == "timeout", "a timed-out test is an <error> of type timeout"
    bob = suites["bob"].find("testcase[@classname='bob.exercise2']/failure")
    assert bob is not None and bob.get("message") == "not submitted", "a not-submitted exercise's tests are failures saying so"


def test_junit_marks_skipped_tests_and_has_no_times(tmp_path: Path) -> None:
    doc = learner("eve", report("exercise1", [check("test_cuda", "skipped", 0, 2, "needs CUDA"), check("test_a", "passed", 2, 2)]))
    write_aggregates(tmp_path, ["exercise1"], [doc])
    text = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None and suite.get("skipped") == "1", f"the skipped count is wrong: {text}"
    assert len(suite.findall("testcase/skipped")) == 1, "a skipped test carries <skipped/>"
    assert "time" not in text and "timestamp" not in text, f"the report must be deterministic, without times:\n{text}"


# -- odd characters -----------------------------------------------------------------------------


ODD_MESSAGE = 'got "x" < 3 | y & z\x00\x07\x1b[31m\ttab\nline two 李'
ODD_NAME = 'zoë "李", <jr>'


def odd_docs() -> list[dict[str, Any]]:
    odd = report("exercise1", [check("test_odd[a|b]", "failed", 0, 2, ODD_MESSAGE, name='shape "(2, 3)" | <odd>'), check("test_a", "passed", 2, 2)])
    return [learner(ODD_NAME, odd), learner("plain", ex1(2, 3, 5))]


def test_odd_characters_round_trip_through_every_file(tmp_path: Path) -> None:
    docs = odd_docs()
    write_all(tmp_path, docs)
    assert load_learners(tmp_path)[ODD_NAME] == docs[0], "the learner document must round-trip exactly"
    rows = read_csv(tmp_path / "gradebook.csv")
    assert [row[0] for row in rows[1:]] == ["plain", ODD_NAME], f"the learner id must survive the CSV: {rows}"
    root = ET.parse(tmp_path / "junit.xml").getroot()
    failure = root.find(".//failure")
    assert failure is not None, "the failed test must have a <failure>"
    assert failure.get("message") == 'got "x" < 3 | y & z[31m\ttab\nline two 李', f"only XML-illegal characters may go: {failure.get('message')!r}"
    assert {suite.get("name") for suite in root} == {ODD_NAME, "plain"}, "learner names must survive the XML"
    results = json.loads((tmp_path / "gradescope" / ODD_NAME / "results.json").read_text(encoding="utf-8"))
    assert results["tests"][0]["output"] == ODD_MESSAGE, "Gradescope output keeps the message as it is"


def test_summary_escapes_pipes_and_html_and_keeps_tables_one_line_per_row(tmp_path: Path) -> None:
    write_all(tmp_path, odd_docs())
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    row = next((line for line in summary.splitlines() if "odd" in line), "")
    assert 'shape "(2, 3)" \\| &lt;odd&gt;' in row, f"the test name must be escaped in its cell: {row!r}"
    assert "got \"x\" &lt; 3 \\| y &amp; z" in row, f"the message must be escaped and on one line: {row!r}"
    assert "\x00" not in summary and "\x1b" not in summary, "control characters must not reach the summary"
    columns = 0
    for line in summary.splitlines():
        pipes = line.replace("\\|", "").count("|")
        if not line.startswith("|"):
            columns = 0
        elif columns == 0:
            columns = pipes
        else:
            assert pipes == columns, f"an unescaped pipe splits this row: {line!r}"


def test_a_lone_surrogate_in_a_message_is_written_as_valid_json(tmp_path: Path) -> None:
    doc = learner("sam", report("exercise1", [check("test_a", "error", 0, 2, "bad byte \udcff in output")]))
    write_all(tmp_path, [doc])
    assert load_learners(tmp_path)["sam"] == doc, "a lone surrogate must round-trip through the learner file"
    ET.parse(tmp_path / "junit.xml")
    assert "\\udcff" in learner_path(tmp_path, "sam").read_text(encoding="utf-8"), "the surrogate is written as a JSON escape"


# -- summary.md ---------------------------------------------------------------------------------


def test_summary_has_every_section_with_means_and_medians(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path, EXERCISES, docs)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    for heading in ("# Grading summary", "## Scores", "## Most often failed tests", "## Learners who hit limits or crashed", "## Not submitted"):
        assert heading in summary, f"missing section {heading!r}:\n{summary}"
    assert "**4 learners graded**" in summary, f"the learner count is missing:\n{summary}"
    assert "Interrupted" not in summary, "a complete run must not say it was interrupted"
    lines = summary.splitlines()
    # exercise1 scores 3.5, 5, 10, 3: mean 5.375 -> 5.38, median 4.25; exercise2 (submitted) 2, 6: mean 4, median 4
    assert "| exercise1 | Title of exercise1 | 4 | 5.38 | 4.25 | 10 | 1 |" in lines, f"wrong exercise1 row:\n{summary}"
    assert "| exercise2 | Title of exercise2 | 2 | 4 | 4 | 6 | 1 |" in lines, f"wrong exercise2 row:\n{summary}"
    # totals 5.5, 5, 16, 3: mean 7.375 -> 7.38, median 5.25
    assert "| **total** |  | 4 | 7.38 | 5.25 | 16 | 1 |" in lines, f"wrong total row:\n{summary}"
    assert "| exercise2 | 1 | bob |" in lines, f"the not-submitted row must count bob:\n{summary}"
    assert "| alice | exercise2 | timed out after 10 s while running `fit` |" in lines, f"the incident line is missing:\n{summary}"
    assert "| alice | exercise2 | timed out: test 2 |" in lines, f"the timed-out test is missing from the incidents:\n{summary}"


def test_summary_ranks_most_failed_tests_by_count_then_name(tmp_path: Path) -> None:
    docs = [
        learner("l1", ex1(0, 0, 5, message="weight is a plain Tensor")),
        learner("l2", ex1(0, 0, 5, message="weight is a plain Tensor")),
        learner("l3", ex1(0, 3, 0, message="weight has the wrong shape")),
        learner("l4", not_submitted("exercise1")),
    ]
    write_aggregates(tmp_path, ["exercise1"], docs)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    section = summary.split("## Most often failed tests")[1].split("##")[0]
    rows = [line for line in section.splitlines() if line.startswith("| exercise1")]
    expected = [
        "| exercise1 | test a | 3 | weight is a plain Tensor |",
        "| exercise1 | test b | 2 | bias is wrong |",
        "| exercise1 | test c | 1 | your code raised ValueError |",
    ]
    assert rows == expected, f"most failed tests: got {rows}, expected {expected} (not-submitted learners are left out)"


def test_summary_of_an_interrupted_run_says_so(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path, EXERCISES, docs, complete=False)
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "partial results" in summary and "Rerun the same command" in summary, f"the interruption notice is missing:\n{summary}"


def test_summary_of_no_learners_is_short_and_valid(tmp_path: Path) -> None:
    write_aggregates(tmp_path, EXERCISES, [])
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "**0 learners graded**" in summary, f"an empty class must still have a summary:\n{summary}"
    assert read_csv(tmp_path / "gradebook.csv") == [["learner", "exercise1", "exercise2", "total", "max_total"]], "an empty gradebook has its header"


def test_aggregates_do_not_depend_on_the_order_of_the_documents(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_aggregates(tmp_path / "a", EXERCISES, docs)
    write_aggregates(tmp_path / "b", EXERCISES, list(reversed(docs)))
    assert tree(tmp_path / "a") == tree(tmp_path / "b"), "aggregates must be a pure function of the set of documents"


# -- Gradescope ---------------------------------------------------------------------------------


def test_gradescope_results_have_the_total_and_a_test_per_grader_test(docs: list[dict[str, Any]]) -> None:
    alice = next(doc for doc in docs if doc["learner"] == "alice")
    results = gradescope_results(alice)
    assert results["score"] == 5.5, f"top-level score is the learner's score: {results['score']}"
    assert len(results["tests"]) == 6, f"one Gradescope test per grader test: {len(results['tests'])}"
    assert sum(test["score"] for test in results["tests"]) == results["score"], "test scores add up to the total"
    first = results["tests"][0]
    assert first["name"] == "exercise1: test a" and first["number"] == "1.1", f"test name/number: {first}"
    assert {test["status"] for test in results["tests"]} == {"passed", "failed"}, "Gradescope statuses are passed/failed only"
    assert results["tests"][1]["output"] == "bias is wrong", "a test's output is its message"
    assert "exercise2 · Title of exercise2: 2/6" in results["output"], f"an output line per exercise: {results['output']!r}"
    assert "Total: 5.5/16" in results["output"], f"a total line: {results['output']!r}"
    assert results["visibility"] == "visible" and all(test["visibility"] == "visible" for test in results["tests"]), "results are visible"


def test_gradescope_counts_skipped_tests_in_neither_score() -> None:
    doc = learner("eve", report("exercise3", [check("test_cuda", "skipped", 0, 2, "needs CUDA"), check("test_a", "passed", 2, 2)]))
    tests = gradescope_results(doc)["tests"]
    assert tests[0]["max_score"] == 0 and tests[0]["score"] == 0, f"a skipped test is worth nothing: {tests[0]}"
    assert tests[0]["number"] == "3.1", f"numbers follow the exercise: {tests[0]}"


def test_gradescope_from_reports_matches_the_learner_document(docs: list[dict[str, Any]]) -> None:
    alice = next(doc for doc in docs if doc["learner"] == "alice")
    assert gradescope_from_reports(alice["exercises"]) == gradescope_results(alice), "both entry points must agree"


def test_written_gradescope_file_is_the_results(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_learner(tmp_path, docs[0])
    written = json.loads((tmp_path / "gradescope" / "carol" / "results.json").read_text(encoding="utf-8"))
    assert written == gradescope_results(docs[0]), "gradescope/<learner>/results.json holds gradescope_results"


# -- atomic writes, loading ---------------------------------------------------------------------


def test_writes_leave_no_temporary_files(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path, docs)
    write_all(tmp_path, docs)
    expected = {"gradebook.csv", "junit.xml", "summary.md"}
    expected |= {f"learners/{doc['learner']}.json" for doc in docs} | {f"gradescope/{doc['learner']}/results.json" for doc in docs}
    assert set(tree(tmp_path)) == expected, f"unexpected files: {sorted(set(tree(tmp_path)) - expected)}"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docs: list[dict[str, Any]]) -> None:
    write_learner(tmp_path, docs[0])
    before = tree(tmp_path)

    def crash(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    changed = docs[0] | {"score": 0}
    with pytest.raises(OSError):
        write_learner(tmp_path, changed)
    assert tree(tmp_path) == before, "a failed write must leave the previous files untouched and no temporary behind"


def test_load_learners_skips_corrupt_and_foreign_files(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_learner(tmp_path, docs[0])
    folder = tmp_path / "learners"
    full = learner_path(tmp_path, "carol").read_bytes()
    (folder / "truncated.json").write_bytes(full[: len(full) // 2])
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "keyless.json").write_text(json.dumps({"learner": "keyless"}), encoding="utf-8")
    (folder / "list.json").write_text("[1, 2]", encoding="utf-8")
    (folder / "renamed.json").write_bytes(full)
    bad_test = docs[0] | {"learner": "badtest", "exercises": {"exercise1": ex1(2, 3, 5) | {"tests": [{"name": "x"}]}}}
    (folder / "badtest.json").write_text(json.dumps(bad_test), encoding="utf-8")
    (folder / "dir.json").mkdir()
    loaded = load_learners(tmp_path)
    assert list(loaded) == ["carol"], f"only the well-formed document may load: {list(loaded)}"
    assert loaded["carol"] == docs[0], "the loaded document equals the written one"
    assert load_learners(tmp_path / "missing") == {}, "a folder without learners/ loads nothing"


# -- merge --------------------------------------------------------------------------------------


def test_merge_of_disjoint_shards_equals_an_unsharded_run(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path / "whole", docs)
    write_all(tmp_path / "shard1", docs[:2], complete=False)
    write_all(tmp_path / "shard2", docs[2:])
    learners = merge([tmp_path / "shard1", tmp_path / "shard2"], tmp_path / "merged")
    assert learners == ["alice", "bob", "carol", "dave"], f"merge returns the sorted learner ids: {learners}"
    whole, merged = tree(tmp_path / "whole"), tree(tmp_path / "merged")
    assert sorted(whole) == sorted(merged), f"different files: {sorted(set(whole) ^ set(merged))}"
    for name in whole:
        assert whole[name] == merged[name], f"{name} differs between the merged and the unsharded output"


def test_merge_into_one_of_the_sources(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path / "whole", docs)
    write_all(tmp_path / "shard1", docs[:1])
    write_all(tmp_path / "shard2", docs[1:])
    merge([tmp_path / "shard1", tmp_path / "shard2"], tmp_path / "shard1")
    assert tree(tmp_path / "shard1") == tree(tmp_path / "whole"), "merging into a source must give the unsharded output"


def test_merge_accepts_identical_duplicates(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path / "shard1", docs[:3])
    write_all(tmp_path / "shard2", docs[2:])
    assert merge([tmp_path / "shard1", tmp_path / "shard2"], tmp_path / "out") == ["alice", "bob", "carol", "dave"], "a learner graded alike twice merges"


def test_merge_refuses_conflicting_duplicates(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path / "shard1", docs[:2])
    write_all(tmp_path / "shard2", [docs[1] | {"score": 0, "fingerprint": "other"}])
    with pytest.raises(MergeError, match="alice") as error:
        merge([tmp_path / "shard1", tmp_path / "shard2"], tmp_path / "out")
    assert "\n" not in str(error.value), f"the message is one line: {error.value}"
    assert not (tmp_path / "out").exists(), "a refused merge writes nothing"


def test_merge_refuses_a_folder_without_learners(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path / "shard1", docs)
    (tmp_path / "empty").mkdir()
    with pytest.raises(MergeError, match="no learners/"):
        merge([tmp_path / "shard1", tmp_path / "empty"], tmp_path / "out")


def test_merge_refuses_an_output_folder_holding_other_learners(tmp_path: Path, docs: list[dict[str, Any]]) -> None:
    write_all(tmp_path / "shard1", docs[:2])
    write_all(tmp_path / "out", docs[2:])
    with pytest.raises(MergeError, match="none of the sources"):
        merge([tmp_path / "shard1"], tmp_path / "out")
