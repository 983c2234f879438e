"""A fork server: one process imports torch once, then forks a fresh worker for each learner.

Starting a worker with ``python -m grader._worker`` costs a torch import (2-3 s); forking one
from a process that has already imported torch costs about 20 ms. The server is started as a
fresh interpreter, so a worker forked from it holds nothing but torch and the probes: no other
learner's file, no reference, no expected data.

The server itself lives in :mod:`grader._zygote`; it is the parent of what it forks, reaps it
and reports exit statuses. The grading process is a "child subreaper" (Linux), so orphans a
learner's code leaves behind are re-parented to it, where :func:`reap_orphans` finds them.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from typing import Any

PR_SET_PDEATHSIG = 1
_PR_SET_CHILD_SUBREAPER = 36
MESSAGE_SIZE = 4096


def prctl(option: int, value: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def become_subreaper() -> bool:
    """Make orphaned descendants of this process its children (Linux); False where unsupported."""
    return sys.platform.startswith("linux") and prctl(_PR_SET_CHILD_SUBREAPER, 1)


class ForkServerError(RuntimeError):
    """The fork server could not start or stopped answering: a problem of the grader."""


class ForkServer:
    """The grader's handle on a fork server process (see :mod:`grader._zygote`).

    The server forks each child directly, so it is the child's parent: it reaps children and
    answers questions about their exit status (:class:`ForkedProcess`).
    """

    def __init__(self, channel: socket.socket, process: subprocess.Popen[bytes] | DirectChild) -> None:
        self._socket = channel
        self.process = process
        self.pid = process.pid
        self._forked = False

    @classmethod
    def start(cls) -> ForkServer:
        """Start a fresh fork server; it imports torch while the caller goes on."""
        if not become_subreaper():
            raise ForkServerError("forking workers needs Linux (PR_SET_CHILD_SUBREAPER)")
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
        try:
            process = subprocess.Popen(
                [sys.executable, "-I", "-B", "-m", "grader._zygote", str(theirs.fileno())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
                pass_fds=(theirs.fileno(),),
            )
        finally:
            theirs.close()
        return cls(ours, process)

    def fork_worker(self, fds: tuple[int, int, int], *, memory: int | None, cwd: str) -> ForkedProcess:
        """Fork a worker on (request read end, response write end, output write end)."""
        return ForkedProcess(self._ask({"op": "fork", "role": "worker", "memory": memory, "cwd": cwd}, fds)["pid"], self)

    def fork_grader(self, fds: tuple[int, int]) -> ForkedProcess:
        """Fork a grading process on (job read end, result write end) (see :mod:`grader._grade`)."""
        return ForkedProcess(self._ask({"op": "fork", "role": "grader"}, fds)["pid"], self)

    def status(self, pid: int, wait: float = 0.0) -> int | None:
        """The exit code of a child (negative: killed by that signal), waiting up to ``wait`` seconds; None if it runs."""
        return self._ask({"op": "status", "pid": pid, "wait": wait})["status"]

    def _ask(self, request: dict[str, Any], fds: tuple[int, ...] = ()) -> dict[str, Any]:
        request = {**request, "server_pid": self.pid}
        self._forked = self._forked or request["op"] == "fork"
        try:
            socket.send_fds(self._socket, [json.dumps(request).encode()], list(fds))
            reply = self._socket.recv(MESSAGE_SIZE)
        except OSError as error:
            raise ForkServerError(f"the fork server stopped answering ({error})") from None
        if not reply:
            raise ForkServerError("the fork server exited")
        answer = json.loads(reply)
        if "error" in answer:
            raise ForkServerError(f"the fork server could not do {request['op']}: {answer['error']}")
        return answer

    def close(self) -> None:
        """Hang up: the server exits when it reads the end of its channel (its children die with it).

        A server that never forked has nothing to reap: it is killed at once, not waited for while
        it may still be importing torch."""
        self._socket.close()
        if not self._forked:
            kill_tree(self.pid)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            kill_tree(self.pid)
            self.process.wait()


class DirectChild:
    """A child forked by this very process: the part of ``Popen`` the fork server handle needs."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def wait(self, timeout: float | None = None) -> int | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG if deadline is not None else 0)
            except ChildProcessError:
                self.returncode = -signal.SIGKILL
                break
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            elif deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            else:
                time.sleep(0.005)
        return self.returncode


class ForkedProcess:
    """A child of a fork server: the part of ``Popen`` the sandbox uses, answered by the server."""

    def __init__(self, pid: int, server: ForkServer) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._server = server

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self._server.status(self.pid)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """The exit code; None when the process still runs after ``timeout`` seconds (default 1)."""
        if self.returncode is None:
            self.returncode = self._server.status(self.pid, wait=1.0 if timeout is None else timeout)
        if self.returncode is None and timeout is not None:
            raise subprocess.TimeoutExpired(str(self.pid), timeout)
        return self.returncode


def live_descendants(pid: int) -> list[int]:
    """The processes below ``pid`` that still run (zombies waiting to be reaped left out)."""
    return [child for child in descendants(pid) if _alive(child)]


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid``, children before grandchildren."""
    found: list[int] = []
    pending = [pid]
    while pending:
        children = _children(pending.pop(0))
        if children is None:
            return _descendants_by_scan(pid)
        found.extend(children)
        pending.extend(children)
    return found


def _children(pid: int) -> list[int] | None:
    """From /proc/PID/task/*/children; [] for a process that is gone; None where the kernel lacks the file."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    children: list[int] = []
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as listing:
                children.extend(int(child) for child in listing.read().split())
        except FileNotFoundError:
            if os.path.exists(f"/proc/{pid}/task/{task}"):
                return None
        except OSError:
            pass
    return children


def _descendants_by_scan(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        parent = _parent(int(entry)) if entry.isdigit() else None
        if parent is not None:
            children.setdefault(parent, []).append(int(entry))
    found: list[int] = []
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def kill_tree(pid: int) -> None:
    """SIGKILL ``pid``, its process group and every descendant, whatever session they moved to."""
    kill_descendants(pid)
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def kill_descendants(pid: int, rounds: int = 50) -> None:
    """SIGKILL every process below ``pid`` (not ``pid`` itself), forking ones included.

    Each round stops what it finds (a stopped process cannot fork) until a round finds nothing
    new, then kills them all: a fork bomb cannot outrun it.
    """
    for _ in range(rounds):
        stopped: list[int] = []
        for _ in range(rounds):
            found = [child for child in descendants(pid) if child not in stopped and _alive(child)]
            if not found:
                break
            for victim in found:
                _signal(victim, signal.SIGSTOP)
            stopped += found
        if not stopped:
            return
        for victim in stopped:
            _signal(victim, signal.SIGKILL)
            _signal(victim, signal.SIGCONT)


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a process that still runs (not a zombie waiting to be reaped)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return False


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def reap_orphans(keep: set[int]) -> int:
    """Kill and reap children of this process that nobody owns (a learner's re-parented orphans)."""
    reaped = 0
    for pid in _children(os.getpid()) or []:
        if pid in keep:
            continue
        kill_tree(pid)
        try:
            os.waitpid(pid, 0)
            reaped += 1
        except ChildProcessError:
            pass
    return reaped


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None
