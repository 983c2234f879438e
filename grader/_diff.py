"""``grader diff``: the learner's file against the reference, as a unified diff."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from grader._catalog import Exercise
from grader._submission import read_submission

_STYLES = {"+": "green", "-": "red", "@": "cyan"}


def read_source(path: Path) -> str:
    """The Python source of ``path``: the file itself, or a notebook's code cells as one file."""
    if path.suffix == ".ipynb":
        return read_submission(path).source
    return path.read_text(encoding="utf-8")


def diff_lines(exercise: Exercise, path: Path, labels: tuple[str, str] = ("your file", "reference")) -> list[str]:
    """The unified diff from ``path`` to ``exercise``'s reference (empty when they are the same)."""
    yours = read_source(path).splitlines(keepends=True)
    reference = exercise.reference_path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(yours, reference, f"{path} ({labels[0]})", f"{exercise.filename} ({labels[1]})")
    return [line.rstrip("\n") for line in lines]


def style_line(line: str) -> str:
    """``line`` coloured by its kind (headers bold, additions green, removals red, hunks cyan)."""
    if line.startswith(("+++", "---")):
        return click.style(line, bold=True)
    return click.style(line, fg=_STYLES[line[0]]) if line[:1] in _STYLES else line
