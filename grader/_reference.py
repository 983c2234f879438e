"""The reference side of every comparison: the same probes, run in the grader's own process
on the kit's solution (trusted code), once per distinct request."""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from types import ModuleType
from typing import Any

from grader import _codec
from grader._catalog import Exercise
from grader.probing import call_probe


class ReferenceFailure(RuntimeError):
    """The reference failed a probe: a bug in the kit, never the learner's fault."""


def load_reference(exercise: Exercise) -> ModuleType:
    """Import ``solutions/exerciseN.py`` once per process, under a private module name."""
    name = f"grader_reference_{exercise.name}"
    module = sys.modules.get(name)
    if module is None:
        path = exercise.reference_path
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ReferenceFailure(f"cannot load the reference {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
    return module


_SHARED: dict[tuple[str, str], ReferenceRunner] = {}


class ReferenceRunner:
    """Answers ``probe(name, **kwargs)`` from the reference, with the data a worker would send."""

    def __init__(self, exercise: Exercise, device: str, module: ModuleType | None = None) -> None:
        self.exercise = exercise
        self.device = device
        self._module = module
        self._probes = importlib.import_module(exercise.probes_module)
        self._cache: dict[tuple[str, str], bytes] = {}

    @property
    def module(self) -> ModuleType:
        if self._module is None:
            self._module = load_reference(self.exercise)
        return self._module

    @classmethod
    def shared(cls, exercise: Exercise, device: str) -> ReferenceRunner:
        """One runner per exercise and device in this process, so its answers are computed once."""
        key = (exercise.name, device)
        if key not in _SHARED:
            _SHARED[key] = cls(exercise, device)
        return _SHARED[key]

    def probe(self, name: str, **kwargs: Any) -> Any:
        key = (name, json.dumps(kwargs, sort_keys=True))
        if key not in self._cache:
            try:
                data = call_probe(self._probes, name, self.module, self.device, kwargs)
            except Exception as error:
                raise ReferenceFailure(f"the reference failed probe {name!r}: {type(error).__name__}: {error}") from error
            self._cache[key] = _codec.encode(data)
        return _codec.decode(self._cache[key])  # a fresh copy each time: no test can spoil the next one's data
