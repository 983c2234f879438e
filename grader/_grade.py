"""``grade``: grade a whole class, in parallel, resumable, one shard at a time if asked.

Processes::

    grade() (this process: reads the roster, writes outputs; never imports torch)
      └─ fork server (imports torch once; see grader._zygote)
           ├─ grading process 1 .. N (forked; run hidden suites, references cached)
           │    └─ private fork server ─ one fresh worker per learner and exercise (learner code)

Every learner file is read into memory before any learner code runs. A learner's document is
written (atomically) as soon as it is graded, so an interrupted run loses at most the learners
in flight, and a rerun grades only what is missing or changed.
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from grader._catalog import EXERCISES, Exercise, find_exercise
from grader._check import (
    DEVICES,
    GradingError,
    Unusable,
    _resolve_device,
    grade_submission,
)
from grader._forkserver import ForkServer, ForkServerError, kill_tree, reap_orphans
from grader._outputs import (
    exercise_order,
    load_learners,
    write_aggregates,
    write_learner,
)
from grader._report import Report, _number
from grader._roster import (
    NOT_SUBMITTED,
    Learner,
    RosterError,
    grading_fingerprint,
    learner_ids,
    read_learner,
)
from grader._sandbox import Limits
from grader._session import SuiteRunner, suite_session
from grader._submission import Submission, SubmissionError, read_submission
from grader._warm import fork_server, warm_pids

DEFAULT_OUT = Path("grading-results")
_RETRIES = 1


@dataclass
class LearnerDone:
    """Progress: one learner's document is written (or was already up to date)."""

    learner: str
    doc: dict[str, Any]
    done: int
    total: int
    elapsed: float
    reused: bool = False


@dataclass
class GradeOutcome:
    """What a :func:`grade` run did."""

    out: Path
    learners: list[str]
    graded: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    grader_failures: dict[str, str] = field(default_factory=dict)
    """Learners the grader itself could not grade (a crash of a grading process), with why."""
    complete: bool = True


def grade(
    roster: str | os.PathLike[str],
    out: str | os.PathLike[str] = DEFAULT_OUT,
    *,
    jobs: int | None = None,
    exercises: Sequence[str | int | Exercise] | None = None,
    device: str = "auto",
    shard: tuple[int, int] | None = None,
    force: bool = False,
    limits: Limits | None = None,
    progress: Callable[[LearnerDone], None] | None = None,
) -> GradeOutcome:
    """Grade every learner folder of ``roster`` into ``out``; see the module docstring.

    Raises :class:`GradingError` when the grader cannot do its job at all (no roster, a bad
    option, no CUDA when asked for). A learner's crash, hang or flood is that learner's result.
    """
    if device not in DEVICES:
        raise GradingError(f"unknown device {device!r}; choose one of {', '.join(DEVICES)}")
    try:
        chosen = [e if isinstance(e, Exercise) else find_exercise(e) for e in exercises] if exercises else list(EXERCISES)
    except LookupError as error:
        raise GradingError(str(error)) from None
    chosen = sorted(set(chosen), key=lambda e: e.number)
    limits = limits or Limits()
    roster, out = Path(roster), Path(out)
    try:
        results = out.resolve()
        ids = [i for i in learner_ids(roster, shard) if (roster / i).resolve() != results]
        learners = [read_learner(roster, learner, chosen) for learner in ids]
    except RosterError as error:
        raise GradingError(str(error)) from None
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GradingError(f"cannot create the output folder {out}: {error.strerror or error}") from None

    from grader import __version__

    options = {"device": device, "timeout": limits.timeout, "memory": limits.memory, "output": limits.output,
               "processes": limits.processes, "file_size": limits.file_size,
               "exercises": [e.name for e in chosen], "torch": _torch_version()}
    grading = grading_fingerprint(__version__, options)
    fingerprints = {learner.id: learner.fingerprint(grading) for learner in learners}
    existing = load_learners(out)
    outcome = GradeOutcome(out=out, learners=ids)
    docs: dict[str, dict[str, Any]] = {}
    pending: list[Learner] = []
    started = time.monotonic()
    for learner in learners:
        previous = existing.get(learner.id)
        if not force and previous is not None and previous.get("fingerprint") == fingerprints[learner.id]:
            docs[learner.id] = previous
            outcome.reused.append(learner.id)
            if progress:
                progress(LearnerDone(learner.id, previous, len(docs), len(learners), time.monotonic() - started, reused=True))
        else:
            pending.append(learner)

    def finished(learner: Learner, exercise_docs: dict[str, Any]) -> None:
        doc = learner_document(learner.id, fingerprints[learner.id], exercise_docs, chosen)
        write_learner(out, doc)
        docs[learner.id] = doc
        outcome.graded.append(learner.id)
        if progress:
            progress(LearnerDone(learner.id, doc, len(docs), len(learners), time.monotonic() - started))

    try:
        if pending:
            _Pool(jobs or os.cpu_count() or 1, device, limits).run(pending, finished, outcome.grader_failures)
    except KeyboardInterrupt:
        outcome.complete = False
        write_aggregates(out, [e.name for e in chosen], [docs[i] for i in ids if i in docs], complete=False)
        raise
    outcome.complete = all(i in docs for i in ids)
    write_aggregates(out, [e.name for e in chosen], [docs[i] for i in ids if i in docs], complete=outcome.complete)
    return outcome


def learner_document(learner: str, fingerprint: str, exercise_docs: dict[str, Any], exercises: list[Exercise]) -> dict[str, Any]:
    """``learners/<learner>.json``: the total and, per exercise, the ``grader check --json`` document."""
    ordered = {name: exercise_docs[name] for name in exercise_order(exercise_docs)}
    return {
        "learner": learner,
        "score": _number(sum(doc["score"] for doc in ordered.values())),
        "max_score": _number(sum(doc["max_score"] for doc in ordered.values())),
        "fingerprint": fingerprint,
        "exercises": ordered,
    }


def _torch_version() -> str:
    try:
        return metadata.version("torch")
    except metadata.PackageNotFoundError:
        return "unknown"


# -- the pool of grading processes (this process's side) ------------------------------------------


class _GradingProcess:
    """One forked grading process and its two pipes."""

    def __init__(self, server: ForkServer, setup: dict[str, Any]) -> None:
        job_read, self._jobs = os.pipe()
        self._results, result_write = os.pipe()
        try:
            self.process = server.fork_grader((job_read, result_write))
        except BaseException:
            os.close(self._jobs)
            os.close(self._results)
            raise
        finally:
            os.close(job_read)
            os.close(result_write)
        self.results = self._results
        self.buffer = b""
        self.current: Learner | None = None
        self.send(setup)

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode() + b"\n"
        while data:
            data = data[os.write(self._jobs, data):]

    def read_lines(self) -> list[dict[str, Any]] | None:
        """Complete messages available now; None once the process is gone."""
        chunk = os.read(self._results, 1 << 20)
        if not chunk:
            return None
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        return [json.loads(line) for line in lines if line]

    def close(self) -> None:
        for fd in (self._jobs, self._results):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.process.poll() is None:
            try:
                self.process.wait(timeout=2)
            except Exception:  # noqa: BLE001 - it is killed below either way
                pass
        kill_tree(self.process.pid)
        self.process.wait()


class _Pool:
    def __init__(self, size: int, device: str, limits: Limits) -> None:
        self.size = max(1, size)
        self.setup = {"device": device, "limits": asdict(limits)}

    def run(
        self,
        learners: list[Learner],
        finished: Callable[[Learner, dict[str, Any]], None],
        failures: dict[str, str],
    ) -> None:
        try:
            with fork_server(forks_graders=True) as server:
                self._run(server, learners, finished, failures)
        except ForkServerError as error:
            raise GradingError(str(error)) from None
        finally:
            reap_orphans(keep=warm_pids())

    def _run(
        self,
        server: ForkServer,
        learners: list[Learner],
        finished: Callable[[Learner, dict[str, Any]], None],
        failures: dict[str, str],
    ) -> None:
        queue = deque(learners)
        attempts: dict[str, int] = {}
        processes: list[_GradingProcess] = []
        try:
            while queue or any(p.current for p in processes):
                while len(processes) < min(self.size, len(queue) + sum(1 for p in processes if p.current)):
                    processes.append(_GradingProcess(server, self.setup))
                for process in processes:
                    if process.current is None and queue:
                        process.current = queue.popleft()
                        try:
                            process.send(_job(process.current))
                        except OSError:
                            pass  # the process died: seen as the end of its results below
                busy = [p for p in processes if p.current is not None]
                ready, _, _ = select.select([p.results for p in busy], [], [])
                for process in [p for p in busy if p.results in ready]:
                    messages = process.read_lines()
                    for message in messages or []:
                        if "error" in message:
                            raise GradingError(message["error"])
                        learner, process.current = process.current, None
                        assert learner is not None
                        finished(learner, message["exercises"])
                    if messages is None:
                        learner = process.current
                        processes.remove(process)
                        process.close()
                        if learner is not None:
                            attempts[learner.id] = attempts.get(learner.id, 0) + 1
                            if attempts[learner.id] <= _RETRIES:
                                queue.appendleft(learner)
                            else:
                                failures[learner.id] = "the grading process crashed twice while grading this learner"
        finally:
            for process in processes:
                process.close()


def _job(learner: Learner) -> dict[str, Any]:
    exercises = []
    for name, submission in learner.submissions.items():
        if isinstance(submission, Submission):
            exercises.append({"name": name, "kind": "source", "path": str(submission.path), "source": submission.source,
                              "cells": submission.cells})
        elif isinstance(submission, Unusable):
            exercises.append({"name": name, "kind": "unusable", "path": str(submission.path), "reason": submission.reason})
        else:
            exercises.append({"name": name, "kind": "missing"})
    return {"learner": learner.id, "exercises": exercises}


# -- a grading process (runs in the forked child) ---------------------------------------------------


def serve_jobs(job_fd: int, result_fd: int, server: ForkServer) -> None:
    """The loop of a grading process: a job (one learner) in, its exercise documents out.

    Every suite is collected once, in one pytest session that grades learner after learner.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    jobs: IO[bytes] = os.fdopen(job_fd, "rb")
    results: IO[bytes] = os.fdopen(result_fd, "wb")
    setup = json.loads(jobs.readline() or b"{}")
    limits = Limits(**setup["limits"])
    skeletons: dict[str, Report] = {}

    def reply(message: dict[str, Any]) -> None:
        results.write(json.dumps(message).encode() + b"\n")
        results.flush()

    def grade_jobs(suites: SuiteRunner) -> None:
        for line in jobs:
            job = json.loads(line)
            docs: dict[str, Any] = {}
            for item in job["exercises"]:
                exercise = find_exercise(item["name"])
                report = _grade_item(exercise, item, device, limits, server, skeletons, suites)
                docs[exercise.name] = report.to_json()
            reap_orphans(keep={server.pid})
            reply({"learner": job["learner"], "exercises": docs})

    try:
        device = _resolve_device(setup["device"])
        suite_session(list(EXERCISES), device, grade_jobs)
    except GradingError as error:
        reply({"error": str(error)})


def _grade_item(
    exercise: Exercise,
    item: dict[str, Any],
    device: str,
    limits: Limits,
    server: ForkServer,
    skeletons: dict[str, Report],
    suites: SuiteRunner | None = None,
) -> Report:
    if item["kind"] == "missing":
        return _not_submitted(exercise, device, limits, server, skeletons, suites)
    path = Path(item["path"])
    if item["kind"] == "unusable":
        submission: Submission | Unusable = Unusable(path, item["reason"])
    else:
        cells = tuple(tuple(cell) for cell in item["cells"]) if item.get("cells") else None
        submission = Submission(path, item["source"], cells)  # type: ignore[arg-type]
    report = grade_submission(exercise, submission, device=device, limits=limits, forkserver=server, suites=suites)
    skeletons.setdefault(exercise.name, report)
    return report


def _not_submitted(
    exercise: Exercise,
    device: str,
    limits: Limits,
    server: ForkServer,
    skeletons: dict[str, Report],
    suites: SuiteRunner | None = None,
) -> Report:
    """Every test of the suite, failed with "not submitted"; the test list comes from any graded run."""
    if exercise.name not in skeletons:
        skeletons[exercise.name] = grade_submission(
            exercise, Unusable(Path(exercise.filename), NOT_SUBMITTED), device=device, limits=limits, forkserver=server,
            suites=suites,
        )
    skeleton = skeletons[exercise.name]
    tests = [
        replace(test, score=0.0, message=test.message if test.status == "skipped" else NOT_SUBMITTED, details="",
                status="skipped" if test.status == "skipped" else "failed")
        for test in skeleton.tests
    ]
    return Report(exercise=exercise.name, title=exercise.title, device=skeleton.device, path="", tests=tests, submitted=False)


# -- many files, in this process ----------------------------------------------------------------------


def _in_one_session(
    exercises: list[Exercise], device: str, body: Callable[[str, ForkServer, SuiteRunner], None]
) -> None:
    """Run ``body(device, server, suites)`` in this process with one fork server (the warm one
    within :func:`grader.keep_warm`) and one suite session (each suite collected once); the
    resolved device is passed on."""
    try:
        with fork_server() as server:
            resolved = _resolve_device(device)
            suite_session(exercises, resolved, lambda suites: body(resolved, server, suites))
    except ForkServerError as error:
        raise GradingError(str(error)) from None
    finally:
        reap_orphans(keep=warm_pids())


def grade_files(
    files: Sequence[tuple[Exercise, str | os.PathLike[str]]], *, device: str = "auto", limits: Limits | None = None
) -> list[Report]:
    """Grade each ``(exercise, path)`` as :func:`grader.check` would, but in one suite session with one
    fork server: each suite is collected once and each worker is forked, not started afresh."""
    if device not in DEVICES:
        raise GradingError(f"unknown device {device!r}; choose one of {', '.join(DEVICES)}")
    limits = limits or Limits()
    reports: list[Report] = []

    def grade_each(resolved: str, server: ForkServer, suites: SuiteRunner) -> None:
        for exercise, path in files:
            try:
                submission: Submission | Unusable = read_submission(Path(path))
            except SubmissionError as error:
                submission = Unusable(Path(path), str(error))
            reports.append(
                grade_submission(exercise, submission, device=resolved, limits=limits, forkserver=server, suites=suites)
            )

    _in_one_session(sorted({exercise for exercise, _ in files}, key=lambda e: e.number), device, grade_each)
    return reports


# -- every exercise of one learner, in this process ---------------------------------------------------


def check_all(
    base: str | os.PathLike[str] | None = None, *, device: str = "auto", limits: Limits | None = None
) -> dict[str, Report]:
    """Grade every exercise of one learner's kit folder (``base``, default: the cwd), as ``grade`` would.

    For a per-learner autograder run (Gradescope's ``run_autograder``, a GitHub Classroom step):
    a missing exercise earns 0 as "not submitted"; a file that cannot run earns 0 with its reason.
    """
    if device not in DEVICES:
        raise GradingError(f"unknown device {device!r}; choose one of {', '.join(DEVICES)}")
    base = Path(base) if base is not None else Path.cwd()
    if not base.is_dir():
        raise GradingError(f"no folder at {base}")
    limits = limits or Limits()
    learner = read_learner(base.parent, base.name, list(EXERCISES))
    skeletons: dict[str, Report] = {}
    reports: dict[str, Report] = {}

    def grade_all(resolved: str, server: ForkServer, suites: SuiteRunner) -> None:
        for exercise in EXERCISES:
            submission = learner.submissions[exercise.name]
            if submission is None:
                reports[exercise.name] = _not_submitted(exercise, resolved, limits, server, skeletons, suites)
            else:
                reports[exercise.name] = grade_submission(
                    exercise, submission, device=resolved, limits=limits, forkserver=server, suites=suites
                )

    _in_one_session(list(EXERCISES), device, grade_all)
    return reports
