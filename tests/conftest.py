"""Shared helpers for the kit's own tests, and the one class run that grades every corpus.

The corpora (mutants, variants, references, stubs and hostile files) are graded once per session,
as one roster through :func:`grader.grade`: the engine an instructor runs, with its fork server and
its per-process reference cache. The tests of ``test_mutants.py``, ``test_variants.py``,
``test_references.py``, ``test_hostile_class.py`` and ``test_i18n.py`` assert on its documents.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import pytest

import grader
from grader._warm import suspended

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
HOSTILE = TESTS / "hostile"
_EXPECT = re.compile(r"^expect:\s*(?P<test>[\w\[\]-]+)\s*:\s*(?P<message>.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Expectation:
    """A test that must not pass, and a piece of the message it must give."""

    test: str
    message: str


def expectations(path: Path) -> list[Expectation]:
    """The ``expect: TEST_ID: message fragment`` lines of a corpus file's docstring."""
    return [Expectation(m["test"], m["message"]) for m in _EXPECT.finditer(path.read_text())]


_OUTCOME = re.compile(
    r"^(?P<key>exercise|score|status|message|incident|lingers|requires|beside):\s*(?P<value>.+?)\s*$", re.MULTILINE
)


@dataclass(frozen=True)
class Outcome:
    """What a hostile file must earn, from its docstring; every line is optional.

    - ``exercise: exercise3``: the exercise it is handed in for (default exercise1).
    - ``score: 0``, ``score: reference`` (every test passes), or ``score: reference-minus: test_a,
      test_b``: exactly those tests (a parametrized test by its bare name) do not pass, so it earns
      the reference's points minus theirs.
    - ``status: timeout`` / ``message: fragment``: every test that does not pass has that status /
      says that (several ``message:`` lines: all of them).
    - ``incident: fragment``: one of the report's incident lines says that.
    - ``lingers: tag``: the processes it started left ``/dev/shm/grader-hostile-<tag>-<pid>`` marks,
      and none of them outlived grading.
    - ``requires: landlock``: only the kernel layer stops it; not asserted where the kernel has none.
    - ``beside: conftest.py, pytest.ini``: files handed in next to it that would change pytest's run.
    - ``expect: TEST_ID: fragment``: as in the mutant corpora.
    """

    exercise: str = "exercise1"
    score: str | None = None
    statuses: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    incidents: tuple[str, ...] = ()
    lingers: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    beside: tuple[str, ...] = ()
    expects: tuple[Expectation, ...] = field(default_factory=tuple)


def outcome(path: Path, docstring: str | None = None) -> Outcome:
    """The :class:`Outcome` stated by ``path``'s module docstring (or by ``docstring``, for a file
    that cannot hold one: empty, binary, a notebook)."""
    if docstring is None:
        try:
            docstring = ast.get_docstring(ast.parse(path.read_bytes())) or ""
        except (SyntaxError, ValueError):  # a file that is meant not to compile: its leading docstring
            match = re.match(r'\s*"""(.*?)"""', path.read_text(errors="replace"), re.DOTALL)
            docstring = match.group(1) if match else ""
    values: dict[str, list[str]] = {}
    for match in _OUTCOME.finditer(docstring):
        values.setdefault(match["key"], []).append(match["value"])

    def items(key: str) -> tuple[str, ...]:
        return tuple(part.strip() for value in values.get(key, []) for part in value.split(",") if part.strip())

    return Outcome(
        exercise=values.get("exercise", ["exercise1"])[-1],
        score=values.get("score", [None])[-1],
        statuses=items("status"),
        messages=tuple(values.get("message", [])),
        incidents=tuple(values.get("incident", [])),
        lingers=items("lingers"),
        requires=items("requires"),
        beside=items("beside"),
        expects=tuple(Expectation(m["test"], m["message"]) for m in _EXPECT.finditer(docstring)),
    )


def corpus_files(folder: str) -> list[Path]:
    """Every corpus file under ``tests/<folder>/<exercise>/``."""
    return sorted((TESTS / folder).glob("exercise*/*.py"))


def corpus(folder: str) -> list[pytest.param]:
    """Every corpus file under ``tests/<folder>/<exercise>/``, as pytest params."""
    return [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in corpus_files(folder)]


# -- the class run ------------------------------------------------------------------------------------

CORRECT = ("alice", "eve", "zoe")
"""Correct learners (exercises 1 and 3): first, amid the hostile files, and last in the roster's order."""
CORRECT_EXERCISES = ("exercise1", "exercise3")
CLASS_LIMITS = grader.Limits(timeout=3, memory=2 * 1024**3)
"""Short enough that the hostile corpus's endless loops cost little; every other file finishes well within it."""
MARKS = Path("/dev/shm")
FAKE_NAMES = ("results.json", "junit.xml", "gradebook.csv", "alice.json")

NOT_PYTHON = {
    "empty.py": "score: 0\nmessage: does not define",
    "binary_garbage.py": "score: 0\nmessage: not a text file",
    "latin1_text.py": "score: 0\nmessage: not UTF-8 text",
    "notebook_saved_as_py.py": "score: reference",
}
"""Outcomes of hostile files that cannot hold a docstring."""

BESIDE = {
    "conftest.py": "import pytest\n\ndef pytest_collection_modifyitems(items):\n    items.clear()\n",
    "pytest.ini": "[pytest]\naddopts = --collect-only -p no:python\n",
    "pyproject.toml": "[tool.pytest.ini_options]\naddopts = '--co'\n",
    "setup.cfg": "[tool:pytest]\naddopts = --co\n",
    "tox.ini": "[pytest]\naddopts = -k nothing_matches_this\n",
}


def hostile_cases() -> list[Path]:
    return sorted(HOSTILE.glob("*.py"))


def hostile_outcome(path: Path) -> Outcome:
    return outcome(path, NOT_PYTHON.get(path.name))


def learner_of(path: Path) -> str:
    """The learner id a corpus file is graded under: ``mutants.exercise1.bias_flag_ignored``, a
    hostile file's stem, ``reference.exercise1`` or ``stub.exercise1``."""
    if path.parent == HOSTILE:
        return path.stem
    if path.parent.name == "solutions":
        return f"reference.{path.stem}"
    if path.parent.name == "exercises":
        return f"stub.{path.stem}"
    return f"{path.parents[1].name}.{path.parent.name}.{path.stem}"


@dataclass(frozen=True)
class ClassRun:
    """What one ``grader.grade`` of the whole corpus produced, and what it left around it."""

    root: Path
    roster: Path
    out: Path
    outcome: grader.GradeOutcome
    docs: dict[str, dict[str, Any]]
    before: dict[str, bytes]
    marks: dict[str, int]
    fakes: set[Path]

    def doc(self, learner: str, exercise: str) -> dict[str, Any]:
        """One exercise's document of one learner, as in ``learners/<learner>.json``."""
        return self.docs[learner]["exercises"][exercise]

    def report(self, path: Path, exercise: str | None = None) -> grader.Report:
        """The report of a corpus file (its exercise is the folder it lies in, unless given)."""
        exercise = exercise or (path.stem if path.parent.name in ("solutions", "exercises") else path.parent.name)
        return grader.Report.from_json(self.doc(learner_of(path), exercise), str(path))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def running(pid: int) -> bool:
    """Whether ``pid`` runs (a killed process waiting to be reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def lingering_marks() -> set[Path]:
    return set(MARKS.glob("grader-hostile-*")) if MARKS.is_dir() else set()


def fake_results(root: Path) -> set[Path]:
    """Where a hostile file would plant fake results: the class folder, around it, /tmp and /."""
    places = (root, root.parent, root / "roster", Path("/tmp"), Path("/"))
    return {place / name for place in places for name in FAKE_NAMES if (place / name).exists()}


def _put(folder: Path, name: str, source: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, folder / name)


def make_class(root: Path) -> Path:
    """The roster: one learner per corpus file, and the correct learners alice, eve and zoe."""
    roster = root / "roster"
    for learner in CORRECT:
        for exercise in CORRECT_EXERCISES:
            _put(roster / learner / ("exercises" if learner == "alice" else ""), f"{exercise}.py",
                 ROOT / "solutions" / f"{exercise}.py")
    for exercise in grader.EXERCISES:
        for path in (exercise.reference_path, exercise.stub_path):
            _put(roster / learner_of(path), exercise.filename, path)
    for path in [*corpus_files("mutants"), *corpus_files("variants")]:
        _put(roster / learner_of(path), f"{path.parent.name}.py", path)
    for path in hostile_cases():
        expected = hostile_outcome(path)
        _put(roster / learner_of(path), f"{expected.exercise}.py", path)
        for name in expected.beside:
            (roster / learner_of(path) / name).write_text(BESIDE[name])
    return roster


@pytest.fixture(scope="session")
def class_run(tmp_path_factory: pytest.TempPathFactory) -> ClassRun:
    """Every corpus graded once, from the class folder as working directory (so $PWD and the
    grader's cwd point at it, as when an instructor runs ``grader grade roster/`` there)."""
    root = tmp_path_factory.mktemp("class")
    roster = make_class(root)
    before = tree(roster)
    for mark in lingering_marks():
        mark.unlink(missing_ok=True)
    Path("/tmp/grader-hostile-unpickled").unlink(missing_ok=True)
    fakes = fake_results(root)
    out = root / "grading-results"
    cwd, pwd = os.getcwd(), os.environ.get("PWD")
    os.chdir(root)
    os.environ["PWD"] = str(root)
    try:
        result = grader.grade(roster, out, jobs=2, device="cpu", limits=CLASS_LIMITS)
    finally:
        os.chdir(cwd)
        if pwd is None:
            os.environ.pop("PWD", None)
        else:
            os.environ["PWD"] = pwd
    marks = {mark.name: int(mark.read_text() or 0) for mark in lingering_marks()}
    for mark in lingering_marks():
        mark.unlink(missing_ok=True)
    planted = fake_results(root) - fakes
    for fake in planted:  # recorded for the tests; not left behind on a shared machine
        fake.unlink(missing_ok=True)
    docs = {path.stem: json.loads(path.read_text()) for path in (out / "learners").glob("*.json")}
    return ClassRun(root, roster, out, result, docs, before, marks, planted)


@pytest.fixture(scope="session")
def reference_reports(class_run: ClassRun) -> dict[str, grader.Report]:
    """Each exercise's reference, as the class run graded it."""
    return {exercise.name: class_run.report(exercise.reference_path) for exercise in grader.EXERCISES}


@pytest.fixture(scope="session")
def alone() -> dict[str, grader.Report]:
    """The correct learners' exercises graded alone, end to end through ``grader check`` as the
    command runs it: each in a fresh worker interpreter, no warm server."""
    with suspended():
        return {exercise: grader.check(exercise, ROOT / "solutions" / f"{exercise}.py", device="cpu")
                for exercise in CORRECT_EXERCISES}


@pytest.fixture(scope="session", autouse=True)
def warm_servers() -> Iterator[None]:
    """Every grading call of the session forks from a warm server (torch imported once per
    environment, not once per call); a test that needs the cold path uses ``suspended()``."""
    with grader.keep_warm():
        yield


@pytest.fixture(autouse=True)
def grader_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the progress file that `grader check` writes out of the repository and the cwd."""
    monkeypatch.setenv("GRADER_STATE_DIR", str(tmp_path / "grader-state"))
