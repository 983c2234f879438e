"""What a learner hands in, read into the grader before any learner code runs.

A worker gets the source text from the grader, never the file: nothing a learner's code does
on disk (its own or another learner's) can change what is graded. A notebook is turned into
Python here, with a map from source lines back to cells for error messages; so is a notebook
saved under a ``.py`` name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_SIZE = 4 * 1024**2
"""A bigger source is not a hand-written exercise; refusing it keeps the grader's memory bounded."""
MAX_NOTEBOOK_SIZE = 64 * 1024**2
"""A notebook may carry saved outputs (plots); only its code counts against :data:`MAX_SIZE`."""


class SubmissionError(Exception):
    """The file cannot be graded at all (missing, unreadable, not text, a broken notebook).

    The message is one line for the learner; the submission earns 0.
    """


@dataclass(frozen=True)
class Submission:
    """One learner file: where it came from and the Python source that is graded."""

    path: Path
    source: str
    cells: tuple[tuple[int, int], ...] | None = None
    """For a notebook: ``cells[i]`` is (cell number, line in cell) of source line ``i + 1``."""

    @property
    def filename(self) -> str:
        """The name the source is compiled under: what tracebacks and ``__file__`` show."""
        return str(self.path)

    def locate(self, line: int) -> dict[str, int]:
        """``{"line": n}`` for a ``.py`` file, ``{"cell": c, "line": n}`` for a notebook."""
        if self.cells is None:
            return {"line": line}
        if 1 <= line <= len(self.cells):
            cell, cell_line = self.cells[line - 1]
            return {"cell": cell, "line": cell_line}
        return {"line": line}

    def worker_config(self) -> dict[str, Any]:
        return {"learner_path": self.filename, "source": self.source, "cells": self.cells}


def read_submission(path: str | Path) -> Submission:
    """Read ``path`` (a ``.py`` file or a ``.ipynb`` notebook) into a :class:`Submission`."""
    path = Path(path)
    if not path.is_file():
        raise SubmissionError(f"no file to grade at {path}")
    try:
        size = path.stat().st_size
        limit = MAX_NOTEBOOK_SIZE if path.suffix.lower() == ".ipynb" else MAX_SIZE
        if size > limit:
            raise SubmissionError(f"{path.name} is {size / 2**20:.1f} MiB; an exercise file should be far smaller")
        data = path.read_bytes()
    except OSError as error:
        raise SubmissionError(f"cannot read {path}: {error.strerror or error}") from None
    if path.suffix.lower() == ".ipynb":
        return _notebook_submission(path)
    if b"\x00" in data:
        raise SubmissionError(f"{path.name} is not a text file (it contains NUL bytes); hand in the .py source")
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SubmissionError(f"{path.name} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    if _is_notebook_json(source):
        return _notebook_submission(path)  # a notebook saved under a .py name: graded as the notebook it is
    return Submission(path=path.resolve(), source=source)


def _is_notebook_json(source: str) -> bool:
    if not source.lstrip().startswith("{"):
        return False
    try:
        document = json.loads(source)
    except (ValueError, RecursionError):
        return False
    return isinstance(document, dict) and isinstance(document.get("cells"), list) and "nbformat" in document


def _notebook_submission(path: Path) -> Submission:
    from grader._notebook import NotebookError, notebook_to_python

    try:
        notebook = notebook_to_python(path)
    except NotebookError as error:
        raise SubmissionError(str(error)) from None
    if len(notebook.source) > MAX_SIZE:
        raise SubmissionError(f"the code cells of {path.name} hold {len(notebook.source) / 2**20:.1f} MiB; far too much for an exercise")
    return Submission(path=path.resolve(), source=notebook.source, cells=tuple(notebook.lines))
