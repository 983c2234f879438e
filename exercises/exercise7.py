"""Exercise 7: backward from scratch, the autograd way: custom ``torch.autograd.Function`` (사용자 정의 autograd 함수).

Write the forward *and* the backward of four functions as autograd extension points, then a
layer built on one of them.

- A custom function subclasses ``torch.autograd.Function`` with two static methods:
  ``forward(ctx, *inputs)`` computes the result (autograd does not record what happens inside it)
  and ``backward(ctx, grad_output)`` returns, by the chain rule, the gradient of the loss with
  respect to each input of forward, given the gradient ``grad_output`` with respect to the output.
  Call it through ``.apply``: ``Sigmoid.apply(x)``, never ``Sigmoid()(x)`` or ``Sigmoid.forward``.
- ``ctx`` (컨텍스트) carries what backward needs. Keep *tensors* with
  ``ctx.save_for_backward(a, b)`` and read them back with ``a, b = ctx.saved_tensors``: autograd
  then notices when one of them is changed in place after forward and raises an error instead of
  giving silently wrong gradients. Non-tensors (a float option) may be plain ``ctx`` attributes.
- ``ctx.needs_input_grad`` holds one bool per input of forward: return ``None`` for an input
  that needs no gradient (and for every non-tensor input), and skip computing it.
- Backward is written by hand (직접 작성): no ``Tensor.backward``, no ``torch.autograd.grad``, no
  ``torch.func`` inside it; tensor operations on the saved tensors and ``grad_output`` only. Use
  the inputs' device and dtype (``torch.zeros_like(x)``, not ``torch.zeros(x.shape)``).
- Check a backward numerically (수치 기울기 검사) in float64:
  ``torch.autograd.gradcheck(Sigmoid.apply, (torch.randn(5, dtype=torch.float64, requires_grad=True),))``.

Check your work with ``grader check exercise7``; compare with ``solutions/exercise7.py`` when done.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import Tensor, nn


class Sigmoid(torch.autograd.Function):
    """``Sigmoid.apply(x) = 1 / (1 + exp(-x))``, element-wise, any shape.

    - Compute it without overflow for large ``|x|``: ``Sigmoid.apply(x)`` for ``x = ±1000`` in
      float32 has no ``inf`` or ``nan``, and neither has its gradient (``exp(-|x|)`` never
      overflows).
    - forward saves its *output* ``out`` with ``ctx.save_for_backward``; backward returns
      ``grad_output * out * (1 - out)``.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor) -> Tensor:
        raise NotImplementedError("compute 1 / (1 + exp(-x)) without overflow, save the output, return it")

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> Tensor:
        raise NotImplementedError("read the output from ctx.saved_tensors; return grad_output * out * (1 - out)")


class Linear(torch.autograd.Function):
    """``Linear.apply(x, weight, bias=None) = x @ weight.T (+ bias)``.

    - ``x``: ``(N, in_features)``; ``weight``: ``(out_features, in_features)``; ``bias``:
      ``(out_features,)`` or ``None``; the result: ``(N, out_features)``.
    - backward returns one gradient per input of forward, ``(grad_x, grad_weight, grad_bias)``:
      ``None`` for ``bias=None`` and for every input whose ``ctx.needs_input_grad`` entry is
      false; it computes nothing it does not return.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
        raise NotImplementedError("save x and weight for backward; return x @ weight.T, plus bias when it is not None")

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> tuple[Tensor | None, Tensor | None, Tensor | None]:
        raise NotImplementedError("return the gradients for x, weight and bias, each only if ctx.needs_input_grad asks")


class StraightThroughRound(torch.autograd.Function):
    """``StraightThroughRound.apply(x) = torch.round(x)`` (halves round to even, like ``torch.round``).

    backward passes ``grad_output`` through unchanged (the straight-through estimator, 직통 추정기):
    gradients flow as if forward were the identity, although the true derivative of rounding is 0
    almost everywhere.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor) -> Tensor:
        raise NotImplementedError("return torch.round(x)")

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> Tensor:
        raise NotImplementedError("return grad_output unchanged")


class ClampedExp(torch.autograd.Function):
    """``ClampedExp.apply(x, max_value=10.0) = exp(min(x, max_value))``, element-wise.

    ``max_value`` is a float. backward returns two values: the gradient for ``x``, which is
    ``grad_output * out`` where ``x < max_value`` and ``0`` elsewhere (the clamp is flat there),
    and ``None`` for ``max_value``.
    """

    @staticmethod
    def forward(ctx: Any, x: Tensor, max_value: float = 10.0) -> Tensor:
        raise NotImplementedError("save what backward needs; return torch.exp(torch.clamp(x, max=max_value))")

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> tuple[Tensor, None]:
        raise NotImplementedError("return (grad_output * out where x < max_value, 0 elsewhere), None")


class FunctionLinear(nn.Module):
    """A fully connected layer whose ``forward(x)`` returns ``Linear.apply(x, self.weight, self.bias)``.

    ``weight`` and ``bias`` exactly as exercise 1's ``MyLinear``:

    - ``weight``: an ``nn.Parameter`` of shape ``(out_features, in_features)``.
    - ``bias``: an ``nn.Parameter`` of shape ``(out_features,)``, or ``None`` when ``bias=False``
      (``self.register_parameter("bias", None)``).
    - Both initialised uniformly in ``[-1/sqrt(in_features), 1/sqrt(in_features)]``, like
      ``nn.Linear``.
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        raise NotImplementedError("create self.weight (and self.bias) as nn.Parameter, initialised uniformly")

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError("return Linear.apply(x, self.weight, self.bias)")
