"""What learner code must not rebind: the names probes and the worker rely on.

Probes run in the learner's process, so a submission could replace ``torch.allclose``,
``builtins.isinstance``, a probe, or the codec, and make a probe report what it wants. A
:class:`Guard` remembers, before the learner's file is imported, the functions, classes and
modules bound in the modules probes use, and every attribute of the classes defined in them.
The worker checks it after the import and after every probe: bindings changed at import are put
back (the submission is graded against the real torch), and a change made while a probe ran
makes that probe's result worthless, so it is refused.

Checking tens of thousands of bindings after every probe would cost milliseconds, and copy a
worker's share of torch's memory as the check touches every object. Where CPython's dicts carry
a version tag (3.10 to 3.13, checked when the guard is built), the check reads one number per
namespace and compares bindings only in the namespaces whose number moved.

The check itself looks nothing up at run time: every builtin and helper it uses is bound when the
guard is built, before any learner code runs, so rebinding ``builtins.all`` or this module's
names cannot blind it.

This stops monkeypatching, not a determined attack from inside the process (see the README's
security model): a patch that undoes itself before the probe ends, native code, a thread racing
the probes, or writing to the grader's pipe are outside what a snapshot of names can see.
"""

from __future__ import annotations

import ctypes
import gc
import itertools
import operator
import sys
import types
from collections.abc import Callable, Iterable
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


class Guard:
    """A snapshot of module and class namespaces; see the module docstring.

    ``changes()`` lists the dotted names whose binding differs from the snapshot (sorted);
    ``restore()`` puts every binding back and returns the same list; both are closures, which a
    caller takes before any learner code runs. Only code is guarded:
    functions, classes, modules and descriptors. Plain data (flags, caches, counters such as
    ``RemovableHandle.next_id``) changes as torch works.
    """

    def __init__(self, modules: Iterable[ModuleType]) -> None:
        owners: list[tuple[str, Any, bool]] = []
        classes: dict[int, type] = {}
        for module in modules:
            owners.append((module.__name__, module, False))
            for value in list(vars(module).values()):
                if isinstance(value, type) and _owned(value, module) and not value.__flags__ & _IMMUTABLE_TYPE:
                    classes[id(value)] = value
        owners += [(f"{cls.__module__}.{cls.__qualname__}", cls, True) for cls in classes.values()]
        self._owner_ids = frozenset(id(owner) for _, owner, _ in owners)
        self.changes, self.restore = _checkers(owners)

    @classmethod
    def for_worker(cls, extra: Iterable[ModuleType] = ()) -> Guard:
        """Every guarded module loaded now, plus ``extra`` (the exercises' probes)."""
        names = set(GUARDED_MODULES) | set(GUARDED_TORCH)
        modules = {id(module): module for name, module in list(sys.modules.items())
                   if isinstance(module, ModuleType) and (name in names or name.startswith(GUARDED_PREFIXES))}
        for module in extra:
            modules[id(module)] = module
        return cls(modules.values())

    def covers(self, module: ModuleType) -> bool:
        """Whether ``module``'s namespace is part of the snapshot (by identity: the snapshot holds
        its owners, so an id cannot be reused; and a worker forked from the server that built the
        guard need not touch, and so copy, every owner's memory to answer)."""
        return id(module) in self._owner_ids


def _checkers(owners: list[tuple[str, Any, bool]]) -> tuple[Callable[[], list[str]], Callable[[], list[str]]]:
    """The ``changes`` and ``restore`` closures of a guard, with everything they use bound now."""
    _all, _map, _len, _zip, _set, _sorted, _vars = all, map, len, zip, set, sorted, vars
    _callable, _isinstance, _hasattr, _type, _getattr = callable, isinstance, hasattr, type, getattr
    _is, _eq, _repeat, _tuple = operator.is_, operator.eq, itertools.repeat, tuple
    _dict_get, _proxy_get = dict.get, types.MappingProxyType.get
    _setattr, _delattr, _module_type, _unguarded = type.__setattr__, type.__delattr__, ModuleType, frozenset(_UNGUARDED)
    missing = object()

    def guarded(value: Any) -> bool:
        return _callable(value) or _isinstance(value, _module_type) or _hasattr(_type(value), "__get__")

    # One entry per namespace: [label, owner, is_class, keys, values, size of the namespace].
    entries: list[list[Any]] = []
    for label, owner, is_class in owners:
        namespace = _vars(owner)
        items = [(key, value) for key, value in namespace.items()
                 if guarded(value) and (_getattr(owner, "__name__", None), key) not in _unguarded]
        entries.append([label, owner, is_class, _tuple(k for k, _ in items), _tuple(v for _, v in items), _len(namespace)])
    flat: list[tuple[Any, ...]] = []
    versions = _DictVersions([_vars(owner) for _, owner, _ in owners])

    def flatten() -> None:
        """Every binding in flat tuples, so that checking them all is one pass in C."""
        modules = [entry for entry in entries if not entry[2]]
        classes = [entry for entry in entries if entry[2]]
        flat[:] = [
            _tuple(_vars(entry[1]) for entry in modules for _ in entry[3]),
            _tuple(key for entry in modules for key in entry[3]),
            _tuple(value for entry in modules for value in entry[4]),
            _tuple(_vars(entry[1]) for entry in classes for _ in entry[3]),
            _tuple(key for entry in classes for key in entry[3]),
            _tuple(value for entry in classes for value in entry[4]),
            _tuple(_vars(entry[1]) for entry in classes),
            _tuple(entry[5] for entry in classes),
        ]

    def intact() -> bool:
        module_dicts, module_keys, module_values, class_dicts, class_keys, class_values, namespaces, sizes = flat
        return (
            _all(_map(_eq, _map(_len, namespaces), sizes))
            and _all(_map(_is, _map(_dict_get, module_dicts, module_keys, _repeat(missing)), module_values))
            and _all(_map(_is, _map(_proxy_get, class_dicts, class_keys, _repeat(missing)), class_values))
        )

    def added(entry: list[Any]) -> list[str]:
        """Code added to a class (an attribute that shadows an inherited method, say)."""
        namespace = _vars(entry[1])
        known = _set(entry[3])
        found = [key for key, value in namespace.items() if key not in known and guarded(value)]
        if not found:
            entry[5] = _len(namespace)
        return found

    def entry_changes(entry: list[Any]) -> list[str]:
        namespace = _vars(entry[1])
        changed = [key for key in added(entry)] if entry[2] else []
        changed += [key for key, value in _zip(entry[3], entry[4]) if namespace.get(key, missing) is not value]
        return [f"{entry[0]}.{key}" for key in changed]

    def suspects() -> list[list[Any]]:
        """The entries that may have changed: those whose dict moved, or all of them."""
        if versions.usable:
            return [entries[index] for index in versions.moved()]
        return [] if intact() else entries

    def changes() -> list[str]:
        suspected = suspects()
        if not suspected:
            return []
        changed: list[str] = []
        for entry in suspected:
            changed += entry_changes(entry)
        if not changed:
            settle()  # only data changed (a cache, a counter): the new state is the one to watch
        return _sorted(_set(changed))

    def settle() -> None:
        """Take the current state as the snapshot's; a class's size was re-read as it was checked."""
        if versions.usable:
            versions.settle()
        else:
            flatten()

    def restore() -> list[str]:
        changed = changes()
        if not changed:
            return changed
        for entry in suspects():  # in a forked worker, touching an object copies its memory page
            namespace, owner = _vars(entry[1]), entry[1]
            if entry[2]:
                for key in added(entry):
                    _delattr(owner, key)
            for key, value in _zip(entry[3], entry[4]):
                if namespace.get(key, missing) is not value:
                    if entry[2]:
                        _setattr(owner, key, value)
                    else:
                        namespace[key] = value
            entry[5] = _len(namespace)
        settle()
        return changed

    if not versions.usable:
        flatten()
    return changes, restore


def _owned(cls: type, module: ModuleType) -> bool:
    """Whether ``cls`` is one of the kit's, torch's or NumPy's (not a learner's class re-exported)."""
    name = getattr(cls, "__module__", None)
    return isinstance(name, str) and name.split(".")[0] in ("torch", "grader", "numpy", "builtins") or module.__name__ == "builtins"


_VERSION_OFFSET = 3 * ctypes.sizeof(ctypes.c_ssize_t)
"""Where ``ma_version_tag`` lies in a dict: after the object header and ``ma_used``."""


class _DictVersions:
    """The version tags of some dicts (``PyDictObject.ma_version_tag``, PEP 509): CPython moves a
    dict's tag whenever a binding in it is added, removed or replaced by another object.

    The tags are read through ctypes views made here, before any learner code runs (reading an
    existing view raises no audit event), by closures that bind every builtin they use now.
    ``usable`` is False, and the caller compares bindings one by one, where the interpreter's
    dicts do not behave as expected.
    """

    def __init__(self, namespaces: list[Any]) -> None:
        self.usable = _tags_work()
        views = tuple(_version_view(_real_dict(namespace)) for namespace in namespaces) if self.usable else ()
        read_tag = ctypes.c_uint64.value.__get__
        _list, _map, _ne, _range, _len = list, map, operator.ne, range, len
        seen: list[int] = []

        def moved() -> list[int]:
            """Indexes of the dicts whose tag moved since the last :meth:`settle`."""
            now = _list(_map(read_tag, views))
            if now == seen:
                return []
            differs = _list(_map(_ne, now, seen))
            return [index for index in _range(_len(differs)) if differs[index]]

        def settle() -> None:
            seen[:] = _map(read_tag, views)

        self.moved, self.settle = moved, settle
        settle()


def _real_dict(namespace: Any) -> dict[str, Any]:
    """The dict behind a class's mappingproxy (a module's namespace is one already)."""
    if isinstance(namespace, dict):
        return namespace
    (inner,) = gc.get_referents(namespace)
    return inner


def _version_view(namespace: dict[str, Any]) -> Any:
    return ctypes.c_uint64.from_address(id(namespace) + _VERSION_OFFSET)


def _tags_work() -> bool:
    """Whether a dict's tag sits where we read it and moves as PEP 509 says (CPython 3.10-3.13)."""
    if sys.implementation.name != "cpython" or not (3, 10) <= sys.version_info[:2] <= (3, 13):
        return False
    probe: dict[str, Any] = {"a": 1}
    view = _version_view(probe)
    before = view.value
    probe["a"] = 2
    after_replace = view.value
    probe["b"] = 3
    after_add = view.value
    del probe["a"]
    return len({before, after_replace, after_add, view.value}) == 4 and before != 0
