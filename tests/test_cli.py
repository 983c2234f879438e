"""The ``grader`` command, driven through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner

import grader
from grader import _selftest
from grader.cli import main

REFERENCE_3 = str(grader.find_exercise(3).reference_path)
STUB_1 = str(grader.find_exercise(1).stub_path)
REFERENCE_1 = str(grader.find_exercise(1).reference_path)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_list_shows_every_exercise_with_its_title(runner: CliRunner) -> None:
    result = runner.invoke(main, ["list"])
    assert result.exit_code == 0
    for exercise in grader.EXERCISES:
        assert f"{exercise.name}  {exercise.title}" in result.output


def test_check_json_is_one_document_with_the_documented_keys(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "ex3", REFERENCE_3, "--json", "--device", "cpu"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert set(document) == {"exercise", "title", "device", "score", "max_score", "submitted", "incidents", "tests"}
    assert document["exercise"] == "exercise3" and document["device"] == "cpu"
    assert document["score"] == document["max_score"] > 0
    for test in document["tests"]:
        assert set(test) == {"id", "name", "status", "score", "max_score", "message"}
        assert test["status"] in grader._report.STATUSES
        assert isinstance(test["score"], (int, float)) and isinstance(test["max_score"], (int, float))


def test_check_on_the_stub_exits_1_and_explains_each_failure(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "1", STUB_1])
    assert result.exit_code == 1
    assert "is not implemented yet (it raises NotImplementedError" in result.output
    assert "Score: 0/" in result.output
    assert "solutions/exercise1.py" in result.output


def test_check_verbose_shows_learner_output_and_tracebacks(runner: CliRunner, tmp_path: Path) -> None:
    source = Path(REFERENCE_3).read_text().replace(
        "    return -(targets", "    print('hello from bce_loss')\n    raise RuntimeError('boom')\n    return -(targets"
    )
    path = tmp_path / "exercise3.py"
    path.write_text(source)
    result = runner.invoke(main, ["check", "exercise3", str(path), "-v"])
    assert result.exit_code == 1
    assert "hello from bce_loss" in result.output
    assert "Traceback (your code only):" in result.output
    assert "RuntimeError: boom (in `bce_loss`, line" in result.output


def test_check_defaults_to_exercises_folder_of_the_current_directory(runner: CliRunner, tmp_path: Path) -> None:
    with runner.isolated_filesystem(temp_dir=tmp_path):
        Path("exercises").mkdir()
        Path("exercises/exercise3.py").write_text(Path(REFERENCE_3).read_text())
        result = runner.invoke(main, ["check", "3", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["score"] > 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "exercise9"], "unknown exercise 'exercise9'"),
        (["check", "1", "missing.py"], "no file to grade at missing.py"),
        (["check", "1", STUB_1, "--device", "tpu"], "'tpu' is not one of"),
        (["check", "1", STUB_1, "--memory", "lots"], "is not a size such as 4G"),
    ],
)
def test_usage_errors_exit_2_with_one_clear_line(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_cuda_without_a_gpu_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "1", STUB_1, "--device", "cuda"])
    assert result.exit_code == 2
    assert "no CUDA device" in result.output


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
@pytest.mark.parametrize("exercise", grader.EXERCISES, ids=lambda e: e.name)
def test_references_earn_full_marks_on_cuda(runner: CliRunner, exercise: grader.Exercise) -> None:
    result = runner.invoke(main, ["check", exercise.name, str(exercise.reference_path), "--device", "cuda", "--json"])
    document = json.loads(result.output)
    assert document["device"] == "cuda"
    assert document["score"] == document["max_score"], [t for t in document["tests"] if t["status"] != "passed"]


def test_selftest_passes_for_the_kit(runner: CliRunner) -> None:
    result = runner.invoke(main, ["selftest", "exercise1", "--device", "cpu"])
    assert result.exit_code == 0, result.output
    assert "selftest passed" in result.output


def test_selftest_reports_a_reference_that_loses_points(runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "exercise3.py"
    broken.write_text(Path(REFERENCE_3).read_text().replace("/ x.shape[0]", "/ 2"))
    real = _selftest.grade_files

    def grade_broken(files, **options):  # type: ignore[no-untyped-def]
        """Hand selftest the broken file where it grades the reference; the grader's own reference
        side (its answers) stays the kit's, whichever test loaded it first."""
        return real([(e, broken if Path(p) == e.reference_path else p) for e, p in files], **options)

    monkeypatch.setattr(_selftest, "grade_files", grade_broken)
    result = runner.invoke(main, ["selftest", "3", "--device", "cpu"])
    assert result.exit_code == 1
    assert "PROBLEM exercise3 reference: test_backward_matches_autograd" in result.output


def test_processes_option_caps_what_learner_code_may_start(runner: CliRunner, tmp_path: Path) -> None:
    source = Path(REFERENCE_1).read_text() + '''

import os as _os
import time as _time

_counted = count_parameters


def count_parameters(model, trainable_only=True):
    children = []
    for _ in range(4):
        pid = _os.fork()
        if pid == 0:
            _time.sleep(0.3)
            _os._exit(0)
        children.append(pid)
    for pid in children:
        _os.waitpid(pid, 0)
    return _counted(model, trainable_only)
'''
    path = tmp_path / "exercise1.py"
    path.write_text(source)
    allowed = runner.invoke(main, ["check", "1", str(path), "--format", "json"])
    assert json.loads(allowed.output)["score"] == json.loads(allowed.output)["max_score"], "4 children are within the default limit"
    capped = runner.invoke(main, ["check", "1", str(path), "--processes", "3"])
    assert capped.exit_code == 1
    assert "at most 3 processes" in capped.output and "count_parameters returns" in capped.output, capped.output
