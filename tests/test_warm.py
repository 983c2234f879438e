"""``keep_warm``: grading calls of one process share a fork server, and give the verdicts of cold calls.

The whole session runs inside one ``keep_warm`` block (see ``conftest.py``); each test here opens
a block of its own (``suspended()`` first), so that it sees a server start and end.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

import grader
from conftest import ROOT, TESTS, running
from grader._warm import suspended, warm_pids, warm_server


def test_checks_in_a_block_share_one_server_and_judge_as_cold_checks(alone: dict[str, grader.Report]) -> None:
    mutant = TESTS / "mutants" / "exercise1" / "bias_flag_ignored.py"
    with suspended():
        cold_mutant = grader.check(1, mutant, device="cpu")
        with grader.keep_warm():
            warm_reference = grader.check(1, ROOT / "solutions" / "exercise1.py", device="cpu")
            servers = warm_pids()
            warm_mutant = grader.check(1, mutant, device="cpu")
            assert len(servers) == 1 and warm_pids() == servers, f"the second check started a server: {servers} then {warm_pids()}"
        assert not any(running(pid) for pid in servers), "the warm server must end with its block"
    assert warm_reference.to_json() == alone["exercise1"].to_json(), "a warm check of the reference judged otherwise than a cold one"
    assert warm_mutant.to_json() == cold_mutant.to_json(), "a warm check of a mutant judged otherwise than a cold one"
    assert warm_mutant.score < warm_mutant.max_score, "the mutant must lose points"


def test_a_server_is_reused_only_in_the_environment_it_was_started_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with suspended(), grader.keep_warm():
        server = warm_server()
        monkeypatch.setenv("GRADER_STATE_DIR", str(tmp_path / "elsewhere"))
        assert warm_server() is server, "GRADER_STATE_DIR is read by the grading process only: the server stays"
        monkeypatch.chdir(tmp_path)
        assert warm_server() is server, "workers move to a scratch folder: the directory does not matter to them"
        assert warm_server(forks_graders=True) is not server, "grading processes keep the server's directory"
        monkeypatch.setenv("GRADER_TEST_WARM", "1")
        other = warm_server()
        assert other is not server, "learner code would see a variable its worker does not have"
        monkeypatch.delenv("GRADER_TEST_WARM")
        assert warm_server() is server, "back in the first environment, its server is warm still"
        assert {server.pid, other.pid} <= warm_pids()


def test_grading_keeps_the_warm_server_and_a_dead_one_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roster = tmp_path / "roster" / "ada"
    roster.mkdir(parents=True)
    (roster / "exercise1.py").write_text((ROOT / "solutions" / "exercise1.py").read_text())
    monkeypatch.chdir(tmp_path)
    with suspended(), grader.keep_warm():
        server = warm_server(forks_graders=True)
        assert server is not None
        outcome = grader.grade(tmp_path / "roster", tmp_path / "out", exercises=[1], jobs=1, device="cpu")
        assert outcome.graded == ["ada"] and not outcome.grader_failures, outcome
        document = json.loads((tmp_path / "out" / "learners" / "ada.json").read_text())
        assert document["score"] == document["max_score"] > 0, f"the reference earned {document['score']}/{document['max_score']}"
        assert running(server.pid), "grade() killed the warm server as if it were a learner's orphan"
        assert warm_server(forks_graders=True) is server, "grade() must leave the warm server for the next call"
        os.kill(server.pid, signal.SIGKILL)
        server.process.wait()
        replacement = warm_server(forks_graders=True)
        assert replacement is not None and replacement.pid != server.pid and running(replacement.pid), "a dead server must be replaced"
        again = grader.grade(tmp_path / "roster", tmp_path / "again", exercises=[1], jobs=1, device="cpu")
        assert again.graded == ["ada"] and not again.grader_failures, again
