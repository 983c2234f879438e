"""Human-readable reports for the terminal."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import click

from grader._catalog import find_exercise
from grader._hints import test_title
from grader._i18n import text, translate
from grader._report import Report, TestResult

_MARKS = {"passed": "✓", "failed": "✗", "error": "!", "timeout": "⏱", "skipped": "-"}
_ASCII_MARKS = {"passed": "+", "failed": "x", "error": "!", "timeout": "T", "skipped": "-"}
_COLOURS = {"passed": "green", "failed": "red", "error": "red", "timeout": "yellow", "skipped": "bright_black"}


def _points(value: float) -> str:
    return f"{value:g}"


def _marks(encoding: str | None) -> dict[str, str]:
    try:
        "".join(_MARKS.values()).encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return _ASCII_MARKS
    return _MARKS


def _display_path(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def format_report(report: Report, *, verbose: bool = False, encoding: str | None = "utf-8", lang: str = "en",
                  next_steps: bool = False) -> str:
    """The report as the lines ``grader check`` prints (styled; click strips colour off a terminal).

    ``lang`` translates every line (messages through :func:`grader._i18n.translate`);
    ``next_steps`` adds a pointer to ``grader hint`` and ``grader diff`` when a test fails.
    """
    marks = _marks(encoding)
    exercise = find_exercise(report.exercise)
    title = text(f"title.{report.exercise}", lang) if lang != "en" else report.title
    lines = [
        click.style(f"{report.exercise} · {title}", bold=True),
        text("report.file", lang, path=_display_path(Path(report.path)), device=report.device),
        "",
    ]
    previous_message = None
    for test in report.tests:
        repeated = test.status != "passed" and test.message == previous_message and not verbose
        name = test_title(exercise, test.id, test.name, lang)
        lines.extend(_format_test(test, name, marks, verbose, repeated, lang))
        if test.status != "passed":
            previous_message = test.message
    lines.append("")
    score = text("report.score", lang, score=_points(report.score), max_score=_points(report.max_score))
    lines.append(click.style(score, bold=True, fg="green" if report.passed else None))
    if verbose and report.output.strip():
        lines += ["", text("report.output", lang), textwrap.indent(report.output.rstrip(), "  | ")]
    reference = _display_path(exercise.reference_path)
    if report.passed:
        lines.append(text("report.all_pass", lang, path=reference))
    else:
        lines.append(text("report.when_done", lang, path=reference))
        if not verbose:
            lines.append(text("report.verbose", lang))
        if next_steps:
            lines.append(text("report.next_steps", lang, exercise=report.exercise))
    return "\n".join(lines)


def _format_test(test: TestResult, name: str, marks: dict[str, str], verbose: bool, repeated: bool,
                 lang: str) -> list[str]:
    mark = click.style(marks[test.status], fg=_COLOURS[test.status])
    points = text("report.skip", lang) if test.status == "skipped" else f"{_points(test.score)}/{_points(test.max_score)}"
    lines = [f"  {mark} {points:>5}  {name}"]
    if repeated:
        lines.append(" " * 11 + text("report.same_reason", lang))
    elif test.status != "passed" and test.message:
        for paragraph in translate(test.message, lang).splitlines():
            lines.append(textwrap.fill(paragraph, width=100, initial_indent=" " * 11, subsequent_indent=" " * 11))
    if verbose and test.details:
        lines.append(textwrap.indent(test.details.rstrip(), " " * 11 + "| "))
    return lines
