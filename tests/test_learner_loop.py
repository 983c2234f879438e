"""The learner's loop: grader diff, hint, status and watch, the state file, and --lang."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import grader
from grader._i18n import resolve_lang
from grader._report import Report, TestResult
from grader._state import STATE_DIR_ENV, load_state, record_check, save_state
from grader._watch import watch
from grader.cli import main

EXERCISE_1 = grader.find_exercise(1)
STUB_1 = EXERCISE_1.stub_path
REFERENCE_1 = EXERCISE_1.reference_path


@pytest.fixture
def kit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A learner's kit folder as the cwd, holding exercises/exercise1.py (the stub)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(STATE_DIR_ENV, raising=False)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "exercise1.py").write_text(STUB_1.read_text())
    return tmp_path


def _state(kit: Path) -> dict:
    return json.loads((kit / ".grader" / "state.json").read_text())["exercises"]


def _report(exercise: str, failing: list[str]) -> Report:
    """A report whose tests ``failing`` fail (and one more passes)."""
    tests = [TestResult(test, test.replace("_", " "), "failed", 0, 1, f"{test} went wrong") for test in failing]
    tests.append(TestResult("test_ok", "ok", "passed", 1, 1))
    return Report(exercise, "title", "cpu", "exercises/x.py", tests)


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize("environ, expected", [
    ({}, "en"),
    ({"LANG": "ko_KR.UTF-8"}, "ko"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "ko_KR.UTF-8"}, "ko"),
    ({"LANG": "ko_KR.UTF-8", "LC_MESSAGES": "C"}, "en"),
    ({"LC_MESSAGES": "ko"}, "ko"),
])
def test_language_follows_the_locale_variables(environ: dict[str, str], expected: str) -> None:
    assert resolve_lang(None, environ) == expected, f"{environ} should choose {expected}"
    assert resolve_lang("en", {"LANG": "ko_KR.UTF-8"}) == "en", "--lang overrides the environment"


def test_check_speaks_korean_with_lang_or_the_environment(kit: Path) -> None:
    runner = CliRunner()
    by_option = runner.invoke(main, ["--lang", "ko", "check", "1", "--device", "cpu"])
    by_env = runner.invoke(main, ["check", "1", "--device", "cpu"], env={"LANG": "ko_KR.UTF-8"})
    english = runner.invoke(main, ["check", "1", "--device", "cpu"], env={"LANG": "ko_KR.UTF-8", "LC_ALL": "en_US.UTF-8"})
    for result in (by_option, by_env):
        assert result.exit_code == 1, result.output
        assert "점수: 0/" in result.output, f"the score line is not in Korean:\n{result.output}"
        assert "아직 구현되지 않았습니다" in result.output, f"the failure messages are not in Korean:\n{result.output}"
        assert "MyLinear는 nn.Module입니다" in result.output, f"the test titles are not in Korean:\n{result.output}"
    assert "Score: 0/" in english.output and "점수" not in english.output, f"LC_ALL=en should win:\n{english.output}"


def test_json_output_stays_english(kit: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "ko", "check", "1", "--device", "cpu", "--json"])
    document = json.loads(result.output)
    assert all("구현" not in test["message"] for test in document["tests"]), "JSON messages must stay English-canonical"


def test_every_help_text_has_korean() -> None:
    import inspect

    from grader._texts import HELP_KO

    missing = []
    for command in [main, *main.commands.values()]:
        if command.help and inspect.cleandoc(command.help) not in HELP_KO:
            missing.append(f"{command.name}: {command.help!r}")
        for param in command.params:
            if isinstance(param, click.Option) and param.help and inspect.cleandoc(param.help) not in HELP_KO:
                missing.append(f"{command.name} {param.opts}: {param.help!r}")
    assert not missing, "help texts without a Korean entry in grader/_texts.py HELP_KO:\n" + "\n".join(missing)


def test_every_cli_text_has_both_languages() -> None:
    from grader._texts import TEXTS

    incomplete = [key for key, entry in TEXTS.items() if set(entry) != {"en", "ko"} or not all(entry.values())]
    assert not incomplete, f"CLI texts lacking English or Korean: {incomplete}"
    for exercise in grader.EXERCISES:
        assert TEXTS[f"title.{exercise.name}"]["en"] == exercise.title, f"the title of {exercise.name} is out of date"


def test_korean_help() -> None:
    result = CliRunner().invoke(main, ["--lang", "ko", "check", "--help"])
    assert result.exit_code == 0, result.output
    assert "사용법:" in result.output and "옵션" in result.output, f"headings not in Korean:\n{result.output}"
    assert "트레이스백" in result.output, f"option help not in Korean:\n{result.output}"


# --------------------------------------------------------------------------- diff


def test_diff_is_plain_off_a_terminal_and_coloured_on_request(kit: Path) -> None:
    runner = CliRunner()
    plain = runner.invoke(main, ["diff", "1"])
    forced = runner.invoke(main, ["diff", "1", "--color"])
    off = runner.invoke(main, ["diff", "1", "--no-color"])
    assert plain.exit_code == 1, f"a differing file exits 1: {plain.output}"
    assert "\x1b[" not in plain.output, "no colour when stdout is not a terminal"
    assert "\x1b[" not in off.output, "no colour with --no-color"
    assert "\x1b[32m+" in forced.output and "\x1b[31m-" in forced.output, "--color colours additions and removals"
    assert "+++ exercise1.py (reference)" in plain.output, f"the diff names the reference:\n{plain.output[:300]}"
    assert "-        raise NotImplementedError" in plain.output, "the stub's lines are removals"


def test_diff_of_an_identical_file_and_of_a_missing_one(kit: Path) -> None:
    (kit / "mine.py").write_text(REFERENCE_1.read_text())
    same = CliRunner().invoke(main, ["diff", "1", "mine.py"])
    assert same.exit_code == 0 and "identical" in same.output, same.output
    missing = CliRunner().invoke(main, ["--lang", "ko", "diff", "2"])
    assert missing.exit_code == 2 and "파일이 없습니다" in missing.output, missing.output


# --------------------------------------------------------------------------- state and status


def test_check_records_progress_and_status_shows_it(kit: Path) -> None:
    runner = CliRunner()
    before = runner.invoke(main, ["status"])
    assert "→ exercise1  not checked yet" in before.output, f"exercise1 is next before any check:\n{before.output}"
    result = runner.invoke(main, ["check", "1", "--device", "cpu"])
    assert result.exit_code == 1, result.output
    entry = _state(kit)["exercise1"]
    assert entry["score"] == 0 and entry["max_score"] > 0 and entry["passed"] is False, entry
    assert entry["first_failure"]["id"] == "test_linear_is_module", entry["first_failure"]
    status = runner.invoke(main, ["status"])
    assert f"0/{entry['max_score']:g}" in status.output, f"status shows the last score:\n{status.output}"
    assert "Next: exercise1" in status.output, status.output


def test_state_survives_broken_checks(kit: Path) -> None:
    runner = CliRunner()
    runner.invoke(main, ["check", "1", "--device", "cpu"])
    recorded = _state(kit)["exercise1"]
    missing = runner.invoke(main, ["check", "2", "--device", "cpu"])
    assert missing.exit_code == 2, "a missing file is a usage error"
    assert _state(kit)["exercise1"] == recorded, "a failed check must not lose the state"
    (kit / "exercises" / "exercise1.py").write_text("def broken(:\n")
    broken = runner.invoke(main, ["check", "1", "--device", "cpu"])
    assert broken.exit_code == 1, broken.output
    assert "SyntaxError" in broken.output, broken.output
    assert _state(kit)["exercise1"]["score"] == 0, "a syntax error is recorded as a check that scored 0"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"exercises": {"exercise1": 3}}', "\x00\xff"])
def test_a_corrupt_state_file_never_breaks_check(kit: Path, content: str) -> None:
    (kit / ".grader").mkdir()
    (kit / ".grader" / "state.json").write_text(content)
    result = CliRunner().invoke(main, ["check", "1", "--device", "cpu"])
    assert result.exit_code == 1, result.output
    assert result.output.count("warning: ignoring the progress file") == 1, f"one warning line:\n{result.output}"
    assert _state(kit)["exercise1"]["score"] == 0, "the state starts fresh and records the check"


def test_state_is_written_atomically(tmp_path: Path) -> None:
    state = load_state(tmp_path / "s" / "state.json")
    record_check(state, _report("exercise1", ["test_a"]))
    save_state(state)
    assert [path.name for path in (tmp_path / "s").iterdir()] == ["state.json"], "no temporary file is left behind"
    assert load_state(tmp_path / "s" / "state.json").exercises == state.exercises, "the state reads back as written"


# --------------------------------------------------------------------------- hint


def _seed_state(kit: Path, failing: list[str]) -> None:
    state = load_state()
    record_check(state, _report("exercise1", failing))
    save_state(state)


def test_hint_levels_escalate_then_reset_when_the_first_failure_changes(kit: Path) -> None:
    runner = CliRunner()
    _seed_state(kit, ["test_weight_is_parameter"])
    outputs = [runner.invoke(main, ["hint", "1"]).output for _ in range(5)]
    assert "Hint 1/4" in outputs[0] and "test_weight_is_parameter went wrong" in outputs[0], outputs[0]
    assert "The contract" not in outputs[0], "level 1 is only the test and its failure"
    assert "Hint 2/4" in outputs[1] and "MyLinear:" in outputs[1], f"level 2 adds the stub's docstring:\n{outputs[1]}"
    assert "Hint 3/4" in outputs[2] and "nn.Parameter and assigned to self" in outputs[2], outputs[2]
    assert "Hint 4/4" in outputs[3] and "(out_features, in_features), dtype float32" in outputs[3], outputs[3]
    assert "Hint 4/4" in outputs[4] and "most detailed" in outputs[4], "the level stops at the last one"
    assert "nn.Parameter(torch.empty" not in "".join(outputs), "hints never show the reference's code"
    _seed_state(kit, ["test_weight_is_parameter"])
    assert "Hint 4/4" in runner.invoke(main, ["hint", "1"]).output, "the same first failure keeps the level"
    _seed_state(kit, ["test_bias_is_parameter"])
    reset = runner.invoke(main, ["--lang", "ko", "hint", "1"]).output
    assert "힌트 1/3" in reset and "test_bias_is_parameter" in reset, f"a new first failure starts over:\n{reset}"


def test_hint_without_a_check_runs_one(kit: Path) -> None:
    result = CliRunner().invoke(main, ["hint", "1"])
    assert result.exit_code == 0, result.output
    assert "No check of exercise1 yet" in result.output and "Hint 1/" in result.output, result.output
    assert _state(kit)["exercise1"]["hint"] == {"test": "test_linear_is_module", "level": 1}, _state(kit)


HINTED = (1, 2, 3, 4, 5, 6, 7, 8)  # the exercises whose suite has a hints table
BOILERPLATE = {"super().__init__()"}  # a reference line a hint may name: every module and optimizer needs it


def _reference_code(exercise: grader.Exercise) -> set[str]:
    """Each statement line of the reference (no docstrings, definitions or imports), stripped."""
    import ast

    source = exercise.reference_path.read_text()
    lines = source.splitlines()
    return {
        lines[node.lineno - 1].strip() for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom))
        and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
    } - BOILERPLATE


@pytest.mark.parametrize("number", HINTED)
def test_every_test_has_hints(number: int) -> None:
    import ast

    from grader._hints import suite_hints

    exercise = grader.find_exercise(number)
    source = (exercise.suite_dir / f"test_{exercise.name}.py").read_text()
    tests = [node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]
    table = suite_hints(exercise)
    assert sorted(table) == sorted(tests), f"hints table and suite differ: {set(table) ^ set(tests)}"
    code = _reference_code(exercise)
    for name, entry in table.items():
        assert entry.hints and entry.title_ko and entry.names, f"{name} needs a Korean title, names and a hint"
        assert all(english and korean for english, korean in entry.hints), f"{name}: every hint needs both languages"
        texts = [entry.title_ko, *(text for pair in entry.hints for text in pair)]
        copied = sorted({line for line in code for text in texts if line in text})
        assert not copied, f"{name}: hints never show the reference's code, yet they hold {copied}"


def test_a_korean_title_keeps_only_the_case_of_a_parametrised_test(reference_reports: dict[str, Report]) -> None:
    from grader._hints import base_id, suite_hints, test_title

    wrong = []
    for exercise in grader.EXERCISES:
        table = suite_hints(exercise)
        for test in reference_reports[exercise.name].tests:
            entry = table.get(base_id(test.id))
            case = test.id[len(base_id(test.id)):]
            if entry is not None:
                assert test.name.endswith(case), f"{test.id}: the English title {test.name!r} does not end with its case"
                want = entry.title_ko + (f" {case}" if case else "")
                if test_title(exercise, test.id, test.name, "ko") != want:
                    wrong.append(f"{test.id}: {test_title(exercise, test.id, test.name, 'ko')!r}")
    assert not wrong, f"Korean titles carry English leftovers: {wrong}"


# --------------------------------------------------------------------------- watch


def test_watch_rechecks_on_save_and_moves_on_when_it_passes(kit: Path) -> None:
    path = kit / "exercises" / "exercise1.py"
    checks: list[tuple[str, str]] = []
    events: list[str] = []
    edits = iter([
        lambda: path.write_text(path.read_text()),                       # saved, same content: no check
        lambda: path.write_text(path.read_text() + "\n# try 2\n"),       # changed: check again
        lambda: path.write_text(REFERENCE_1.read_text()),                # passes: on to exercise2
    ])

    def run_check(exercise: grader.Exercise, where: Path) -> Report:
        checks.append((exercise.name, where.read_text()[-8:]))
        passed = "# try 2" not in where.read_text() and "NotImplementedError" not in where.read_text()
        return _report(exercise.name, [] if passed else ["test_a"])

    def sleep(seconds: float) -> None:
        assert seconds == 0.5, "polls every half second"
        next(edits, lambda: events.append("idle"))()

    last = watch(EXERCISE_1, lambda exercise: kit / "exercises" / exercise.filename, run_check, sleep=sleep,
                 on_waiting=lambda exercise, where: events.append(f"waiting {exercise.name}"),
                 on_next=lambda done, following: events.append(f"next {following.name}"),
                 should_stop=lambda: events.count("idle") >= 2)
    assert [name for name, _ in checks] == ["exercise1", "exercise1", "exercise1"], f"one check per real change: {checks}"
    assert events[:2] == ["next exercise2", "waiting exercise2"], f"moves on and waits for the next file: {events}"
    assert last == grader.find_exercise(2), "it was watching exercise2 when stopped"


def test_watch_command_stops_cleanly_on_ctrl_c(kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("grader._watch.pause", interrupt)
    result = CliRunner().invoke(main, ["watch", "1", "--device", "cpu"])
    assert result.exit_code == 0, f"Ctrl-C exits 0: {result.output}"
    assert "Watching" in result.output and "Score: 0/" in result.output and "Stopped watching." in result.output, result.output
    assert "\x1b[2J" not in result.output, "the screen is cleared only on a terminal"
    assert _state(kit)["exercise1"]["score"] == 0, "watch records its checks"
