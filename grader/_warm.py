"""Warm fork servers: grade again and again in one process, and import torch once.

Each ``check``, ``grade_files``, ``check_all`` or ``grade`` call starts a fork server (or a fresh
worker interpreter) that imports torch: 2-3 s before the first learner's code runs. A caller that
grades many times in one process (the kit's own tests, ``grader watch``, a notebook) wraps its calls
in :func:`keep_warm`; within the block each call forks its workers and grading processes from a
server that stays up between calls.

A server's children inherit the environment it was started in, so a warm server is reused only
where the environment is the same as now (the variables only the grading process reads left out):
a worker forked from it is the worker a fresh server would fork. Workers move to a scratch folder
of their own, but grading processes keep the server's working directory, so a server that forks
them must also have been started in the current one.
"""

from __future__ import annotations

import contextlib
import os
from collections import OrderedDict
from collections.abc import Iterator

from grader._forkserver import ForkServer

GRADER_ONLY = frozenset({"GRADER_STATE_DIR", "PYTEST_CURRENT_TEST"})
"""Variables that no worker or grading process reads: a change of them keeps a server warm."""
_KEPT = 4
"""Servers kept at most (one per environment seen); the least recently used one goes first."""

_Key = tuple[str, tuple[tuple[str, str], ...]]


class _WarmServers:
    def __init__(self) -> None:
        self._servers: OrderedDict[_Key, ForkServer] = OrderedDict()

    def get(self, *, same_directory: bool) -> ForkServer:
        """The server for the current environment (and directory); started if there is none or it died."""
        key = _key(same_directory)
        server = self._servers.pop(key, None)
        if server is not None and server.process.poll() is not None:
            server.close()
            server = None
        if server is None:
            server = ForkServer.start()
        self._servers[key] = server
        while len(self._servers) > _KEPT:
            self._servers.popitem(last=False)[1].close()
        return server

    def pids(self) -> set[int]:
        return {server.pid for server in self._servers.values()}

    def close(self) -> None:
        while self._servers:
            self._servers.popitem()[1].close()


_warm: _WarmServers | None = None


def _key(same_directory: bool) -> _Key:
    environment = tuple(sorted((name, value) for name, value in os.environ.items() if name not in GRADER_ONLY))
    return os.getcwd() if same_directory else "", environment


@contextlib.contextmanager
def keep_warm() -> Iterator[None]:
    """Within the block, grading calls of this process share fork servers that stay up between calls.

    Verdicts are the same as without it; only the start-up is saved. Blocks may nest (the outermost
    one owns the servers); the servers are closed when it ends.
    """
    global _warm
    if _warm is not None:
        yield
        return
    _warm = _WarmServers()
    try:
        yield
    finally:
        servers, _warm = _warm, None
        servers.close()


@contextlib.contextmanager
def suspended() -> Iterator[None]:
    """Within the block, grading calls start their own servers (or fresh workers) as outside
    :func:`keep_warm`; the warm servers stay up for after it."""
    global _warm
    servers, _warm = _warm, None
    try:
        yield
    finally:
        _warm = servers


def warm_server(*, forks_graders: bool = False) -> ForkServer | None:
    """The warm server for the current environment within :func:`keep_warm`; None outside it.
    ``forks_graders``: it will fork grading processes, so it must share the current directory too."""
    return _warm.get(same_directory=forks_graders) if _warm is not None else None


@contextlib.contextmanager
def fork_server(*, forks_graders: bool = False) -> Iterator[ForkServer]:
    """A fork server for one grading call: the warm one within :func:`keep_warm`, else a fresh one
    that is closed when the call ends. Raises :class:`~grader._forkserver.ForkServerError`."""
    server = warm_server(forks_graders=forks_graders)
    if server is not None:
        yield server
        return
    server = ForkServer.start()
    try:
        yield server
    finally:
        server.close()


def warm_pids() -> set[int]:
    """The processes of the warm servers: children of this process that no reaper may kill."""
    return _warm.pids() if _warm is not None else set()
