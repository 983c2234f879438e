"""Start-up costs of torch that grading does not need, avoided in the grader and the worker.

In torch 2.13, ``torch.optim.Optimizer``'s ``add_param_group``, ``zero_grad``, ``state_dict``
and ``load_state_dict`` are wrapped by ``torch._disable_dynamo``, which imports ``torch._dynamo``
(about two seconds, 800 modules) the first time one of them runs: every exercise that builds an
optimizer would pay it twice, once per process. The wrapper caches the "disabled" function on the
wrapped one; we pre-fill that cache with the function itself, which is what it does when nothing
is being compiled. Grading never uses ``torch.compile``. Where torch's internals differ, this does
nothing.

Importing ``torch._dynamo`` also rebinds ``torch.manual_seed`` to a wrapped copy, unless it is
wrapped already. A worker's guard (:mod:`grader._integrity`) would read that rebinding, made
while a probe steps an optimizer, as tampering; so we wrap it here, the same way, before the
guard's snapshot, and the later import changes nothing.
"""

from __future__ import annotations

import sys

import torch

_WRAPPED_METHODS = ("add_param_group", "zero_grad", "state_dict", "load_state_dict")


def skip_lazy_dynamo_import() -> None:
    for name in _WRAPPED_METHODS:
        wrapped = getattr(getattr(torch.optim.Optimizer, name, None), "__wrapped__", None)
        if callable(wrapped) and getattr(wrapped, "__dynamo_disable", None) is None:
            wrapped.__dynamo_disable = wrapped  # type: ignore[attr-defined]
    _wrap_manual_seed()


def _wrap_manual_seed() -> None:
    """What ``import torch._dynamo`` does to ``torch.manual_seed``, without importing it."""
    seed = torch.random.manual_seed
    if torch.manual_seed is not seed or "torch._dynamo" in sys.modules:
        return
    from torch.jit import _builtins as jit_builtins

    torch.manual_seed = torch._disable_dynamo(seed)
    jit_builtins._register_builtin(torch.manual_seed, "aten::manual_seed")
    if getattr(seed, "__dynamo_disable", None) is None:
        seed.__dynamo_disable = seed  # type: ignore[attr-defined]
