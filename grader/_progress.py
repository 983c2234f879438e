"""Progress of ``grader grade``: a bar with an ETA on a terminal, one line per learner in CI logs."""

from __future__ import annotations

from typing import TextIO

from grader._grade import LearnerDone

_WIDTH = 30


class Progress:
    """Feed it :class:`LearnerDone` events; it draws on ``stream`` (usually stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.interactive = stream.isatty()
        self._drawn = False

    def update(self, event: LearnerDone) -> None:
        if self.interactive:
            self._bar(event)
        else:
            self._line(event)

    def _line(self, event: LearnerDone) -> None:
        doc = event.doc
        status = "up to date" if event.reused else f"{event.elapsed:.0f} s"
        incidents = sum(len(exercise.get("incidents", [])) for exercise in doc["exercises"].values())
        note = f", {incidents} incident(s)" if incidents else ""
        self.stream.write(f"[{event.done}/{event.total}] {event.learner}: {doc['score']:g}/{doc['max_score']:g} ({status}{note})\n")
        self.stream.flush()

    def _bar(self, event: LearnerDone) -> None:
        filled = int(_WIDTH * event.done / max(event.total, 1))
        eta = ""
        if 0 < event.done < event.total and not event.reused:
            remaining = event.elapsed / event.done * (event.total - event.done)
            eta = f"  ETA {int(remaining // 60)}:{int(remaining % 60):02d}"
        bar = "#" * filled + "." * (_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {event.done}/{event.total} learners{eta}\x1b[K")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
