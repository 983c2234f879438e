"""Human-readable reports for the terminal."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import click

from grader._catalog import find_exercise
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


def format_report(report: Report, *, verbose: bool = False, encoding: str | None = "utf-8") -> str:
    """The report as the lines ``grader check`` prints (styled; click strips colour off a terminal)."""
    marks = _marks(encoding)
    lines = [
        click.style(f"{report.exercise} · {report.title}", bold=True),
        f"file: {_display_path(Path(report.path))} · device: {report.device}",
        "",
    ]
    previous_message = None
    for test in report.tests:
        repeated = test.status != "passed" and test.message == previous_message and not verbose
        lines.extend(_format_test(test, marks, verbose, repeated))
        if test.status != "passed":
            previous_message = test.message
    lines.append("")
    score = f"Score: {_points(report.score)}/{_points(report.max_score)}"
    lines.append(click.style(score, bold=True, fg="green" if report.passed else None))
    if verbose and report.output.strip():
        lines += ["", "Output of your code:", textwrap.indent(report.output.rstrip(), "  | ")]
    reference = find_exercise(report.exercise).reference_path
    if report.passed:
        lines.append(f"All tests pass. Compare your file with the reference: {_display_path(reference)}")
    else:
        lines.append(f"When you are done, compare your file with the reference: {_display_path(reference)}")
        if not verbose:
            lines.append("Run with -v to see tracebacks and what your code printed.")
    return "\n".join(lines)


def _format_test(test: TestResult, marks: dict[str, str], verbose: bool, repeated: bool) -> list[str]:
    mark = click.style(marks[test.status], fg=_COLOURS[test.status])
    points = "skip" if test.status == "skipped" else f"{_points(test.score)}/{_points(test.max_score)}"
    lines = [f"  {mark} {points:>5}  {test.name}"]
    if repeated:
        lines.append(" " * 11 + "(the same reason as above)")
    elif test.status != "passed" and test.message:
        for paragraph in test.message.splitlines():
            lines.append(textwrap.fill(paragraph, width=100, initial_indent=" " * 11, subsequent_indent=" " * 11))
    if verbose and test.details:
        lines.append(textwrap.indent(test.details.rstrip(), " " * 11 + "| "))
    return lines
