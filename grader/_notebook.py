"""Notebooks: export an exercise's stub as a Jupyter notebook, and read a learner's notebook back as Python.

Learners may work in Jupyter or Colab. ``grader notebook`` writes the stub as a notebook (a
markdown cell per task above its stub code); ``grader check`` grades a ``.ipynb`` by turning its
code cells into one Python source, with a map back to cells so errors say "cell N, line M".
"""

from __future__ import annotations

import ast
import errno
import inspect
import json
import os
import re
import shlex
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from grader._catalog import Exercise

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
NEUTRALISED = "# (IPython syntax: not run when grading)"
"""What a top-level magic or shell line becomes; an indented one becomes ``pass``."""

_NEWLINE = re.compile(r"\r\n|\r|\n")
_ASSIGN_FROM_IPYTHON = re.compile(r"^\s*[\w.,\[\]()* ]+=\s*[!%]")
_PYTHON_LANGUAGE = re.compile(r"python\s*\d*(\.\d+)*", re.IGNORECASE)
_FUTURE_NOT_FIRST = "from __future__ imports must occur at the beginning of the file"


class NotebookError(Exception):
    """A file that cannot be read as a Python notebook; the message is one line naming the file."""


@dataclass(frozen=True)
class NotebookSource:
    """A notebook's code cells as one Python source, and where each source line came from.

    Cell numbers count every cell of the notebook, markdown and raw ones included, from 1 at the
    top: the number a learner finds by counting cells down the page. Lines within a cell count
    from 1 too.
    """

    source: str
    lines: tuple[tuple[int, int], ...]
    """``lines[i]`` is (cell number, line within that cell) of source line ``i + 1``."""

    def locate(self, line: int) -> tuple[int, int] | None:
        """The (cell, line in cell) of 1-based source ``line``; ``None`` outside the source."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return None


# Reading a notebook for grading.


def notebook_to_python(path: str | os.PathLike[str]) -> NotebookSource:
    """Join the code cells of the notebook at ``path`` into Python source that runs like the notebook.

    Markdown and raw cells are skipped. IPython syntax is neutralised, never run: a line that
    starts with ``%``, ``!`` or ``?``, ends in ``?`` (help), or assigns from ``!cmd`` / ``%magic``
    becomes a no-op (``pass`` when indented, a comment otherwise), and a ``%%`` cell magic turns
    its whole cell into comments; line counts never change, so locations stay right. Everything
    else (prints, plots, a training run) stays. Raises :class:`NotebookError` for a file that is
    not a readable Python notebook; errors in the cells' code are left for grading to report.

    Read as plain JSON rather than through ``nbformat``: that is a third of a second faster, says
    where broken JSON breaks, and tolerates the harmless schema quirks of notebooks Colab saves.
    """
    path = Path(path)
    notebook = _load(path)
    language = _foreign_language(notebook)
    if language is not None:
        raise NotebookError(f"{path} is a notebook for the {_one_line(language)} kernel, not Python: do the exercise in a Python 3 notebook")
    texts: list[str] = []
    origins: list[tuple[int, int]] = []
    code_cells = 0
    for number, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise NotebookError(f"{path} is not a valid notebook: cell {number} has no cell_type")
        if cell["cell_type"] != "code":
            continue
        code_cells += 1
        for index, line in enumerate(_neutralise(_cell_lines(path, number, cell.get("source", ""))), start=1):
            texts.append(line)
            origins.append((number, index))
    if code_cells == 0:
        raise NotebookError(f"{path} has no code cells: write your code in code cells (markdown and raw cells are not graded)")
    _drop_late_future_imports(texts)
    return NotebookSource(source="".join(line + "\n" for line in texts), lines=tuple(origins))


def _load(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotebookError(f"cannot read {path}: {_one_line(error.strerror or str(error))}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotebookError(f"{path} is not a notebook (not UTF-8 text: byte {error.start} is invalid)") from None
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookError(
            f"{path} is not a notebook (invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}); "
            "hand in the .ipynb file that Jupyter or Colab saves"
        ) from None
    except RecursionError:
        raise NotebookError(f"{path} is not a notebook (its JSON is nested too deeply)") from None
    if not isinstance(notebook, dict):
        raise NotebookError(f"{path} is not a notebook (its JSON is not an object with cells)")
    major = notebook.get("nbformat")
    if isinstance(major, int) and major < 4:
        raise NotebookError(
            f"{path} was saved in the old nbformat {major} format; open and save it in Jupyter 4 or later, "
            f"or convert it with `jupyter nbconvert --to notebook --inplace {shlex.quote(path.name)}`"
        )
    if not isinstance(notebook.get("cells"), list):
        raise NotebookError(f"{path} is not a notebook (its JSON has no list of cells)")
    return notebook


def _foreign_language(notebook: dict[str, Any]) -> str | None:
    """The language that the kernelspec or language_info names when it is not Python; ``None`` when none is named."""
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        section = metadata.get(key)
        name = section.get(field) if isinstance(section, dict) else None
        if isinstance(name, str) and name.strip() and not _PYTHON_LANGUAGE.fullmatch(name.strip()):
            return name
    return None


def _cell_lines(path: Path, number: int, source: object) -> list[str]:
    """A cell's source (a string or a list of strings) as lines, any line ending accepted."""
    if isinstance(source, list) and all(isinstance(part, str) for part in source):
        source = "".join(source)
    if not isinstance(source, str):
        raise NotebookError(f"{path} is not a valid notebook: the source of cell {number} is not text")
    if not source:
        return []
    lines = _NEWLINE.split(source)
    if lines[-1] == "":
        lines.pop()
    return lines


def _neutralise(lines: list[str]) -> list[str]:
    """One cell's lines as IPython would run them, minus the IPython syntax (same number of lines)."""
    lines = _strip_leading_indent(lines)
    first = next((line for line in lines if line.strip()), "")
    if first.startswith("%%"):
        return [NEUTRALISED] * len(lines)
    result = []
    scanner = _Continuation()
    for line in lines:
        if scanner.at_statement_start and _is_ipython_syntax(line):
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}pass" if indent else NEUTRALISED
        scanner.feed(line)
        result.append(line)
    return result


def _strip_leading_indent(lines: list[str]) -> list[str]:
    """IPython runs a cell whose first line is indented as if the indentation were not there."""
    first = next((line for line in lines if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    if not indent:
        return lines
    return [line.removeprefix(indent) for line in lines]


def _is_ipython_syntax(line: str) -> bool:
    """A magic, shell escape, help request or assignment from one: never valid Python, so safe to drop."""
    stripped = line.strip()
    if stripped.startswith(("%", "!", "?")) or _ASSIGN_FROM_IPYTHON.match(line):
        return True
    scanner = _Continuation()
    scanner.feed(line)
    return not scanner.in_string and scanner.code.rstrip().endswith("?")


class _Continuation:
    """Follows brackets, strings and backslashes across lines: is the next line a new statement?

    A small lexer rather than :mod:`tokenize`, which stops at IPython syntax and changed between
    Python versions; it only has to know where strings, comments and brackets are.
    """

    def __init__(self) -> None:
        self.depth = 0
        self.quote = ""
        self.backslash = False
        self.code = ""
        """The last line fed, with its comment cut off."""

    @property
    def in_string(self) -> bool:
        return bool(self.quote)

    @property
    def at_statement_start(self) -> bool:
        return self.depth == 0 and not self.quote and not self.backslash

    def feed(self, line: str) -> None:
        self.backslash = False
        self.code = line
        continued = False
        i, n = 0, len(line)
        while i < n:
            char = line[i]
            if self.quote:
                if char == "\\":
                    continued = i == n - 1
                    i += 2
                elif line.startswith(self.quote, i):
                    i += len(self.quote)
                    self.quote = ""
                else:
                    i += 1
                continue
            if char == "#":
                self.code = line[:i]
                return
            if char in "\"'":
                self.quote = char * 3 if line.startswith(char * 3, i) else char
                i += len(self.quote)
                continue
            if char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(0, self.depth - 1)
            elif char == "\\" and i == n - 1:
                self.backslash = True
            i += 1
        if len(self.quote) == 1 and not continued:
            self.quote = ""  # an unterminated one-line string ends with its line (a syntax error)


def _drop_late_future_imports(lines: list[str]) -> None:
    """Comment out ``from __future__`` imports that follow other code, as IPython tolerates them.

    IPython compiles cell by cell, so a future import at the top of a later cell is fine there;
    in one joined source it is a syntax error. It only ever affects annotations (the kit's
    exercises need Python 3.10+), so commenting it out keeps the notebook gradable.
    """
    for _ in range(len(lines)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                compile("".join(line + "\n" for line in lines), "<notebook>", "exec", dont_inherit=True)
                return
            except SyntaxError as error:
                if error.msg != _FUTURE_NOT_FIRST or not error.lineno or not 1 <= error.lineno <= len(lines):
                    return
                if not lines[error.lineno - 1].lstrip().startswith("from __future__"):
                    return
                lines[error.lineno - 1] = NEUTRALISED
            except (ValueError, RecursionError, MemoryError):
                return


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# Exporting a stub as a notebook.


@dataclass(frozen=True)
class Task:
    """One public class or function of an exercise file, with the statements that lead up to it."""

    name: str
    docstring: str
    code: str
    """The definition's source as written (docstring included), after any constants or helpers before it."""


@dataclass(frozen=True)
class ModuleParts:
    """An exercise file cut into what a notebook shows: introduction, imports, one task per public name."""

    docstring: str
    imports: str
    tasks: tuple[Task, ...]
    trailing: str
    """Statements after the last public definition, if any."""


def split_module(source: str) -> ModuleParts:
    """Cut an exercise file at its top-level statements (with ``ast``): the same logic for stubs and references.

    The module docstring is the introduction; every top-level import goes to the imports; each
    public class or function is a task, carrying the other statements (constants, private
    helpers) and comments written between the previous one and it.
    """
    tree = ast.parse(source)
    lines = _NEWLINE.split(source)
    body = list(tree.body)
    docstring, done = "", 0
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        docstring = inspect.cleandoc(body[0].value.value)
        done = body[0].end_lineno or body[0].lineno
        body = body[1:]
    imports: list[str] = []
    pending: list[str] = []
    tasks: list[Task] = []
    for node in body:
        end = node.end_lineno or node.lineno
        chunk, done = lines[done:end], max(done, end)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.extend(chunk)
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            tasks.append(Task(node.name, ast.get_docstring(node) or "", _trim(pending + chunk)))
            pending = []
        else:
            pending.extend(chunk)
    return ModuleParts(docstring, _trim(imports), tuple(tasks), _trim(pending + lines[done:]))


def _trim(lines: list[str]) -> str:
    """Lines joined, without the blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(line.rstrip() for line in lines[start:end])


def build_notebook(exercise: Exercise, filename: str | None = None) -> NotebookNode:
    """``exercise``'s stub as a notebook: introduction, imports, then per task its docstring and stub code.

    The last cell checks the saved notebook, ``filename`` (default ``exerciseN.ipynb``), from the
    folder the notebook sits in, where Jupyter runs its shell commands.
    """
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    parts = split_module(exercise.stub_path.read_text(encoding="utf-8"))
    filename = filename or f"{exercise.name}.ipynb"
    cells = [new_markdown_cell(_introduction(exercise, parts.docstring, filename), id="introduction")]
    if parts.imports:
        cells.append(new_code_cell(parts.imports, id="imports"))
    for task in parts.tasks:
        heading = f"## `{task.name}`" + (f"\n\n{task.docstring}" if task.docstring else "")
        cells.append(new_markdown_cell(heading, id=_cell_id(task.name, "about")))
        cells.append(new_code_cell(task.code, id=_cell_id(task.name, "code")))
    if parts.trailing:
        cells.append(new_code_cell(parts.trailing, id="more-code"))
    cells.append(new_markdown_cell(_CHECK_ADVICE, id="check-advice"))
    cells.append(new_code_cell(f"!grader check {exercise.name} {shlex.quote(filename)}", id="check"))
    notebook = new_notebook(cells=cells, metadata={"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}})
    nbformat.validate(notebook)
    return notebook


_CHECK_ADVICE = """\
## Check your work

**Save the notebook first** (File → Save, or Ctrl+S / ⌘S): the grader reads the saved `.ipynb`
file, not this page. Then run the cell below.

The grader runs your code cells from top to bottom in a fresh Python process, without the lines
that use IPython syntax (`!`, `%`, `?`), so every cell must run without an error. Hand in this
`.ipynb` file as it is."""


def _introduction(exercise: Exercise, docstring: str, filename: str) -> str:
    """The module docstring, its summary line as the title; ``grader check exerciseN`` made to check this notebook."""
    if not docstring:
        return f"# {exercise.name}: {exercise.title}"
    summary, _, rest = docstring.partition("\n")
    text = f"# {summary.rstrip('.')}" + (f"\n\n{rest.strip()}" if rest.strip() else "")
    command = re.compile(rf"grader check {exercise.name}\b(?![\w.-]| \S)")
    return command.sub(f"grader check {exercise.name} {shlex.quote(filename)}", text)


def _cell_id(name: str, kind: str) -> str:
    """nbformat cell ids: 1 to 64 of ``[A-Za-z0-9_-]``, stable so that exports are reproducible."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", f"{name}-{kind}")[-64:]


def write_notebooks(targets: Sequence[tuple[Exercise, Path]], *, force: bool = False) -> list[Path]:
    """Write each exercise's notebook to its path; returns the paths written.

    Without ``force``, raises :class:`FileExistsError` before writing anything when any path
    exists: a learner's notebook is never overwritten by accident.
    """
    import nbformat

    if not force:
        for _, path in targets:
            if path.exists():
                raise FileExistsError(f"{path} already exists; pass --force to overwrite it (the work in it would be lost)")
    written = []
    for exercise, path in targets:
        text = nbformat.writes(build_notebook(exercise, path.name))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(path.parent)) from None
        with open(path, "w" if force else "x", encoding="utf-8", newline="\n") as file:
            file.write(text if text.endswith("\n") else text + "\n")
        written.append(path)
    return written
