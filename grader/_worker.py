"""The worker: the only process that runs learner code.

Started by :mod:`grader._sandbox` as ``python -I -B -m grader._worker REQUEST_FD RESPONSE_FD``,
or forked by :mod:`grader._forkserver` from a process that imported torch already. It reads its
configuration (the first JSON line on the request pipe: exercise, device, the learner's source),
fences off the kit's references, imports the learner's source, then answers probe requests (JSON
lines on the request pipe) with plain-data frames (on the response pipe).
Learner output goes to stdout/stderr, which the grader drains separately, so printing can never
corrupt the answers.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import IO, Any

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
    """The grader's pipes, kept apart from the learner's stdin/stdout/stderr."""

    def __init__(self, request_fd: int, response_fd: int) -> None:
        self._requests: IO[bytes] = os.fdopen(request_fd, "rb")
        self._responses: IO[bytes] = os.fdopen(response_fd, "wb")

    def send(self, message: dict[str, Any]) -> None:
        from grader import _codec

        try:
            payload = _codec.encode(message)
        except (TypeError, RuntimeError) as error:
            payload = _codec.encode({"ok": False, "error": _not_plain_data(error)})
        _flush_learner_output()
        _codec.write_frame(self._responses, payload)

    def receive(self) -> dict[str, Any] | None:
        line = self._requests.readline()
        return json.loads(line) if line else None


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
    import grader.probing  # noqa: F401


def serve(request_fd: int, response_fd: int) -> None:
    """Read the configuration, import the learner's source, answer probes until the grader hangs up."""
    channel = _Channel(request_fd, response_fd)
    config = channel.receive()
    if config is None:
        return
    prepare()
    from grader import probing

    device = probing.resolve_device(config["device"])
    probes = importlib.import_module(config["probes_module"])
    learner_path = config["learner_path"]
    locate = _locator(config.get("cells"))
    _fence_off_references(config["kit_root"], str(Path(learner_path).parent))
    channel.send({"event": "ready"})

    module: ModuleType | None = None
    try:
        module = _import_learner(config["module_name"], learner_path, config["source"], notebook=bool(config.get("cells")))
        channel.send({"event": "loaded", "error": None})
    except BaseException as error:  # noqa: BLE001 - SystemExit and friends are learner errors too
        channel.send({"event": "loaded", "error": probing.describe_exception(error, learner_path, locate)})

    while (request := channel.receive()) is not None:
        try:
            data = probing.call_probe(probes, request["probe"], module, device, request["kwargs"])
            reply: dict[str, Any] = {"ok": True, "data": data}
        except BaseException as error:  # noqa: BLE001
            reply = {"ok": False, "error": probing.describe_exception(error, learner_path, locate)}
        channel.send(reply)


def main() -> None:
    sys.dont_write_bytecode = True
    serve(int(sys.argv[1]), int(sys.argv[2]))


if __name__ == "__main__":
    main()
