"""The references stay secret however the kit is installed.

Each layout installs the kit into a fresh virtual environment and grades a class of two there: a
learner who hunts for a reference file wherever an install may have put one, beside a correct
learner. The thief must earn nothing and be named in a ``refused:`` incident; the correct learner
must earn every point. Each class is graded twice, with Landlock and with the audit hook alone.

The environments borrow torch and the other dependencies from the environment running these tests
(a ``.pth`` line), so that a layout costs seconds rather than a torch install; the kit itself is
installed the way an instructor installs it. ``.ci/run`` also installs a wheel with all its
dependencies into an empty environment and grades a class there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

from grader._confine import DISABLE_LANDLOCK, landlock_abi
from conftest import HOSTILE, ROOT

THIEF = HOSTILE / "searches_installs_for_the_reference.py"
MAX_SCORE = 36
"""exercise1's full marks."""


@dataclass(frozen=True)
class Layout:
    name: str
    editable: bool
    venv_in_class: bool
    """Whether the environment lives inside the class folder, beside the roster and the results."""


LAYOUTS = [
    Layout("editable", editable=True, venv_in_class=False),
    Layout("wheel", editable=False, venv_in_class=False),
    Layout("wheel-venv-beside-the-roster", editable=False, venv_in_class=True),
]
MODES = {"landlock": None, "audit-hook-alone": "0"}


def _pip(*args: str, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def build_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The build backend, fetched once: each build then skips pip's isolated build environment."""
    backend = tmp_path_factory.mktemp("backend")
    _pip("install", "--target", str(backend), "hatchling", "editables")
    return {**os.environ, "PYTHONPATH": str(backend)}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, build_env: dict[str, str]) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    _pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(folder), str(ROOT), env=build_env)
    (built,) = folder.glob("pytorch_grader-*.whl")
    return built


def _purelib(python: Path) -> Path:
    out = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def install(layout: Layout, venv: Path, wheel: Path, build_env: dict[str, str]) -> Path:
    """A fresh environment at ``venv`` with the kit installed as ``layout`` says; its site-packages."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = _purelib(python)
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "_borrowed_dependencies.pth").write_text("".join(f"{path}\n" for path in sorted(borrowed)))
    _pip("--python", str(python), "install", "--no-deps", "--no-build-isolation",
         *(["-e", str(ROOT)] if layout.editable else [str(wheel)]), env=build_env)
    return purelib


def grade_class(venv: Path, folder: Path, out: str, landlock: str | None) -> subprocess.Popen[str]:
    """``grader grade roster --out OUT`` started from ``folder`` by the environment's own ``grader`` command."""
    env = {key: value for key, value in os.environ.items() if key not in (DISABLE_LANDLOCK, "PYTHONPATH")}
    env["GRADER_STATE_DIR"] = str(folder / f"state-{out}")
    if landlock is not None:
        env[DISABLE_LANDLOCK] = landlock
    return subprocess.Popen([str(venv / "bin" / "grader"), "grade", "roster", "--out", out, "--exercises", "1",
                             "--device", "cpu", "--jobs", "1"], cwd=folder, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def results(run: subprocess.Popen[str], folder: Path, out: str) -> dict[str, dict]:
    output, _ = run.communicate()
    assert run.returncode in (0, 1), f"grader grade failed ({run.returncode}):\n{output}"
    return {path.stem: json.loads(path.read_text())["exercises"]["exercise1"]
            for path in (folder / out / "learners").glob("*.json")}


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_a_reference_thief_earns_nothing_in_every_install_layout(
    tmp_path: Path, wheel: Path, build_env: dict[str, str], layout: Layout
) -> None:
    folder = tmp_path / "class"
    venv = folder / ".venv" if layout.venv_in_class else tmp_path / "venv"
    purelib = install(layout, venv, wheel, build_env)
    copy = purelib / "grader" / "_kit" / "solutions" / "exercise1.py"
    if layout.editable:
        assert not copy.exists(), f"an editable install copied the references into site-packages: {copy}"
    else:
        assert copy.is_file(), f"a wheel install should carry the references in {copy.parent}, for the thief to find"
    for learner, source in (("honest", ROOT / "solutions" / "exercise1.py"), ("thief", THIEF)):
        (folder / "roster" / learner).mkdir(parents=True)
        shutil.copy(source, folder / "roster" / learner / "exercise1.py")
    modes = {mode: landlock for mode, landlock in MODES.items() if landlock is not None or landlock_abi() > 0}
    runs = {mode: grade_class(venv, folder, f"grading-results-{mode}", landlock) for mode, landlock in modes.items()}
    for mode, run in runs.items():
        docs = results(run, folder, f"grading-results-{mode}")
        thief, honest = docs["thief"], docs["honest"]
        where = f"{layout.name}, {mode}"
        assert thief["score"] == 0, f"{where}: the thief earned {thief['score']}: it read a reference"
        assert any(line.startswith("refused: reading") for line in thief["incidents"]), (
            f"{where}: the thief's attempt should be a `refused:` incident: {thief['incidents']}")
        assert honest["score"] == honest["max_score"] == MAX_SCORE, (
            f"{where}: the correct learner earned {honest['score']}/{honest['max_score']}: "
            + "; ".join(f"{t['id']}: {t['message']}" for t in honest["tests"] if t["status"] != "passed"))
