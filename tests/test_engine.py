"""The worker boundary: plain data only, learner frames only, limits, clean-up."""

from __future__ import annotations

import io
import os
import pickle
import textwrap
import time
from pathlib import Path

import pytest
import torch

import grader
from conftest import running
from grader import Limits, _codec

REFERENCE_1 = grader.find_exercise(1).reference_path.read_text()


def with_prelude(prelude: str) -> str:
    """The exercise 1 reference with ``prelude`` run first, at import."""
    body = REFERENCE_1.split('"""', 2)[2].replace("from __future__ import annotations\n", "")
    return prelude + body


def learner_file(tmp_path: Path, source: str, name: str = "exercise1.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def test_codec_round_trips_plain_data() -> None:
    value = {"a": [1, 2.5, "x", None, True], "t": torch.arange(6).reshape(2, 3), "n": {"f": torch.tensor(1.5)}}
    decoded = _codec.decode(_codec.encode(value))
    assert decoded["a"] == [1, 2.5, "x", None, True]
    assert torch.equal(decoded["t"], value["t"]) and type(decoded["t"]) is torch.Tensor
    assert decoded["n"]["f"].item() == 1.5


def test_codec_refuses_objects_that_are_not_plain_data() -> None:
    class Sneaky:
        pass

    with pytest.raises(TypeError, match="Sneaky is not plain data"):
        _codec.encode({"x": Sneaky()})


class _RunsCode:
    def __reduce__(self):
        return (os.system, ("touch /tmp/grader-pwned",))


def test_decode_never_runs_code_from_a_frame(tmp_path: Path) -> None:
    marker = Path("/tmp/grader-pwned")
    marker.unlink(missing_ok=True)
    buffer = io.BytesIO()
    torch.save({"evil": _RunsCode()}, buffer)
    for payload in (buffer.getvalue(), pickle.dumps(_RunsCode())):
        with pytest.raises(_codec.DecodeError):
            _codec.decode(payload)
    assert not marker.exists()


def test_a_syntax_error_fails_every_test_with_its_line(tmp_path: Path) -> None:
    path = learner_file(tmp_path, "import torch\n\nclass MyLinear(torch.nn.Module)\n    pass\n")
    report = grader.check(1, path, device="cpu")
    assert report.score == 0
    assert all(test.status == "error" for test in report.tests)
    assert "could not be imported: SyntaxError" in report.tests[0].message
    assert "line 3" in report.tests[0].message


def test_tracebacks_show_only_the_learners_frames(tmp_path: Path) -> None:
    source = REFERENCE_1.replace(
        "        out = x @ self.weight.T\n",
        "        out = self._helper(x)\n",
    ).replace(
        "    def forward(self, x: Tensor) -> Tensor:\n        out = self._helper",
        "    def _helper(self, x):\n        raise ValueError('shapes do not line up')\n\n"
        "    def forward(self, x: Tensor) -> Tensor:\n        out = self._helper",
    )
    path = learner_file(tmp_path, source)
    report = grader.check(1, path, device="cpu")
    forward = next(test for test in report.tests if test.id.startswith("test_forward["))
    assert forward.status == "error"
    assert "ValueError: shapes do not line up (in `MyLinear._helper`, line" in forward.message
    assert str(path) in forward.details and "MyLinear.forward" in forward.details
    assert "grader" not in forward.details.replace(str(path), "")


def test_reading_stdin_does_not_hang(tmp_path: Path) -> None:
    path = learner_file(tmp_path, with_prelude("name = input('your name? ')\n"))
    report = grader.check(1, path, device="cpu", limits=Limits(timeout=5))
    assert "EOFError" in report.tests[0].message


def test_memory_cap_turns_a_huge_allocation_into_an_error(tmp_path: Path) -> None:
    source = REFERENCE_1.replace(
        "def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:\n",
        "def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:\n"
        "    hog = torch.ones(2**31)  # 8 GiB\n",
    )
    report = grader.check(1, learner_file(tmp_path, source), device="cpu", limits=Limits(memory=3 * 1024**3))
    counted = [test for test in report.tests if test.id.startswith("test_count")]
    assert all(test.status == "error" for test in counted)
    assert "allocate" in counted[0].message
    assert report.score == report.max_score - sum(test.max_score for test in counted)


def test_files_written_by_learner_code_stay_in_a_scratch_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = learner_file(tmp_path, with_prelude("open('left-behind.txt', 'w').write('x')\n"), "sub.py")
    report = grader.check(1, path, device="cpu")
    assert report.score == report.max_score
    assert not (tmp_path / "left-behind.txt").exists()


def test_processes_started_by_learner_code_are_killed(tmp_path: Path) -> None:
    pid_file = Path(f"/dev/shm/grader-test-engine-child-{os.getpid()}")
    pid_file.unlink(missing_ok=True)
    source = with_prelude(
        "import os, time\n"
        "if os.fork() == 0:\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    while True:\n"
        "        time.sleep(0.05)\n"
    )
    grader.check(1, learner_file(tmp_path, source), device="cpu")
    assert pid_file.exists(), "the learner's child never ran, so this test proves nothing"
    pid = int(pid_file.read_text())
    pid_file.unlink()
    for _ in range(50):
        if not running(pid):
            return
        time.sleep(0.1)
    pytest.fail(f"the learner's child process {pid} is still running")


def test_learner_code_cannot_run_programs(tmp_path: Path) -> None:
    source = with_prelude("import subprocess\nsubprocess.Popen(['sleep', '300'])\n")
    report = grader.check(1, learner_file(tmp_path, source), device="cpu")
    assert report.score == 0, f"a file that starts a program at import must not import: {report.tests[0].message}"
    assert "running other programs is not allowed" in report.tests[0].message, report.tests[0].message


def test_missing_file_and_unknown_exercise_are_grading_errors(tmp_path: Path) -> None:
    with pytest.raises(grader.GradingError, match="no file to grade"):
        grader.check(1, tmp_path / "nope.py")
    with pytest.raises(grader.GradingError, match="unknown exercise 'exercise9'"):
        grader.check("exercise9", tmp_path / "nope.py")


@pytest.mark.parametrize("name", ["exercise3", "ex3", "3", "EX3", "exercise03", 3])
def test_exercise_names(name: object) -> None:
    assert grader.find_exercise(name).name == "exercise3"


def test_a_dataloader_worker_error_is_summarised_by_its_last_line_and_the_learners_frame() -> None:
    """torch re-raises a worker's error with the worker's whole traceback as its message."""
    from grader.probing import describe_exception, exception_summary

    learner = "/class/alice/exercise4.py"
    message = (
        "Caught IndexError in DataLoader worker process 1.\nOriginal Traceback (most recent call last):\n"
        '  File "/venv/torch/utils/data/_utils/worker.py", line 349, in _worker_loop\n    data = fetcher.fetch(index)\n'
        f'  File "{learner}", line 42, in __getitem__\n    return self.rows[index + 1]\n'
        "           ~~~~~~~~~^^^^^^^^^^^\nIndexError: list index out of range\n"
    )
    summary = exception_summary(describe_exception(IndexError(message), learner))
    assert summary == ("IndexError: list index out of range (raised in DataLoader worker process 1) "
                       "(in `__getitem__`, line 42)"), f"unexpected summary: {summary}"
