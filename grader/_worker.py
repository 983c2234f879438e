"""The worker: the only process that runs learner code.

Started by :mod:`grader._sandbox` as ``python -I -B -m grader._worker REQUEST_FD RESPONSE_FD``,
or forked by :mod:`grader._forkserver` from a process that imported torch already. It reads its
configuration (the first JSON line on the request pipe: exercise, device, the learner's source,
a random token), then forks: the parent stays behind as the *supervisor* (it never runs learner
code; every process the learner starts stays below it and dies with the worker), the child
confines itself (:mod:`grader._confine`), snapshots what probes rely on
(:mod:`grader._integrity`), imports the learner's source, and answers probe requests (JSON lines
with a random id on the request pipe) with plain-data frames that echo the id (on the response
pipe). Learner output goes to stdout/stderr, which the grader drains separately, so printing can
never corrupt the answers.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import json
import linecache
import os
import resource
import select
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from grader._integrity import Guard

BLOCKED_MODULES = ("solutions", "grader._kit")


class _ReferenceBlocker(importlib.abc.MetaPathFinder):
    """Refuses to import the kit's references from learner code."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        for blocked in BLOCKED_MODULES:
            if fullname == blocked or fullname.startswith(blocked + "."):
                raise ImportError(f"{fullname!r} is not available while grading: write your own solution")
        return None


def _fence_off_references(kit_root: str, learner_dir: str) -> None:
    root = os.path.realpath(kit_root)
    sys.path[:] = [entry for entry in sys.path if os.path.realpath(entry or ".") != root]
    if os.path.realpath(learner_dir) != root:
        sys.path.insert(0, learner_dir)
    sys.meta_path.insert(0, _ReferenceBlocker())
    if any(blocked in sys.modules for blocked in BLOCKED_MODULES):  # a submodule comes with its package
        for name in list(sys.modules):
            if any(name == blocked or name.startswith(blocked + ".") for blocked in BLOCKED_MODULES):
                del sys.modules[name]


class _SourceLoader(importlib.abc.SourceLoader):
    """Loads the learner's module from the source the grader sent, never from the disk."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source

    def get_filename(self, fullname: str) -> str:
        return self.path

    def get_data(self, path: str) -> bytes:
        return self.source.encode("utf-8")

    def path_stats(self, path: str) -> dict[str, Any]:
        raise OSError("no bytecode cache for learner code")


def _display(*objects: Any, **options: Any) -> None:
    """IPython's ``display`` for notebooks' exploration cells: grading shows nothing."""


def _import_learner(module_name: str, path: str, source: str, notebook: bool = False) -> ModuleType:
    spec = importlib.util.spec_from_loader(module_name, _SourceLoader(path, source), origin=path)
    assert spec is not None
    spec.has_location = True
    module = importlib.util.module_from_spec(spec)
    if notebook:
        module.display = _display  # type: ignore[attr-defined]
    sys.modules[module_name] = module
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _locator(cells: list[list[int]] | None) -> Callable[[int], dict[str, int]] | None:
    """Source line -> the learner's coordinates (a notebook's cell and line)."""
    if not cells:
        return None

    def locate(line: int) -> dict[str, int]:
        if 1 <= line <= len(cells):
            return {"cell": cells[line - 1][0], "line": cells[line - 1][1]}
        return {"line": line}

    return locate


class _Channel:
    """The grader's pipes, kept apart from the learner's stdin/stdout/stderr.

    It holds its own references to the codec, taken before any learner code runs, so that
    rebinding ``grader._codec.encode`` cannot change what is sent.
    """

    def __init__(self, request_fd: int, response_fd: int) -> None:
        from grader import _codec

        self._requests: IO[bytes] = os.fdopen(request_fd, "rb")
        self._responses: IO[bytes] = os.fdopen(response_fd, "wb")
        self._encode = _codec.encode
        self._write_frame = _codec.write_frame

    def send(self, message: dict[str, Any]) -> None:
        try:
            payload = self._encode(message)
        except (TypeError, RuntimeError) as error:
            plain = {key: message[key] for key in ("event", "token", "id") if key in message}
            payload = self._encode({**plain, "ok": False, "error": _not_plain_data(error)})
        _flush_learner_output()
        self._write_frame(self._responses, payload)

    def receive(self) -> dict[str, Any] | None:
        line = self._requests.readline()
        return json.loads(line) if line else None

    def close(self) -> None:
        for stream in (self._requests, self._responses):
            try:
                stream.close()
            except OSError:
                pass


def _not_plain_data(error: BaseException) -> dict[str, Any]:
    return {
        "type": "TypeError",
        "message": f"the result could not be sent back to the grader ({error})",
        "where": None,
        "traceback": "",
    }


def _flush_learner_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a learner may have replaced or closed them
            pass


def prepare() -> None:
    """What every worker needs before its configuration arrives; a fork server does it once."""
    import torch

    from grader._warmup import skip_lazy_dynamo_import

    torch.set_num_threads(1)
    skip_lazy_dynamo_import()

    _hook_optimizer_steps()
    import grader._codec  # noqa: F401
    import grader._confine  # noqa: F401
    import grader._forkserver  # noqa: F401
    import grader._integrity  # noqa: F401
    import grader.probing  # noqa: F401


_PREPARED_GUARD: Guard | None = None
"""A fork server's snapshot (:func:`prepare_guard`), inherited by every worker it forks."""


def prepare_guard(probes: list[ModuleType]) -> None:
    """Snapshot what probes rely on once, in a fork server: a worker then checks the snapshot it
    inherits instead of building its own (about 50 ms of copy-on-write page faults saved)."""
    global _PREPARED_GUARD
    from grader._integrity import Guard

    _PREPARED_GUARD = Guard.for_worker(probes)
    _PREPARED_GUARD.changes()  # takes in the binding just made, so that workers start from a settled snapshot


def _hook_optimizer_steps() -> None:
    """torch wraps each optimizer class's ``step`` when its first instance is built; do it now, so
    that building ``torch.optim.SGD`` in a probe changes nothing the worker's snapshot holds."""
    import torch

    pending = list(torch.optim.Optimizer.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith("torch."):
            try:
                torch.optim.Optimizer._patch_step_function(cls.__new__(cls))
            except Exception:  # noqa: BLE001 - torch's internals differ: the first real instance does it
                pass


def serve(request_fd: int, response_fd: int) -> None:
    """Read the configuration, split off a supervisor, confine this process, import the learner's
    source, and answer probes until the grader hangs up."""
    channel = _Channel(request_fd, response_fd)
    config = channel.receive()
    if config is None:
        return
    prepare()
    from grader import probing
    from grader._confine import build_policy, confine
    from grader._integrity import Guard

    device = probing.resolve_device(config["device"])
    probes = importlib.import_module(config["probes_module"])
    learner_path = config["learner_path"]
    learner_dir = str(Path(learner_path).parent)
    limits = config.get("limits") or {}
    token = config.get("token")
    max_processes = int(limits.get("processes", DEFAULT_PROCESSES))
    supervisor = _split_off_supervisor(channel, max_processes)

    scratch = os.getcwd()
    _fence_off_references(config["kit_root"], learner_dir)
    _private_temp_dir(scratch)
    _limit_file_size(limits.get("file_size"))
    linecache.cache[learner_path] = (len(config["source"]), None, config["source"].splitlines(True), learner_path)
    locate = _locator(config.get("cells"))
    notes: list[str] = []
    policy = build_policy(scratch=scratch, learner_dir=learner_dir, kit_root=config["kit_root"],
                          package_dir=str(Path(probing.__file__).resolve().parent), supervisor=supervisor,
                          max_processes=max_processes)
    table = {name: value for name, value in vars(probes).items() if callable(value) and getattr(value, probing._MARK, False)}
    guard = _PREPARED_GUARD if _PREPARED_GUARD is not None and _PREPARED_GUARD.covers(probes) else None
    if guard is None or guard.changes():
        guard = Guard.for_worker([probes])  # before confine(): a guard watches dicts through ctypes
    sandbox = confine(policy, notes.append)
    # From here on, only what is bound now: learner code may rebind any name looked up later.
    restore, send, receive = guard.restore, channel.send, channel.receive
    run_probe, describe, reset = probing.run_probe, probing.describe_exception, probing.reset_torch_state
    send({"event": "ready", "token": token, "sandbox": sandbox})

    def take_notes() -> list[str]:
        taken = notes[:]
        del notes[:]
        return taken

    module: ModuleType | None = None
    loaded: dict[str, Any] = {"event": "loaded", "token": token, "error": None}
    try:
        module = _import_learner(config["module_name"], learner_path, config["source"], notebook=bool(config.get("cells")))
    except BaseException as error:  # noqa: BLE001 - SystemExit and friends are learner errors too
        loaded["error"] = describe(error, learner_path, locate)
        _release(error)
    restored = restore()
    reset()
    if restored:
        loaded["restored"] = restored
    send({**loaded, "notes": take_notes()})

    while (request := receive()) is not None:
        name = request.get("probe")
        try:
            function = table.get(name)
            if function is None:
                raise LookupError(f"{config['probes_module']} has no probe named {name!r}")
            data = run_probe(function, module, device, request.get("kwargs") or {})
            reply: dict[str, Any] = {"ok": True, "data": data}
        except BaseException as error:  # noqa: BLE001
            reply = {"ok": False, "error": describe(error, learner_path, locate)}
            _release(error)
        changed = restore()
        if changed:
            reply = {"ok": False, "error": _tampering(changed, name)}
        send({**reply, "id": request.get("id"), "notes": take_notes()})


DEFAULT_PROCESSES = 32
"""Used only when the grader sends no limit (it always sends ``Limits.processes``)."""
EXIT_TOO_MANY_PROCESSES = 125
"""The supervisor's exit status when learner code ran more than its share of processes."""


def _tampering(changed: list[str], probe: str | None) -> dict[str, Any]:
    shown = ", ".join(f"`{name}`" for name in changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return {
        "type": "Tampering",
        "message": f"your code replaced {shown} while the grader ran `{probe}`, so its result cannot be trusted; "
                   "leave torch, Python's builtins and the grader as they are",
        "where": None,
        "traceback": "",
    }


def _split_off_supervisor(channel: _Channel, max_processes: int) -> int:
    """Fork: the child goes on to run learner code; this process stays behind as its supervisor
    and never returns. Returns the supervisor's pid (in the child)."""
    supervisor = os.getpid()
    child = os.fork()
    if child == 0:
        from grader._forkserver import PR_SET_PDEATHSIG, prctl

        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != supervisor:
            os._exit(1)
        return supervisor
    channel.close()
    _supervise(child, max_processes)
    raise AssertionError("unreachable")


def _supervise(child: int, max_processes: int) -> None:
    """Wait for the learner's process; keep every process it starts, however it detaches
    (``setsid``, double forks, ignored signals), below this one, and kill them all when it ends
    or when they are more than ``max_processes``. Exits with the learner process's status."""
    from grader._forkserver import become_subreaper, kill_descendants, live_descendants

    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    become_subreaper()
    try:
        watch = os.pidfd_open(child)
    except (AttributeError, OSError):
        watch = None
    status: int | None = None
    while status is None:
        if watch is not None:
            select.select([watch], [], [], 0.05)
        else:
            time.sleep(0.02)
        while True:
            try:
                pid, code = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                pid, code = child, 0
            if pid == 0:
                break
            if pid == child:
                status = os.waitstatus_to_exitcode(code)
                break
        if status is None and len(live_descendants(os.getpid())) > max_processes:
            kill_descendants(os.getpid())
            os._exit(EXIT_TOO_MANY_PROCESSES)
    kill_descendants(os.getpid())
    _reap_all(deadline=time.monotonic() + 2.0)
    if status < 0:
        try:
            signal.signal(-status, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), -status)
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(status)


def _release(error: BaseException) -> None:
    """Free what the frames of a failed probe hold, now rather than in some later probe.

    An exception re-raised from a local variable sits in a reference cycle with its traceback,
    which only the cyclic garbage collector breaks: at a moment that falls in a later probe. What
    those frames hold can be costly to free there: a DataLoader iterator whose worker raised takes
    torch ten seconds to shut down inside a collection, and milliseconds outside one.
    """
    traceback.clear_frames(error.__traceback__)


def _reap_all(deadline: float) -> None:
    """Collect every child (orphans included: this process is their subreaper), so that none is
    left as a zombie for an init that may never reap it."""
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.005)


def _private_temp_dir(scratch: str) -> None:
    """Temporary files (``tempfile``, multiprocessing's sockets) go to the scratch folder."""
    os.environ["TMPDIR"] = scratch
    tempfile.tempdir = scratch


def _limit_file_size(size: int | None) -> None:
    """No file bigger than ``size`` bytes; writing past it fails with an error instead of a signal."""
    if size is None:
        return
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


def main() -> None:
    sys.dont_write_bytecode = True
    serve(int(sys.argv[1]), int(sys.argv[2]))
    _flush_learner_output()
    os._exit(0)  # no interpreter teardown: nothing the learner registered with atexit runs


if __name__ == "__main__":
    main()
