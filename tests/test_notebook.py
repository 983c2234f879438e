"""Notebooks: exporting stubs as .ipynb, reading notebooks back as Python, and grading them."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import traceback
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import grader
from grader._notebook import (
    NEUTRALISED,
    NotebookError,
    NotebookSource,
    notebook_to_python,
    split_module,
    write_notebooks,
)
from grader.cli import main

NOTEBOOKS = Path(__file__).resolve().parent / "notebooks"
PYTHON3 = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}}


def export(exercise: grader.Exercise, folder: Path, name: str | None = None) -> Path:
    path = folder / (name or f"{exercise.name}.ipynb")
    write_notebooks([(exercise, path)])
    return path


def write_raw(path: Path, cells: list[dict[str, Any]], metadata: dict[str, Any] | None = None, nbformat_major: int = 4) -> Path:
    """A notebook written as raw JSON, so that tests control every detail nbformat would normalise."""
    document = {"cells": cells, "metadata": PYTHON3 if metadata is None else metadata, "nbformat": nbformat_major, "nbformat_minor": 5}
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def code(source: str | list[str]) -> dict[str, Any]:
    return {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}


def markdown(source: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def convert(tmp_path: Path, *sources: str) -> list[str]:
    """The converted lines of a notebook made of one code cell per source."""
    result = notebook_to_python(write_raw(tmp_path / "cells.ipynb", [code(source) for source in sources]))
    return result.source.splitlines()


def public_definitions(source: str) -> dict[str, str]:
    """``{name: ast dump}`` of the top-level public classes and functions of ``source``."""
    return {
        node.name: ast.dump(node)
        for node in ast.parse(source).body
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and not node.name.startswith("_")
    }


def fill_with_reference(notebook_path: Path, exercise: grader.Exercise) -> None:
    """Replace the imports cell and every task's stub cell by the reference's own code for it."""
    parts = split_module(exercise.reference_path.read_text(encoding="utf-8"))
    reference = {task.name: task.code for task in parts.tasks}
    notebook = nbformat.read(notebook_path, as_version=nbformat.NO_CONVERT)
    replaced = set()
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.source.startswith("!"):
            continue
        tree = ast.parse(cell.source)
        if all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body):
            cell.source = parts.imports
            continue
        names = [node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))]
        assert len(names) == 1 and names[0] in reference, f"stub cell {cell.source[:60]!r} matches no reference task"
        cell.source = reference[names[0]]
        replaced.add(names[0])
    assert replaced == set(reference), f"tasks without a stub cell: {set(reference) - replaced}"
    nbformat.write(notebook, notebook_path)


# Exporting stubs.


@pytest.mark.parametrize("exercise", grader.EXERCISES, ids=lambda e: e.name)
def test_every_exported_stub_is_a_valid_python3_notebook_without_outputs(exercise: grader.Exercise, tmp_path: Path) -> None:
    path = export(exercise, tmp_path)
    notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4, f"nbformat {notebook.nbformat}, expected 4"
    assert notebook.metadata.kernelspec == PYTHON3["kernelspec"], f"kernelspec {notebook.metadata.kernelspec}"
    assert notebook.metadata.language_info.name == "python", f"language_info {notebook.metadata.language_info}"
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"cell {number} has outputs or an execution count"
    stub = exercise.stub_path.read_text(encoding="utf-8")
    converted = notebook_to_python(path)
    compile(converted.source, str(path), "exec")
    assert public_definitions(converted.source) == public_definitions(stub), "the notebook's definitions differ from the stub's"


def test_exported_notebook_has_intro_imports_then_docs_and_stub_per_task_then_the_check(tmp_path: Path) -> None:
    exercise = grader.find_exercise(2)
    parts = split_module(exercise.stub_path.read_text(encoding="utf-8"))
    cells = nbformat.read(export(exercise, tmp_path, "mine.ipynb"), as_version=nbformat.NO_CONVERT).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# Exercise 2"), f"introduction: {cells[0].source[:80]!r}"
    assert "grader check exercise2 mine.ipynb" in cells[0].source, "the introduction should tell how to check this notebook"
    assert cells[1].cell_type == "code" and cells[1].source == parts.imports, f"imports cell: {cells[1].source!r}"
    assert cells[1].source.startswith("from __future__ import annotations\n"), "imports keep the stub's layout"
    for index, task in enumerate(parts.tasks):
        about, stub = cells[2 + 2 * index], cells[3 + 2 * index]
        assert about.cell_type == "markdown" and about.source.startswith(f"## `{task.name}`"), f"heading of {task.name}: {about.source[:40]!r}"
        assert task.docstring.splitlines()[0] in about.source, f"{task.name}'s docstring is not in its markdown cell"
        assert stub.cell_type == "code" and stub.source == task.code, f"stub cell of {task.name}: {stub.source[:60]!r}"
    assert parts.tasks[0].code.startswith("LossFunction = "), "a constant goes with the definition after it"
    assert [task.name for task in parts.tasks] == ["train_step", "train_epoch", "predict", "fit"], "tasks in source order"
    assert "Save the notebook first" in cells[-2].source, "the learner is told to save before checking"
    assert cells[-1].source == "!grader check exercise2 mine.ipynb", f"check cell: {cells[-1].source!r}"


def test_split_module_keeps_comments_and_helpers_with_the_next_definition() -> None:
    source = '"""Intro.\n\nMore."""\n\nimport os\n\n# a helper\nLIMIT = 3\n\n\ndef _private():\n    pass\n\n\n@staticmethod\ndef public():\n    """Doc."""\n\n\nimport sys\nprint(sys)\n'
    parts = split_module(source)
    assert parts.docstring == "Intro.\n\nMore.", f"docstring {parts.docstring!r}"
    assert parts.imports == "import os\n\n\nimport sys", f"imports {parts.imports!r}"
    assert [task.name for task in parts.tasks] == ["public"], f"tasks {parts.tasks}"
    expected = '# a helper\nLIMIT = 3\n\n\ndef _private():\n    pass\n\n\n@staticmethod\ndef public():\n    """Doc."""'
    assert parts.tasks[0].code == expected, f"task code {parts.tasks[0].code!r}"
    assert parts.tasks[0].docstring == "Doc.", f"task docstring {parts.tasks[0].docstring!r}"
    assert parts.trailing == "print(sys)", f"trailing {parts.trailing!r}"


# Grading notebooks (through grader.check).


@pytest.mark.parametrize("number", [1, 3])
def test_notebook_filled_with_the_reference_earns_full_marks(number: int, tmp_path: Path) -> None:
    exercise = grader.find_exercise(number)
    path = export(exercise, tmp_path)
    fill_with_reference(path, exercise)
    report = grader.check(exercise, path, device="cpu")
    failures = [f"{t.id}: {t.status} {t.message}" for t in report.tests if t.status != "passed"]
    assert report.score == report.max_score > 0, f"{report.score}/{report.max_score}; not passed: {failures}"


def test_exploration_cells_with_display_do_not_cost_points(tmp_path: Path) -> None:
    exercise = grader.find_exercise(1)
    path = export(exercise, tmp_path)
    fill_with_reference(path, exercise)
    document = json.loads(path.read_text())
    document["cells"].insert(-1, code("layer = MyLinear(3, 2)\ndisplay(layer)\nprint(layer(torch.ones(1, 3)))\n%timeit layer(torch.ones(1, 3))\n"))
    path.write_text(json.dumps(document))
    report = grader.check(exercise, path, device="cpu")
    assert report.score == report.max_score, f"display() and prints in an exploration cell cost points: {report.score}/{report.max_score}"
    assert "tensor(" in report.output, "the exploration cell's print ran in the worker"


@pytest.mark.parametrize("number", [1, 3])
def test_untouched_stub_notebook_scores_zero_and_says_what_is_missing(number: int, tmp_path: Path) -> None:
    exercise = grader.find_exercise(number)
    report = grader.check(exercise, export(exercise, tmp_path), device="cpu")
    assert report.max_score > 0 and report.score == 0, f"the stub notebook scored {report.score}/{report.max_score}"
    assert all(test.status in ("failed", "error") for test in report.tests), f"statuses {[t.status for t in report.tests]}"
    assert any("not implemented" in test.message for test in report.tests), (
        f"the stub's definitions should load and say they are not implemented: {[t.message for t in report.tests][:3]}"
    )


def test_an_error_in_a_cell_is_reported_by_cell_and_line(tmp_path: Path) -> None:
    reference = split_module(grader.find_exercise(1).reference_path.read_text(encoding="utf-8"))
    cells = [markdown("# Exercise 1"), code(reference.imports), markdown("Exploring:")]
    cells.append(code("scale = 2\nraise ValueError('exploration went wrong')\n"))
    cells.extend(code(task.code) for task in reference.tasks)
    report = grader.check(1, write_raw(tmp_path / "exercise1.ipynb", cells), device="cpu")
    assert report.score == 0, f"a notebook that raises while loading scored {report.score}"
    messages = [test.message for test in report.tests]
    assert all("exploration went wrong" in message for message in messages), f"messages {messages[:2]}"
    assert all("cell 4, line 2" in message for message in messages), f"the error should be located as cell 4, line 2: {messages[:2]}"


def test_a_broken_notebook_scores_zero_with_its_one_line_reason(tmp_path: Path) -> None:
    report = grader.check(1, NOTEBOOKS / "nbformat3.ipynb", device="cpu")
    assert report.max_score > 0 and report.score == 0, f"an nbformat 3 notebook scored {report.score}/{report.max_score}"
    assert all("old nbformat 3 format" in test.message for test in report.tests), f"messages {[t.message for t in report.tests][:2]}"


# Reading notebooks: IPython syntax is neutralised, everything else kept.


def test_colab_notebook_with_magics_and_exploration_converts_line_for_line() -> None:
    converted = notebook_to_python(NOTEBOOKS / "colab_session.ipynb")
    expected = [
        (NEUTRALISED, (2, 1)),
        (NEUTRALISED, (3, 1)),
        ("from __future__ import annotations", (4, 1)),
        ("", (4, 2)),
        ("import torch", (4, 3)),
        (NEUTRALISED, (5, 1)),
        (NEUTRALISED, (5, 2)),
        (NEUTRALISED, (5, 3)),
        (NEUTRALISED, (6, 1)),
        ("print(files)", (6, 2)),
        (NEUTRALISED, (7, 1)),
        ("def double(x: torch.Tensor) -> torch.Tensor:", (8, 1)),
        ('    """Twice x.', (8, 2)),
        ("", (8, 3)),
        ("    !not a shell escape: this line is inside the docstring", (8, 4)),
        ('    """', (8, 5)),
        ("    return 2 * x", (8, 6)),
        ("for i in range(3):", (9, 1)),
        ('    print("double", i, double(torch.tensor(i)).item())', (9, 2)),
        ("    pass", (9, 3)),
    ]
    assert converted.source == "".join(line + "\n" for line, _ in expected), f"converted source:\n{converted.source}"
    assert converted.lines == tuple(where for _, where in expected), f"line map {converted.lines}"


def test_converted_notebook_runs_exploration_but_no_shell_command(tmp_path: Path) -> None:
    marker = tmp_path / "shell_ran"
    path = write_raw(tmp_path / "explore.ipynb", [
        code(f"!touch {marker}\nx = !touch {marker}\n%time y = 1\n"),
        code("total = 0\nfor i in range(4):\n    total += i\n    !touch {marker}\nprint('total', total)\n"),
    ])
    namespace: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(compile(notebook_to_python(path).source, str(path), "exec"), namespace)  # noqa: S102 - the test's own notebook
    assert out.getvalue() == "total 6\n", f"exploration printed {out.getvalue()!r}"
    assert not marker.exists(), "a shell escape ran during conversion or execution"
    assert "y" not in namespace and "x" not in namespace, "a neutralised line still assigned a name"


@pytest.mark.parametrize("line", [
    "!pip install x", "!!ls", "%matplotlib inline", "%time model(x)", "%%time", "%load_ext autoreload",
    "x = !ls", "files = %sx ls", "a, b = !echo 1 2", "obj?", "obj??", "?obj", "torch.zeros?", "model.forward??  # docs",
])
def test_ipython_lines_are_neutralised_at_top_level_and_in_blocks(line: str, tmp_path: Path) -> None:
    top = convert(tmp_path, f"a = 1\n{line}\nb = 2\n")
    assert top == ["a = 1", NEUTRALISED, "b = 2"], f"{line!r} at top level became {top}"
    nested = convert(tmp_path, f"for i in range(2):\n    {line}\n")
    assert nested == ["for i in range(2):", "    pass"], f"{line!r} in a loop became {nested}"


@pytest.mark.parametrize("source", [
    'print("a = %d" % 3)',
    "x = 1  # why?",
    's = "what?"',
    "y = (10\n% 3)",
    "ok = 1 != 2",
    "t = 7\nt %= 4",
    'doc = """\n!not a command\n%not a magic\n?not help\n"""',
    "text = '''it's\n%d items?'''",
    "value = 1 + \\\n    2",
    "s = 'a\\\n!b'",
    "matrix = a @ b",
])
def test_python_that_merely_looks_like_ipython_is_kept(source: str, tmp_path: Path) -> None:
    lines = convert(tmp_path, source)
    assert lines == source.split("\n"), f"{source!r} became {lines}"


def test_a_cell_magic_neutralises_its_whole_cell_keeping_its_lines(tmp_path: Path) -> None:
    lines = convert(tmp_path, "\n%%time\nfor i in range(3):\n    raise SystemExit\n", "after = 1")
    assert lines == [NEUTRALISED] * 4 + ["after = 1"], f"cell magic cell became {lines}"


def test_an_indented_cell_runs_as_ipython_runs_it(tmp_path: Path) -> None:
    lines = convert(tmp_path, "    x = 1\n    if x:\n        y = 2\n")
    assert lines == ["x = 1", "if x:", "    y = 2"], f"indented cell became {lines}"


def test_a_future_import_below_other_code_does_not_break_the_notebook(tmp_path: Path) -> None:
    path = write_raw(tmp_path / "late.ipynb", [
        code("import sys\nprint(sys.version_info >= (3, 10))"),
        code("from __future__ import annotations\nimport torch\n"),
        code("def f(x: torch.Tensor) -> int:\n    return 1\n"),
    ])
    converted = notebook_to_python(path)
    compile(converted.source, str(path), "exec")
    assert converted.source.splitlines()[2] == NEUTRALISED, f"the late future import should be dropped:\n{converted.source}"


def test_source_as_a_list_or_a_string_windows_line_endings_and_no_final_newline(tmp_path: Path) -> None:
    as_list = write_raw(tmp_path / "list.ipynb", [code(["x = 1\r\n", "if x:\r\n", "    !ls\r\n", "    y = 2"]), code("z = 3")])
    as_string = write_raw(tmp_path / "string.ipynb", [code("x = 1\rif x:\n    !ls\r\n    y = 2\n"), code(["z = 3"])])
    crlf_file = tmp_path / "crlf.ipynb"
    crlf_file.write_bytes(as_list.read_bytes().replace(b"\n", b"\r\n"))
    expected = "x = 1\nif x:\n    pass\n    y = 2\nz = 3\n"
    for path in (as_list, as_string, crlf_file):
        converted = notebook_to_python(path)
        assert converted.source == expected, f"{path.name} converted to {converted.source!r}"
        assert converted.lines == ((1, 1), (1, 2), (1, 3), (1, 4), (2, 1)), f"{path.name} line map {converted.lines}"


def test_empty_code_cells_and_other_cell_kinds_add_no_lines(tmp_path: Path) -> None:
    raw = {"cell_type": "raw", "metadata": {}, "source": "x = 'raw cells are not code'"}
    path = write_raw(tmp_path / "kinds.ipynb", [code(""), markdown("x = 'markdown'"), raw, code([]), code("x = 1")])
    converted = notebook_to_python(path)
    assert converted == NotebookSource("x = 1\n", ((5, 1),)), f"converted to {converted}"


# Locating source lines in cells.


def test_locate_maps_an_error_in_the_second_code_cell_to_its_cell_and_line(tmp_path: Path) -> None:
    path = write_raw(tmp_path / "raises.ipynb", [
        markdown("# Title"),
        code("import math\nvalue = math.sqrt(4)\n"),
        markdown("Now something that fails:"),
        code("half = value / 2\nratio = half / 0\nprint('never')"),
    ])
    converted = notebook_to_python(path)
    with pytest.raises(ZeroDivisionError) as raised:
        exec(compile(converted.source, str(path), "exec"), {})  # noqa: S102 - the test's own notebook
    line = traceback.extract_tb(raised.value.__traceback__)[-1].lineno
    assert line is not None and converted.locate(line) == (4, 2), f"source line {line} located at {converted.locate(line)}"
    assert converted.locate(1) == (2, 1) and converted.locate(5) == (4, 3), f"line map {converted.lines}"
    assert converted.locate(0) is None and converted.locate(6) is None, "lines outside the source locate nowhere"


_PYTHON_LINES = st.sampled_from(["x = 1", "", "# note", "print(x)", "y = [1,", "2]", "if x:", "    z = 3", "s = '?'"])
_IPYTHON_LINES = st.sampled_from(["!ls", "%time x", "obj?", "out = !ls", "    %matplotlib inline"])
_CELL_KINDS = st.sampled_from(["code", "markdown", "raw"])


@settings(max_examples=60, deadline=None)
@given(cells=st.lists(st.tuples(_CELL_KINDS, st.lists(st.one_of(_PYTHON_LINES, _IPYTHON_LINES), max_size=6), st.booleans()), max_size=6))
def test_conversion_keeps_every_code_line_and_locates_it(cells: list[tuple[str, list[str], bool]], tmp_path_factory: pytest.TempPathFactory) -> None:
    texts = [(kind, "\n".join(lines) + ("\n" if newline else "")) for kind, lines, newline in cells]
    raw_cells = [{"cell_type": kind, "metadata": {}, "source": text} | ({"outputs": [], "execution_count": None} if kind == "code" else {})
                 for kind, text in texts]
    path = write_raw(tmp_path_factory.mktemp("prop") / "prop.ipynb", raw_cells)
    if not any(kind == "code" for kind, _ in texts):
        with pytest.raises(NotebookError):
            notebook_to_python(path)
        return
    converted = notebook_to_python(path)
    cell_lines = {number: text.removesuffix("\n").split("\n") if text else [] for number, (_, text) in enumerate(texts, 1)}
    expected = [(number, index) for number, (kind, _) in enumerate(texts, 1) if kind == "code" for index in range(1, len(cell_lines[number]) + 1)]
    assert list(converted.lines) == expected, f"line map {converted.lines}, expected {expected}"
    source_lines = converted.source.split("\n")[:-1]
    assert len(source_lines) == len(expected), f"{len(source_lines)} source lines for {len(expected)} cell lines"
    for number, (cell_number, index) in enumerate(converted.lines, start=1):
        original, got = cell_lines[cell_number][index - 1], source_lines[number - 1]
        kept = (original, original.removeprefix("    "))  # a cell whose first line is indented is dedented, as IPython does
        assert got in kept or got in (NEUTRALISED, "pass", "    pass"), f"cell {cell_number} line {index}: {original!r} -> {got!r}"


# Notebooks that cannot be graded.


def _bad_notebooks(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """``{case: (path, message fragment)}``."""
    python_file = tmp_path / "exercise1.ipynb"
    python_file.write_text(grader.find_exercise(1).stub_path.read_text(encoding="utf-8"), encoding="utf-8")
    truncated = tmp_path / "truncated.ipynb"
    truncated.write_text(json.dumps({"cells": [code("x = 1")], "metadata": PYTHON3, "nbformat": 4}, indent=1)[:-12], encoding="utf-8")
    no_cells = tmp_path / "no_cells.ipynb"
    no_cells.write_text(json.dumps({"metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    a_list = tmp_path / "list.ipynb"
    a_list.write_text("[1, 2, 3]", encoding="utf-8")
    latin1 = tmp_path / "latin1.ipynb"
    latin1.write_bytes('{"cells": [], "note": "caf\u00e9"}'.encode("latin-1"))
    julia = write_raw(tmp_path / "julia.ipynb", [code("x = 1")], metadata={"language_info": {"name": "julia"}})
    return {
        "python file": (python_file, "is not a notebook (invalid JSON at line 1, column"),
        "truncated JSON": (truncated, "is not a notebook (invalid JSON at line"),
        "no cells": (no_cells, "is not a notebook (its JSON has no list of cells)"),
        "not an object": (a_list, "is not a notebook"),
        "not UTF-8": (latin1, "is not a notebook (not UTF-8 text"),
        "nbformat 3": (NOTEBOOKS / "nbformat3.ipynb", "saved in the old nbformat 3 format; open and save it in Jupyter 4 or later"),
        "markdown only": (write_raw(tmp_path / "notes.ipynb", [markdown("x = 1")]), "has no code cells"),
        "R kernel": (NOTEBOOKS / "r_kernel.ipynb", "is a notebook for the R kernel, not Python"),
        "julia language_info": (julia, "is a notebook for the julia kernel, not Python"),
        "bad cell": (write_raw(tmp_path / "bad_cell.ipynb", [code("x = 1"), {"source": "y"}]), "cell 2 has no cell_type"),
        "bad source": (write_raw(tmp_path / "bad_source.ipynb", [code("x = 1") | {"source": {"x": 1}}]), "the source of cell 1 is not text"),
        "missing": (tmp_path / "missing.ipynb", "cannot read"),
        "a folder": (tmp_path, "cannot read"),
    }


@pytest.mark.parametrize("case", [
    "python file", "truncated JSON", "no cells", "not an object", "not UTF-8", "nbformat 3", "markdown only", "R kernel",
    "julia language_info", "bad cell", "bad source", "missing", "a folder",
])
def test_bad_notebooks_raise_one_line_errors_naming_the_file(case: str, tmp_path: Path) -> None:
    path, fragment = _bad_notebooks(tmp_path)[case]
    with pytest.raises(NotebookError) as raised:
        notebook_to_python(path)
    message = str(raised.value)
    assert fragment in message, f"{case}: {message!r} lacks {fragment!r}"
    assert "\n" not in message and str(path) in message, f"{case}: the message must be one line naming {path}: {message!r}"


def test_a_notebook_whose_cells_raise_is_not_a_notebook_error(tmp_path: Path) -> None:
    path = write_raw(tmp_path / "raises.ipynb", [code("raise RuntimeError('at grading time')"), code("def broken(:\n")])
    converted = notebook_to_python(path)
    assert "raise RuntimeError" in converted.source, f"the learner's code should be kept as it is: {converted.source!r}"


def test_a_python_notebook_without_kernel_metadata_is_accepted(tmp_path: Path) -> None:
    for index, metadata in enumerate([{}, {"kernelspec": {"name": "python3", "display_name": "Python 3"}}, {"language_info": {"name": "Python"}}]):
        path = write_raw(tmp_path / f"meta{index}.ipynb", [code("x = 1")], metadata=metadata)
        assert notebook_to_python(path).source == "x = 1\n", f"metadata {metadata} was refused"


# The CLI: grader notebook.


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CliRunner working in an empty temporary folder."""
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_cli_writes_one_notebook_in_the_current_folder_or_where_asked(runner: CliRunner) -> None:
    result = runner.invoke(main, ["notebook", "ex3"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}"
    assert "exercise3.ipynb" in result.output, f"output {result.output!r}"
    nbformat.validate(nbformat.read("exercise3.ipynb", as_version=nbformat.NO_CONVERT))
    result = runner.invoke(main, ["notebook", "1", "-o", "work/my notebook.ipynb"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}"
    cells = nbformat.read("work/my notebook.ipynb", as_version=nbformat.NO_CONVERT).cells
    assert cells[-1].source == "!grader check exercise1 'my notebook.ipynb'", f"check cell {cells[-1].source!r}"
    os.mkdir("folder")
    result = runner.invoke(main, ["notebook", "exercise2", "-o", "folder"])
    assert result.exit_code == 0 and Path("folder/exercise2.ipynb").is_file(), f"exit {result.exit_code}: {result.output}"


def test_cli_all_writes_every_exercise_into_notebooks_or_the_given_folder(runner: CliRunner) -> None:
    names = sorted(f"{exercise.name}.ipynb" for exercise in grader.EXERCISES)
    result = runner.invoke(main, ["notebook", "--all"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}"
    assert sorted(os.listdir("notebooks")) == names, f"notebooks/ holds {os.listdir('notebooks')}"
    result = runner.invoke(main, ["notebook", "--all", "-o", "course"])
    assert result.exit_code == 0 and sorted(os.listdir("course")) == names, f"exit {result.exit_code}: {result.output}"


def test_cli_refuses_to_overwrite_without_force(runner: CliRunner) -> None:
    Path("exercise1.ipynb").write_text("my work", encoding="utf-8")
    result = runner.invoke(main, ["notebook", "1"])
    assert result.exit_code == 2, f"exit {result.exit_code}: {result.output}"
    assert Path("exercise1.ipynb").read_text(encoding="utf-8") == "my work", "the learner's notebook was overwritten"
    assert "already exists" in result.output and "--force" in result.output, f"output {result.output!r}"
    assert len(result.output.strip().splitlines()) == 1, f"the error should be one line: {result.output!r}"

    os.mkdir("notebooks")
    Path("notebooks/exercise4.ipynb").write_text("my work", encoding="utf-8")
    result = runner.invoke(main, ["notebook", "--all"])
    assert result.exit_code == 2, f"exit {result.exit_code}: {result.output}"
    assert os.listdir("notebooks") == ["exercise4.ipynb"], f"--all wrote some notebooks before refusing: {os.listdir('notebooks')}"

    result = runner.invoke(main, ["notebook", "1", "--force"])
    assert result.exit_code == 0, f"exit {result.exit_code}: {result.output}"
    nbformat.validate(nbformat.read("exercise1.ipynb", as_version=nbformat.NO_CONVERT))


def test_cli_reports_a_folder_it_cannot_write_to_in_one_line(runner: CliRunner) -> None:
    Path("course").write_text("not a folder", encoding="utf-8")
    result = runner.invoke(main, ["notebook", "--all", "-o", "course"])
    assert result.exit_code == 2, f"exit {result.exit_code}: {result.output}"
    assert result.output.strip() == "error: cannot write course: it is a file, not a folder", f"output {result.output!r}"


@pytest.mark.parametrize("args", [["notebook", "exercise9"], ["notebook"], ["notebook", "1", "--all"]], ids=["unknown", "none", "both"])
def test_cli_usage_errors_exit_2(args: list[str], runner: CliRunner) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2, f"{args}: exit {result.exit_code}: {result.output}"
    assert os.listdir(".") == [], f"{args} wrote {os.listdir('.')}"


def test_the_exported_notebook_mentions_no_machine_specific_path(tmp_path: Path) -> None:
    text = export(grader.find_exercise(1), tmp_path).read_text(encoding="utf-8")
    assert str(grader.kit_root()) not in text and str(tmp_path) not in text, "the notebook leaks a local path"


def test_a_class_of_notebooks_grades_like_their_python_files(tmp_path: Path, reference_reports) -> None:
    """Every exercise as a notebook in a `grader grade` roster: the stub earns 0, the filled one full marks."""
    roster = tmp_path / "roster"
    for exercise in grader.EXERCISES:
        export(exercise, roster / "stubs")
        fill_with_reference(export(exercise, roster / "filled"), exercise)
    outcome = grader.grade(roster, tmp_path / "out", jobs=2, device="cpu")
    assert outcome.complete and sorted(outcome.graded) == ["filled", "stubs"], f"both learners are graded: {outcome}"
    documents = {learner: json.loads((tmp_path / "out" / "learners" / f"{learner}.json").read_text()) for learner in ("filled", "stubs")}
    for exercise in grader.EXERCISES:
        filled, stub = documents["filled"]["exercises"][exercise.name], documents["stubs"]["exercises"][exercise.name]
        expected = reference_reports[exercise.name]
        assert filled["score"] == expected.score, f"the filled {exercise.name} notebook earned {filled['score']}/{expected.score}"
        assert [t["status"] for t in filled["tests"]] == [t.status for t in expected.tests], f"{exercise.name}: statuses differ"
        assert stub["submitted"] and stub["score"] == 0, f"the stub {exercise.name} notebook earned {stub['score']}"
        assert all(t["message"] for t in stub["tests"] if t["status"] != "skipped"), f"{exercise.name}: a stub test failed silently"
