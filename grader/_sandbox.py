"""The grader's side of a worker: start it, ask it for probes, enforce the limits, clean up.

This module imports nothing heavy at load time, so a worker can be started (and begin importing
torch) before the grader itself pays for torch and pytest.
"""

from __future__ import annotations

import json
import os
import resource
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import Any

from grader._catalog import Exercise, kit_root
from grader._forkserver import ForkedProcess, ForkServer, ForkServerError, descendants, kill_descendants, kill_tree
from grader._submission import Submission
from grader._worker import EXIT_TOO_MANY_PROCESSES

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Limits:
    """What one learner's worker may use."""

    timeout: float = 10.0
    """Seconds for one probe, and for importing the learner's file."""
    memory: int = 4 * 1024**3
    """Bytes of memory for the worker (address space on CPU, resident size on CUDA)."""
    output: int = 64 * 1024
    """Bytes of the learner's printed output kept for ``-v``; the rest is counted and dropped."""
    startup: float = 120.0
    """Seconds for a fresh worker to import torch and the probes, before any learner code runs."""
    processes: int = 32
    """Processes the learner's code may run at once, its own included (DataLoader workers count)."""
    file_size: int = 1024**3
    """Bytes of the largest file the learner's code may write (in its scratch folder)."""


class LearnerFailure(Exception):
    """A probe could not produce data because of the learner's code."""

    status = "error"

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class LearnerMistake(LearnerFailure):
    """A probe found the submission unusable for its check: a failed check, not a crash."""

    status = "failed"


class LearnerTimeout(LearnerFailure):
    status = "timeout"


class WorkerStartError(RuntimeError):
    """The worker could not even start: a problem of the grader's installation, not the learner's."""


class _Died(Exception):
    def __init__(self, returncode: int | None) -> None:
        self.returncode = returncode


class _TimedOut(Exception):
    pass


class _OutOfMemory(Exception):
    pass


class _Forged(Exception):
    """A frame that does not answer the grader's request: something else wrote to the pipe."""


_MAX_NOTES = 20


class _OutputSink:
    """Drains a worker's stdout/stderr, keeping the first ``limit`` bytes."""

    def __init__(self, stream: Any, limit: int) -> None:
        self.limit = limit
        self.kept = bytearray()
        self.total = 0
        self._thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self._thread.start()

    def _drain(self, stream: Any) -> None:
        with stream:
            while chunk := stream.read1(65536):
                self.total += len(chunk)
                room = self.limit - len(self.kept)
                if room > 0:
                    self.kept += chunk[:room]

    def finish(self) -> None:
        """Wait for the last bytes once the worker is gone."""
        self._thread.join(timeout=2.0)

    def text(self) -> str:
        text = self.kept.decode("utf-8", "replace")
        if self.total > len(self.kept):
            text += f"\n[... {self.total - len(self.kept)} more bytes of output dropped]"
        return text


def _limit_resources(memory: int | None) -> None:
    """Runs in the child between fork and exec."""
    if memory is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class Worker:
    """One worker process running one learner's submission.

    Started as a fresh interpreter, or forked from a :class:`~grader._forkserver.ForkServer`
    that has imported torch already. Either way it gets its configuration, the learner's source
    included, as the first line on its request pipe.
    """

    def __init__(
        self,
        exercise: Exercise,
        submission: Submission,
        device: str,
        limits: Limits,
        forkserver: ForkServer | None = None,
    ) -> None:
        self.limits = limits
        self._check_rss = device.startswith("cuda")
        self._scratch = tempfile.mkdtemp(prefix="grader-worker-")
        request_read, self._request_write = os.pipe()
        self._response_read, response_write = os.pipe()
        memory = None if self._check_rss else limits.memory
        try:
            if forkserver is None:
                self.process: Any = self._spawn(request_read, response_write, memory)
                output = self.process.stdout
            else:
                output_read, output_write = os.pipe()
                try:
                    self.process = forkserver.fork_worker((request_read, response_write, output_write), memory=memory,
                                                          cwd=self._scratch)
                except BaseException:
                    os.close(output_read)
                    raise
                finally:
                    os.close(output_write)
                output = os.fdopen(output_read, "rb")
        except BaseException:
            for fd in (self._request_write, self._response_read):
                os.close(fd)
            shutil.rmtree(self._scratch, ignore_errors=True)
            raise
        finally:
            os.close(request_read)
            os.close(response_write)
        self.output = _OutputSink(output, limits.output)
        self.token = secrets.token_hex(16)
        config = {
            "probes_module": exercise.probes_module,
            "module_name": exercise.name,
            "kit_root": str(kit_root()),
            "device": device,
            "token": self.token,
            "limits": {"processes": limits.processes, "file_size": limits.file_size},
            **submission.worker_config(),
        }
        try:
            self.send(config)
        except _Died:
            pass  # reported when the grader waits for the worker's first message

    def _spawn(self, request_read: int, response_write: int, memory: int | None) -> subprocess.Popen[bytes]:
        env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        return subprocess.Popen(
            [sys.executable, "-I", "-B", "-m", "grader._worker", str(request_read), str(response_write)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=self._scratch,
            env=env,
            pass_fds=(request_read, response_write),
            start_new_session=True,
            preexec_fn=lambda: _limit_resources(memory),
        )

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode() + b"\n"
        try:
            while data:
                data = data[os.write(self._request_write, data):]
        except OSError:
            raise _Died(self.process.poll()) from None

    def receive(self, timeout: float) -> dict[str, Any]:
        """The next frame from the worker, decoded as plain data."""
        from grader import _codec

        deadline = time.monotonic() + timeout
        header = self._read_exact(_codec.HEADER_SIZE, deadline)
        payload = self._read_exact(_codec.frame_length(header), deadline)
        message = _codec.decode(payload)
        if not isinstance(message, dict):
            raise _codec.DecodeError("a frame that is not a message")
        return message

    def _read_exact(self, size: int, deadline: float) -> bytes:
        data = bytearray()
        while len(data) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _TimedOut
            ready, _, _ = select.select([self._response_read], [], [], min(remaining, 0.2))
            if self._check_rss and self._rss() > self.limits.memory:
                raise _OutOfMemory
            if not ready:
                continue
            chunk = os.read(self._response_read, size - len(data))
            if not chunk:
                raise _Died(self.process.wait())
            data += chunk
        return bytes(data)

    def _rss(self) -> int:
        """Resident memory of the learner's processes (below the worker's supervisor)."""
        total = 0
        for pid in descendants(self.process.pid):
            try:
                with open(f"/proc/{pid}/statm") as statm:
                    total += int(statm.read().split()[1]) * _PAGE_SIZE
            except (OSError, IndexError, ValueError):
                pass
        return total

    def close(self) -> None:
        """Kill the worker and every process it started, and remove its scratch dir.

        The learner's processes go first, so that the worker's supervisor (their subreaper) reaps
        them and exits; it is killed only if it has not done so within a second.
        """
        kill_descendants(self.process.pid)
        try:
            self.process.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            pass
        kill_tree(self.process.pid)
        if not isinstance(self.process, ForkedProcess):
            self.process.wait()  # a fork server reaps its own children
        self.output.finish()
        for fd in (self._request_write, self._response_read):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._scratch, ignore_errors=True)


class LearnerRunner:
    """Runs probes on a learner's file, each in a worker that is replaced after a crash or time-out.

    The first worker is started by :meth:`start`, as early as possible, so that its torch import
    overlaps with the grader's own start-up.
    """

    def __init__(
        self,
        exercise: Exercise,
        submission: Submission,
        device: str,
        limits: Limits,
        forkserver: ForkServer | None = None,
    ) -> None:
        self.exercise = exercise
        self.submission = submission
        self.device = device
        self.limits = limits
        self.forkserver = forkserver
        self.incidents: list[str] = []
        """Limits hit and crashes, one line each, in the order they happened."""
        self._worker: Worker | None = None
        self._retired = 0
        self._own_server: ForkServer | None = None
        """Started after the first worker is lost, when no fork server was given: later workers fork."""
        self._import_failure: LearnerFailure | None = None
        self._loaded = False
        self._outputs: list[str] = []
        self._output_bytes = 0
        self._output_kept = 0

    def reject(self, reason: str) -> None:
        """Fail every probe with ``reason``: the submission cannot be run at all (e.g. a broken notebook)."""
        self._import_failure = LearnerFailure(reason)

    def start(self) -> None:
        if self._worker is None and self._import_failure is None:
            if self.forkserver is None and self._retired and self._own_server is None:
                # A worker was lost (a time-out, a crash): more may follow, so fork them from a
                # server that imports torch once rather than starting an interpreter for each.
                try:
                    self._own_server = ForkServer.start()
                except ForkServerError:
                    pass
            self._worker = Worker(self.exercise, self.submission, self.device, self.limits,
                                  self.forkserver or self._own_server)
            self._loaded = False

    def probe(self, name: str, **kwargs: Any) -> Any:
        """Run probe ``name`` on the learner's module and return its plain data.

        Raises :class:`LearnerFailure` (or :class:`LearnerTimeout`) naming what went wrong in
        the learner's terms.
        """
        from grader.probing import exception_summary

        worker = self._ready_worker()
        activity = f"running `{name}`"
        request = secrets.token_hex(8)
        try:
            worker.send({"probe": name, "kwargs": kwargs, "id": request})
            reply = worker.receive(self.limits.timeout)
            if reply.get("id") != request:
                raise _Forged
        except Exception as problem:  # noqa: BLE001 - every way a worker fails becomes feedback
            self._retire()
            raise self._failure(problem, activity) from None
        self._note(reply)
        if reply.get("ok"):
            return reply.get("data")
        error = reply.get("error") or {}
        failure = LearnerMistake if error.get("type") == "ProbeProblem" else LearnerFailure
        raise failure(exception_summary(error), error.get("traceback", ""))

    def _ready_worker(self) -> Worker:
        if self._import_failure is not None:
            raise self._fresh_import_failure()
        self.start()
        assert self._worker is not None
        if not self._loaded:
            self._await_import(self._worker)
        return self._worker

    def _await_import(self, worker: Worker) -> None:
        from grader.probing import exception_summary

        try:
            ready = worker.receive(self.limits.startup)
        except _TimedOut:
            self._retire()
            raise WorkerStartError(f"the worker did not start within {self.limits.startup:g} s") from None
        except _Died as died:
            output = worker.output.text()
            self._retire()
            raise WorkerStartError(f"the worker exited with code {died.returncode} before running your file:\n{output}") from None
        if ready.get("event") != "ready" or ready.get("token") != worker.token:
            self._retire()
            raise WorkerStartError("the worker sent an unexpected first message")
        try:
            loaded = worker.receive(self.limits.timeout)
            if loaded.get("event") != "loaded" or loaded.get("token") != worker.token:
                raise _Forged
        except Exception as problem:  # noqa: BLE001
            self._retire()
            failure = self._failure(problem, "importing your file")
            self._import_failure = type(failure)(f"your file could not be imported: {failure.message}", failure.details)
            raise self._fresh_import_failure() from None
        self._note(loaded)
        restored = loaded.get("restored")
        if isinstance(restored, list) and restored:
            names = ", ".join(str(name) for name in restored[:5]) + (f" and {len(restored) - 5} more" if len(restored) > 5 else "")
            self._incident(f"the originals were put back for grading of what your file replaced while being imported: {names}")
        error = loaded.get("error")
        if error:
            self._import_failure = LearnerFailure(
                f"your file could not be imported: {exception_summary(error)}", error.get("traceback", "")
            )
            self._retire()
            raise self._fresh_import_failure()
        self._loaded = True

    def _fresh_import_failure(self) -> LearnerFailure:
        """A copy of the import failure: a test may add context to the message of what it catches."""
        failure = self._import_failure
        assert failure is not None
        return type(failure)(failure.message, failure.details)

    def _note(self, reply: dict[str, Any]) -> None:
        """Record what the worker refused the learner's code (reading the references, ...)."""
        notes = reply.get("notes")
        if isinstance(notes, list):
            for note in notes:
                self._incident(f"refused: {note}")

    def _incident(self, line: str) -> None:
        line = line if len(line) <= 300 else line[:297] + "..."
        if line not in self.incidents and len(self.incidents) < _MAX_NOTES:
            self.incidents.append(line)

    def _failure(self, problem: Exception, activity: str) -> LearnerFailure:
        failure: LearnerFailure
        if isinstance(problem, _Forged):
            failure = LearnerFailure(f"the grader received an answer it did not ask for while {activity}: "
                                     "something in your code wrote to the grader's pipe")
        elif isinstance(problem, _TimedOut):
            failure = LearnerTimeout(f"timed out after {self.limits.timeout:g} s while {activity} (an endless loop?)")
        elif isinstance(problem, _OutOfMemory):
            failure = LearnerFailure(f"used more than {self.limits.memory / 2**30:.1f} GiB of memory while {activity}")
        elif isinstance(problem, _Died) and problem.returncode == EXIT_TOO_MANY_PROCESSES:
            failure = LearnerFailure(f"your code ran more than {self.limits.processes} processes at once while {activity}")
        elif isinstance(problem, _Died):
            code = problem.returncode
            if code is not None and code < 0:
                reason = f"was killed by signal {signal.Signals(-code).name}"
            else:
                reason = f"exited with code {code} (did your code call os._exit?)"
            failure = LearnerFailure(f"the process running your code {reason} while {activity}")
        else:
            failure = LearnerFailure(f"the grader could not read the result of {activity}: {problem}")
        self.incidents.append(failure.message)
        return failure

    def _retire(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._outputs.append(self._worker.output.text())
            self._output_bytes += self._worker.output.total
            self._output_kept += len(self._worker.output.kept)
            self._worker = None
            self._retired += 1

    def output(self) -> str:
        """Everything the learner's code printed so far (truncated per worker)."""
        parts = list(self._outputs)
        if self._worker is not None:
            parts.append(self._worker.output.text())
        return "".join(part for part in parts if part)

    def close(self) -> None:
        self._retire()
        if self._own_server is not None:
            self._own_server.close()
            self._own_server = None
        if self._output_bytes > self._output_kept:
            self.incidents.append(
                f"printed {_size(self._output_bytes)} of output; the first {_size(self._output_kept)} were kept"
            )


def _size(count: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"
