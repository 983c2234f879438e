"""What learner code must not rebind: the names probes and the worker rely on.

Probes run in the learner's process, so a submission could replace ``torch.allclose``,
``builtins.isinstance``, a probe, or the codec, and make a probe report what it wants. A
:class:`Guard` remembers, before the learner's file is imported, the functions, classes and
modules bound in the modules probes use, and every attribute of the classes defined in them. The worker checks it after the
import and after every probe: bindings changed at import are put back (the submission is graded
against the real torch), and a change made while a probe ran makes that probe's result worthless,
so it is refused.

This stops monkeypatching, not a determined attack from inside the process (see the README's
security model): native code, a thread racing the probes, or writing to the grader's pipe are
outside what a snapshot of names can see.
"""

from __future__ import annotations

import itertools
import operator
import sys
from collections.abc import Iterable
from types import ModuleType
from typing import Any

GUARDED_MODULES = (
    "builtins", "math", "numbers", "json", "struct", "itertools", "functools", "contextlib", "collections", "copy",
    "random", "operator", "types", "io", "os", "os.path", "linecache", "traceback", "tempfile", "pathlib", "csv", "pickle",
    "numpy", "numpy.random",
)
GUARDED_PREFIXES = ("grader", "torch.nn", "torch.optim", "torch.utils.data", "torch.autograd", "torch.testing")
GUARDED_TORCH = ("torch", "torch._C", "torch._tensor", "torch.functional", "torch.random", "torch.serialization",
                 "torch.storage", "torch.overrides", "torch._utils")
_UNGUARDED = {("torch", "Storage")}
"""Bindings torch itself changes: ``torch.Storage`` follows the default dtype."""
_IMMUTABLE_TYPE = 1 << 8
_MISSING = object()


class Guard:
    """A snapshot of module and class namespaces; see the module docstring."""

    def __init__(self, modules: Iterable[ModuleType]) -> None:
        self._entries: list[_Entry] = []
        classes: dict[int, type] = {}
        for module in modules:
            self._entries.append(_Entry(module.__name__, module, False))
            for value in list(vars(module).values()):
                if isinstance(value, type) and _owned(value, module) and not value.__flags__ & _IMMUTABLE_TYPE:
                    classes[id(value)] = value
        for cls in classes.values():
            self._entries.append(_Entry(f"{cls.__module__}.{cls.__qualname__}", cls, True))

    @classmethod
    def for_worker(cls, extra: Iterable[ModuleType] = ()) -> Guard:
        """Every guarded module loaded now, plus ``extra`` (the exercise's probes)."""
        names = set(GUARDED_MODULES) | set(GUARDED_TORCH)
        modules = {id(module): module for name, module in list(sys.modules.items())
                   if isinstance(module, ModuleType) and (name in names or name.startswith(GUARDED_PREFIXES))}
        for module in extra:
            modules[id(module)] = module
        return cls(modules.values())

    def covers(self, module: ModuleType) -> bool:
        """Whether ``module``'s namespace is part of the snapshot."""
        return any(entry.owner is module for entry in self._entries)

    def changes(self) -> list[str]:
        """The dotted names whose binding differs from the snapshot, sorted."""
        changed: list[str] = []
        for entry in self._entries:
            if not entry.intact():
                changed += entry.changes()
        return sorted(set(changed))

    def restore(self) -> list[str]:
        """Put every binding back; the names that had changed."""
        changed = self.changes()
        for entry in self._entries:
            if not entry.intact():
                entry.restore()
        return changed


class _Entry:
    """One namespace (a module's dict or a class's) and the bindings it had.

    Only code is guarded: functions, classes, modules and descriptors. Plain data (flags, caches,
    counters such as ``RemovableHandle.next_id``) changes as torch works.
    """

    __slots__ = ("label", "owner", "is_class", "keys", "values", "size")

    def __init__(self, label: str, owner: Any, is_class: bool) -> None:
        self.label, self.owner, self.is_class = label, owner, is_class
        namespace = vars(owner)
        items = tuple((key, value) for key, value in namespace.items()
                      if _guarded(value) and (getattr(owner, "__name__", None), key) not in _UNGUARDED)
        self.keys = tuple(key for key, _ in items)
        self.values = tuple(value for _, value in items)
        self.size = len(namespace)

    def intact(self) -> bool:
        namespace = vars(self.owner)
        if self.is_class and len(namespace) != self.size and self._added():
            return False
        return all(map(operator.is_, map(namespace.get, self.keys, itertools.repeat(_MISSING)), self.values))

    def _added(self) -> list[str]:
        """Code added to a class (an attribute that shadows an inherited method, say)."""
        namespace = vars(self.owner)
        known = set(self.keys)
        added = [key for key, value in namespace.items() if key not in known and _guarded(value)]
        if not added:
            self.size = len(namespace)
        return added

    def changes(self) -> list[str]:
        namespace = vars(self.owner)
        changed = [f"{self.label}.{key}" for key in self._added()] if self.is_class else []
        for key, value in zip(self.keys, self.values):
            if namespace.get(key, _MISSING) is not value:
                changed.append(f"{self.label}.{key}")
        return changed

    def restore(self) -> None:
        namespace = vars(self.owner)
        if self.is_class:
            for key in self._added():
                type.__delattr__(self.owner, key)
        for key, value in zip(self.keys, self.values):
            if namespace.get(key, _MISSING) is not value:
                if self.is_class:
                    type.__setattr__(self.owner, key, value)
                else:
                    namespace[key] = value
        self.size = len(namespace)


def _guarded(value: Any) -> bool:
    return callable(value) or isinstance(value, ModuleType) or hasattr(type(value), "__get__")


def _owned(cls: type, module: ModuleType) -> bool:
    """Whether ``cls`` is one of the kit's, torch's or NumPy's (not a learner's class re-exported)."""
    name = getattr(cls, "__module__", None)
    return isinstance(name, str) and name.split(".")[0] in ("torch", "grader", "numpy", "builtins") or module.__name__ == "builtins"
