"""Korean feedback: every message the stubs and the mutant corpus produce must translate fully.

The corpus is graded in the session's class run (see ``conftest.py``); the test lists every fragment
that found no pattern in ``grader/_messages_ko.py`` or the suite's ``messages_ko.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import grader
from grader._i18n import _SENTENCE, translate, untranslated
from grader.expect import Expect, Mismatch
from conftest import ClassRun, learner_of

TESTS = Path(__file__).resolve().parent
# Exercises whose Korean catalog is not complete yet: their test is expected to fail.
INCOMPLETE: set[str] = set()


@pytest.fixture(scope="session")
def corpus_messages(class_run: ClassRun) -> dict[str, dict[str, list[str]]]:
    """Per exercise, ``{message: [file:test, ...]}`` for every failing test of its stub and mutants."""
    messages: dict[str, dict[str, list[str]]] = {exercise.name: {} for exercise in grader.EXERCISES}
    for exercise in grader.EXERCISES:
        for path in [exercise.stub_path, *sorted((TESTS / "mutants" / exercise.name).glob("*.py"))]:
            for test in class_run.doc(learner_of(path), exercise.name)["tests"]:
                if test["message"]:
                    messages[exercise.name].setdefault(test["message"], []).append(f"{path.stem}:{test['id']}")
    return messages


@pytest.mark.parametrize("exercise", [
    pytest.param(e.name, marks=pytest.mark.xfail(reason="Korean catalog not complete yet", strict=False))
    if e.name in INCOMPLETE else e.name
    for e in grader.EXERCISES
])
def test_every_corpus_message_translates_to_korean(corpus_messages: dict[str, dict[str, list[str]]], exercise: str) -> None:
    messages = corpus_messages[exercise]
    assert messages, f"{exercise}: the corpus produced no messages"
    missing: dict[str, str] = {}
    for message, where in messages.items():
        for fragment in untranslated(message):
            missing.setdefault(fragment, where[0])
    assert not missing, (
        f"{exercise}: {len(missing)} fragments have no Korean pattern "
        f"(add them to grader/suites/{exercise}/messages_ko.py):\n"
        + "\n".join(f"  {fragment!r}  (from {where})" for fragment, where in sorted(missing.items()))
    )


def english_left_over(message: str) -> list[str]:
    """The sentences of ``message`` that have a Korean translation of their own, yet appear in its
    Korean output as they are: a pattern copied them as data (an exception's text took the hints
    after it along), which ``untranslated`` cannot see."""
    korean = translate(message, "ko")
    sentences = (part.strip().rstrip(".") for line in message.split("\n") for part in _SENTENCE.split(line))
    return [s for s in sentences if s and s in korean and not untranslated(s) and translate(s, "ko") != s]


@pytest.mark.parametrize("exercise", [e.name for e in grader.EXERCISES])
def test_no_translatable_sentence_stays_english(corpus_messages: dict[str, dict[str, list[str]]], exercise: str) -> None:
    left = {sentence: where[0] for message, where in corpus_messages[exercise].items()
            for sentence in english_left_over(message)}
    assert not left, f"{exercise}: {len(left)} sentences translate alone but stay English in their message:\n" + "\n".join(
        f"  {sentence!r}  (from {where})" for sentence, where in sorted(left.items()))


def test_hints_after_an_exception_are_translated_not_copied_with_it() -> None:
    message = ("RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and "
               "cpu! (in `ClampedExp.backward`, line 80). A tensor made with `torch.zeros(...)` is on the CPU while the "
               "inputs are on cuda: create it on the inputs' device (`device=x.device`). Call super().__init__() at the "
               "start of __init__")
    korean = translate(message, "ko")
    assert "A tensor made" not in korean and "Call super" not in korean, f"hints copied in English: {korean}"
    assert "(`ClampedExp.backward`, 80번째 줄)" in korean and "cuda:0 and cpu!" in korean, korean


def _mismatch(check) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(Mismatch) as caught:
        check()
    return str(caught.value)


def test_the_generic_expect_messages_translate() -> None:
    expect = Expect("cpu")
    what = "MyLinear(3, 5) on an input of shape (7, 3)"
    messages = [
        _mismatch(lambda: expect.close(torch.zeros(2, 3), torch.ones(2, 3), what, "compute x @ self.weight.T + self.bias")),
        _mismatch(lambda: expect.close(torch.zeros(2), torch.ones(3), what)),
        _mismatch(lambda: expect.close(torch.zeros(3, dtype=torch.float64), torch.ones(3), what)),
        _mismatch(lambda: expect.close([1], torch.ones(3), what)),
        _mismatch(lambda: expect.close(1.0, 2.0, what)),
        _mismatch(lambda: expect.equal([1, 2], [1, 3], "the names in `named_parameters()`")),
        _mismatch(lambda: expect.equal("a", 1, "the names in `named_parameters()`")),
    ]
    for message in messages:
        assert not untranslated(message), f"{message!r} leaves {untranslated(message)} in English"
    assert translate(messages[0], "ko").startswith("입력 모양이 (7, 3)일 때 MyLinear(3, 5)의 출력: 전체 6개 값 중 6개가"), (
        translate(messages[0], "ko"))
    assert translate(messages[0], "en") == messages[0], "English passes through unchanged"


@pytest.mark.parametrize("message", [
    "`bce_loss` is not implemented yet (it raises NotImplementedError, line 29)",
    "your file could not be imported: SyntaxError: invalid syntax (in `<module>`, line 3)",
    "your file could not be imported: your code called sys.exit(0) (in `<module>`, line 5)",
    "timed out after 10 s while running `linear_forward` (an endless loop?)",
    "used more than 4.0 GiB of memory while importing your file",
    "the process running your code exited with code 3 (did your code call os._exit?) while running `count_parameters`",
    "your file does not define `MyLinear` (the contract asks for it by that exact name)",
    "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation. (in `ManualSGD.step`, "
    "line 80). Update parameters under torch.no_grad()",
    "not submitted",
])
def test_the_engine_messages_translate(message: str) -> None:
    assert not untranslated(message), f"{message!r} leaves {untranslated(message)} in English"


def test_untranslated_fragments_are_reported_not_hidden() -> None:
    assert untranslated("something no catalog knows") == ["something no catalog knows"], "an unknown message is reported"
    korean = translate("`f` is not implemented yet (it raises NotImplementedError, line 2). Something new", "ko")
    assert korean.startswith("`f`: 아직 구현되지 않았습니다") and korean.endswith("Something new"), korean


def test_a_pattern_ending_in_a_placeholder_does_not_swallow_the_hint_and_keeps_full_stops() -> None:
    message = ("count_parameters on a two-layer nn.Sequential: got 4, expected 23. Count scalar values: sum p.numel() "
               "over the parameters, not the number of tensors")
    korean = translate(message, "ko")
    assert not untranslated(message), f"untranslated: {untranslated(message)}"
    assert "Count scalar" not in korean and "기댓값 23." in korean, f"the hint was swallowed or the full stop lost: {korean}"
