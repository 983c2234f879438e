"""The learner's progress: a small JSON file in the kit folder they work in (``.grader/state.json``).

``grader check`` records each exercise's last score there (the library's :func:`grader.check`
stays pure: the CLI calls :func:`record_check`); ``grader status`` and ``grader hint`` read it.
Writes are atomic (a temporary file, then ``os.replace``). A missing, corrupt or unreadable file
is never an error: the state starts fresh and the caller shows one line of warning.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from grader._report import Report

STATE_DIR_ENV = "GRADER_STATE_DIR"
VERSION = 1


def state_path(base: Path | None = None) -> Path:
    """``.grader/state.json`` under ``base`` (default: the current directory), or under
    ``$GRADER_STATE_DIR`` when set."""
    folder = os.environ.get(STATE_DIR_ENV)
    if folder:
        return Path(folder) / "state.json"
    return (base or Path.cwd()) / ".grader" / "state.json"


@dataclass
class State:
    """Per exercise: the last check's score, date and first failing test, and the hint level."""

    path: Path
    exercises: dict[str, dict[str, Any]] = field(default_factory=dict)
    warning: str = ""
    """Why the file on disk could not be used (it was corrupt or unreadable), else empty."""

    def last(self, exercise: str) -> dict[str, Any] | None:
        return self.exercises.get(exercise)


def load_state(path: Path | None = None) -> State:
    """The state at ``path`` (default :func:`state_path`); a fresh one, with a warning, when the
    file is corrupt or unreadable."""
    path = path or state_path()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return State(path)
    except (OSError, ValueError) as error:
        return State(path, warning=f"{path}: {getattr(error, 'strerror', None) or error}")
    exercises = document.get("exercises") if isinstance(document, dict) else None
    if not isinstance(exercises, dict) or not all(isinstance(entry, dict) for entry in exercises.values()):
        return State(path, warning=f"{path}: not a grader state file")
    return State(path, exercises=exercises)


def save_state(state: State) -> None:
    """Write ``state`` atomically. Raises OSError when its folder cannot be written."""
    state.path.parent.mkdir(parents=True, exist_ok=True)
    document = {"version": VERSION, "exercises": state.exercises}
    handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=state.path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, indent=2, ensure_ascii=False, sort_keys=True)
            stream.write("\n")
        os.replace(temporary, state.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def first_failure(report: Report) -> dict[str, str] | None:
    """The first test that did not pass (``id``, ``name``, ``status``, ``message``), or None."""
    for test in report.tests:
        if test.status not in ("passed", "skipped"):
            return {"id": test.id, "name": test.name, "status": test.status, "message": test.message}
    return None


def record_check(state: State, report: Report, now: datetime | None = None) -> None:
    """Put ``report``'s outcome into ``state`` (not saved). The hint level survives only while the
    first failing test stays the same."""
    previous = state.exercises.get(report.exercise, {})
    failure = first_failure(report)
    entry: dict[str, Any] = {
        "score": report.score,
        "max_score": report.max_score,
        "passed": report.passed,
        "checked_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "path": report.path,
        "first_failure": failure,
    }
    hint = previous.get("hint")
    if failure and isinstance(hint, dict) and hint.get("test") == failure["id"]:
        entry["hint"] = hint
    state.exercises[report.exercise] = entry
