"""Start-up costs of torch that grading does not need, avoided in the grader and the worker.

In torch 2.13, ``torch.optim.Optimizer``'s ``add_param_group``, ``zero_grad``, ``state_dict``
and ``load_state_dict`` are wrapped by ``torch._disable_dynamo``, which imports ``torch._dynamo``
(about two seconds, 800 modules) the first time one of them runs: every exercise that builds an
optimizer would pay it twice, once per process. The wrapper caches the "disabled" function on the
wrapped one; we pre-fill that cache with the function itself, which is what it does when nothing
is being compiled. Grading never uses ``torch.compile``. Where torch's internals differ, this does
nothing.
"""

from __future__ import annotations

import torch

_WRAPPED_METHODS = ("add_param_group", "zero_grad", "state_dict", "load_state_dict")


def skip_lazy_dynamo_import() -> None:
    for name in _WRAPPED_METHODS:
        wrapped = getattr(getattr(torch.optim.Optimizer, name, None), "__wrapped__", None)
        if callable(wrapped) and getattr(wrapped, "__dynamo_disable", None) is None:
            wrapped.__dynamo_disable = wrapped  # type: ignore[attr-defined]
