"""The fork server process: imports torch once, then forks workers and grading processes.

Run as ``python -I -B -m grader._zygote FD``; :class:`grader._forkserver.ForkServer` is its
handle. It stays single-threaded and never runs a probe, a reference or learner code, so every
fork starts from the same clean state: torch and the probes imported, nothing else.

Each request is one datagram: JSON options and the file descriptors the child needs, or a
question about a child's exit status (the server is the parent of what it forks, so it reaps).
A grading process first forks a private server of its own from its still-clean self, for the
workers it will need.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import signal
import socket
import sys
import time
from typing import Any

from grader._forkserver import MESSAGE_SIZE, PR_SET_PDEATHSIG, prctl


def prepare() -> None:
    """Import everything a worker or grading process would otherwise import again and again."""
    from grader import _worker
    from grader._catalog import EXERCISES

    _worker.prepare()
    import torch._dynamo  # noqa: F401 - every optimizer.step() imports it (2-3 s); once here, not once per worker

    _worker.prepare_guard([importlib.import_module(exercise.probes_module) for exercise in EXERCISES])


def serve(channel: socket.socket) -> None:
    """Answer fork and status requests until the requesting process hangs up."""
    statuses: dict[int, int] = {}
    children: set[int] = set()
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(channel, MESSAGE_SIZE, 3)
        except OSError:
            return
        if not message:
            return
        _reap(children, statuses)
        try:
            request = json.loads(message)
            if request["op"] == "fork":
                pid = _fork(channel, request, fds)
                children.add(pid)
                reply: dict[str, Any] = {"pid": pid}
            else:
                reply = {"status": _status(request["pid"], request["wait"], children, statuses)}
        except Exception as error:  # noqa: BLE001 - reported to the requester, which decides
            reply = {"error": f"{type(error).__name__}: {error}"}
        finally:
            for fd in fds:
                os.close(fd)
        channel.send(json.dumps(reply).encode())


def _reap(children: set[int], statuses: dict[int, int]) -> None:
    """Collect every child that has exited, remembering (a bounded number of) exit codes."""
    for pid in list(children):
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done, status = pid, -signal.SIGKILL
        if done:
            children.discard(pid)
            statuses[pid] = os.waitstatus_to_exitcode(status) if status >= 0 else status
    while len(statuses) > 10_000:
        del statuses[next(iter(statuses))]


def _status(pid: int, wait: float, children: set[int], statuses: dict[int, int]) -> int | None:
    deadline = time.monotonic() + wait
    while pid not in statuses and pid in children:
        _reap(children, statuses)
        if pid in statuses or time.monotonic() >= deadline:
            break
        time.sleep(0.002)
    return statuses.get(pid)


def _fork(channel: socket.socket, options: dict[str, Any], fds: list[int]) -> int:
    child = os.fork()
    if child == 0:
        _become(channel, options, fds)
    return child


def _become(channel: socket.socket, options: dict[str, Any], fds: list[int]) -> None:
    """In the forked child: do the requested job, and never return into the server's loop."""
    code = 1
    try:
        channel.close()
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # no child outlives its server, nor the server its grader
        if os.getppid() != options["server_pid"]:
            os._exit(1)
        if options["role"] == "worker":
            _become_worker(options, fds)
        elif options["role"] == "grader":
            _become_grader(fds)
        code = 0
    except BaseException:  # noqa: BLE001
        import traceback

        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
        os._exit(code)


def _become_worker(options: dict[str, Any], fds: list[int]) -> None:
    import resource

    from grader import _worker

    os.setsid()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if options.get("memory") is not None:
        resource.setrlimit(resource.RLIMIT_AS, (options["memory"], options["memory"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    request_fd, response_fd, output_fd = fds
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    _close_all_but({0, 1, 2, request_fd, response_fd})
    os.chdir(options["cwd"])
    _worker.serve(request_fd, response_fd)


def _become_grader(fds: list[int]) -> None:
    """A grading process: fork a private server from this clean state, then grade jobs."""
    from grader import _grade
    from grader._forkserver import DirectChild, ForkServer, become_subreaper

    job_fd, result_fd = fds
    _close_all_but({0, 1, 2, job_fd, result_fd})
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    gc.freeze()
    server = os.fork()
    if server == 0:
        ours.close()
        os.close(job_fd)
        os.close(result_fd)
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        serve(theirs)
        os._exit(0)
    theirs.close()
    gc.unfreeze()
    become_subreaper()
    _grade.serve_jobs(job_fd, result_fd, ForkServer(ours, DirectChild(server)))


def _close_all_but(keep: set[int]) -> None:
    for entry in os.listdir("/proc/self/fd"):
        if int(entry) not in keep:
            try:
                os.close(int(entry))
            except OSError:
                pass


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.dont_write_bytecode = True
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    prepare()
    gc.freeze()  # children share these pages: no garbage collection in them copies or scans them
    serve(socket.socket(fileno=int(sys.argv[1])))


if __name__ == "__main__":
    main()
