"""The guard that undoes learner patches of torch, builtins and the grader (grader._integrity).

Each test runs twice: with CPython's dict version tags (the fast path) and with the binding-by-
binding comparison used where the interpreter has no usable tags.
"""

from __future__ import annotations

import builtins
import types
from collections.abc import Iterator

import pytest

from grader import _integrity
from grader._integrity import Guard


class Owned:
    """A class of the kit's own (the guard only watches classes of torch, NumPy and the grader)."""

    counter = 0

    def method(self) -> str:
        return "original"


Owned.__module__ = "grader.fake"


def original_function() -> str:
    return "original"


@pytest.fixture(params=["version tags", "binding by binding"])
def namespace(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[types.ModuleType]:
    if request.param == "binding by binding":
        monkeypatch.setattr(_integrity, "_tags_work", lambda: False)
    module = types.ModuleType("grader.fake")
    module.Owned = Owned  # type: ignore[attr-defined]
    module.function = original_function  # type: ignore[attr-defined]
    module.data = 1  # type: ignore[attr-defined]
    saved = dict(vars(Owned))
    yield module
    for key in [key for key in vars(Owned) if key not in saved]:
        delattr(Owned, key)
    for key, value in saved.items():
        if key not in ("__dict__", "__weakref__") and vars(Owned).get(key) is not value:
            setattr(Owned, key, value)


def test_the_fast_path_is_taken_where_cpython_has_tags() -> None:
    import sys

    expected = sys.implementation.name == "cpython" and (3, 10) <= sys.version_info[:2] <= (3, 13)
    assert _integrity._tags_work() is expected


def test_an_untouched_namespace_has_no_changes(namespace: types.ModuleType) -> None:
    guard = Guard([namespace])
    assert guard.changes() == []
    assert guard.restore() == []


def test_rebinding_a_function_is_seen_and_undone(namespace: types.ModuleType) -> None:
    guard = Guard([namespace])
    namespace.function = lambda: "patched"  # type: ignore[attr-defined]
    assert guard.changes() == ["grader.fake.function"]
    assert guard.restore() == ["grader.fake.function"]
    assert namespace.function is original_function
    assert guard.changes() == []


def test_replacing_and_adding_class_methods_is_seen_and_undone(namespace: types.ModuleType) -> None:
    guard = Guard([namespace])
    original = vars(Owned)["method"]
    Owned.method = lambda self: "patched"  # type: ignore[method-assign]
    Owned.__eq__ = lambda self, other: True  # type: ignore[method-assign, assignment]
    assert guard.changes() == ["grader.fake.Owned.__eq__", "grader.fake.Owned.method"]
    guard.restore()
    assert vars(Owned)["method"] is original and "__eq__" not in vars(Owned)
    assert Owned().method() == "original"


def test_data_changes_are_not_tampering(namespace: types.ModuleType) -> None:
    guard = Guard([namespace])
    namespace.data = 2  # type: ignore[attr-defined]
    Owned.counter = 5
    Owned.cache = {}  # type: ignore[attr-defined]
    assert guard.changes() == []
    namespace.function = print  # type: ignore[attr-defined]
    assert guard.changes() == ["grader.fake.function"], "a data change earlier must not hide a later patch"


def test_a_patch_put_back_before_the_check_is_not_a_change(namespace: types.ModuleType) -> None:
    guard = Guard([namespace])
    namespace.function = lambda: "patched"  # type: ignore[attr-defined]
    namespace.function = original_function  # type: ignore[attr-defined]
    assert guard.changes() == []


def test_rebinding_a_builtin_is_seen_even_by_a_guard_whose_builtins_were_rebound() -> None:
    guard = Guard([builtins])
    original_all, original_zip, original_isinstance = builtins.all, builtins.zip, builtins.isinstance
    try:
        builtins.all = lambda iterable: True
        builtins.zip = lambda *iterables: iter(())
        builtins.isinstance = lambda value, kind: True
        assert guard.restore() == ["builtins.all", "builtins.isinstance", "builtins.zip"]
    finally:
        builtins.all, builtins.zip, builtins.isinstance = original_all, original_zip, original_isinstance
    assert guard.changes() == []
