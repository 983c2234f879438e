"""Hints for the first failing test, more detailed on each request, never the reference's code.

Level 1 says what the test checks and how it failed; level 2 adds the contract (the docstrings of
the public names the test exercises, read from the stub without running it); levels 3 and up add
the targeted hints authored per test in ``grader/suites/exerciseN/hints.py``, one more per level.
Each suite's ``HINTS`` maps a test function's name to a :class:`TestHints`, which also carries the
test's title in Korean (its English title is the test's docstring).
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from grader._catalog import Exercise
from grader._i18n import text, translate

CONTRACT_LEVEL = 2
FIRST_HINT_LEVEL = 3


@dataclass(frozen=True)
class TestHints:
    """What a learner needs to know about one hidden test."""

    title_ko: str
    """The test's title (its docstring's first line) in Korean."""
    names: tuple[str, ...]
    """The public names it exercises (``MyLinear``, ``MyLinear.forward``): their docstrings are the contract."""
    hints: tuple[tuple[str, str], ...]
    """``(english, korean)`` hints, each more concrete than the last; never the reference's code."""

    __test__ = False  # not a pytest test class


def base_id(test_id: str) -> str:
    """``test_forward[batch]`` -> ``test_forward``."""
    return test_id.split("[", 1)[0]


@lru_cache(maxsize=None)
def suite_hints(exercise: Exercise) -> dict[str, TestHints]:
    """The hints table of ``exercise``'s suite (empty when it has none)."""
    try:
        module = importlib.import_module(f"grader.suites.{exercise.name}.hints")
    except ModuleNotFoundError:
        return {}
    return dict(module.HINTS)


def test_title(exercise: Exercise, test_id: str, name: str, lang: str) -> str:
    """A test's title in ``lang`` (a parametrised test keeps its ``[case]`` suffix)."""
    entry = suite_hints(exercise).get(base_id(test_id))
    if lang == "en" or entry is None:
        return name
    case = test_id[len(base_id(test_id)):]  # from the id: an English title may hold brackets of its own
    return f"{entry.title_ko} {case}" if case else entry.title_ko


def max_level(exercise: Exercise, test_id: str) -> int:
    """The most detailed level there is for ``test_id``."""
    entry = suite_hints(exercise).get(base_id(test_id))
    return CONTRACT_LEVEL + (len(entry.hints) if entry else 0)


def next_level(previous: dict[str, Any] | None, test_id: str, exercise: Exercise) -> int:
    """One level more than last time for the same test (up to the last), else level 1."""
    if isinstance(previous, dict) and previous.get("test") == test_id and isinstance(previous.get("level"), int):
        return min(previous["level"] + 1, max_level(exercise, test_id))
    return 1


@lru_cache(maxsize=None)
def _docstrings(source: str) -> dict[str, str]:
    """``{qualified name: docstring}`` for the module-level classes and functions of ``source``."""
    found: dict[str, str] = {}
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = ast.get_docstring(node) or ""
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        found[f"{node.name}.{member.name}"] = ast.get_docstring(member) or ""
    return found


def contract(exercise: Exercise, names: tuple[str, ...]) -> str:
    """The stub's docstrings of ``names``, each under its name."""
    docstrings = _docstrings(exercise.stub_path.read_text(encoding="utf-8"))
    blocks = [f"{name}:\n" + "\n".join(("    " + line).rstrip() for line in docstrings[name].splitlines())
              for name in names if docstrings.get(name)]
    return "\n\n".join(blocks)


def render_hint(exercise: Exercise, failure: dict[str, str], level: int, lang: str) -> str:
    """The hint of ``level`` for ``failure`` (a state file's ``first_failure``), in ``lang``."""
    entry = suite_hints(exercise).get(base_id(failure["id"]))
    top = max_level(exercise, failure["id"])
    title = test_title(exercise, failure["id"], failure["name"], lang)
    lines = [
        text("hint.heading", lang, level=level, max_level=top, exercise=exercise.name, test=failure["id"]),
        "",
        text("hint.checks", lang, name=title),
        text("hint.failed_with", lang),
        "    " + translate(failure["message"], lang).replace("\n", "\n    "),
    ]
    if level >= CONTRACT_LEVEL:
        names = entry.names if entry else ()
        body = contract(exercise, names)
        lines += ["", text("hint.contract", lang), body or text("hint.no_contract", lang, names=", ".join(names) or "-")]
    if level >= FIRST_HINT_LEVEL and entry:
        lines += ["", text("hint.targeted", lang)]
        for english, korean in entry.hints[: level - CONTRACT_LEVEL]:
            lines.append("  - " + (korean if lang == "ko" else english))
    lines += ["", text("hint.more" if level < top else "hint.last", lang, exercise=exercise.name)]
    return "\n".join(lines)
