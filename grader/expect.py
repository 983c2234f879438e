"""Checks for hidden suites: each failure explains itself in the learner's terms.

A suite's test receives an :class:`Expect` as the ``expect`` fixture. Every check raises
:class:`Mismatch` with a message fit to show a learner as it is: what was compared, by how much it
is off and where, and (through ``hint``) what to do about it. ``torch.testing`` is deliberately not
used: its first call imports ``torch.distributed`` and costs about a second.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import torch

from grader._sandbox import LearnerFailure

__all__ = ["Expect", "LearnerFailure", "Mismatch", "UniformMisfit", "tolerance", "uniform_misfit"]

# (rtol, atol) per dtype, for results computed on the same device from identical inputs.
_TOLERANCES: dict[torch.dtype, tuple[float, float]] = {
    torch.float16: (1e-3, 1e-3),
    torch.bfloat16: (1.6e-2, 1e-2),
    torch.float32: (1.3e-6, 1e-5),
    torch.float64: (1e-7, 1e-9),
}
# GPU kernels reduce in other orders (and may use TF32 on request): allow a bit more there.
_DEVICE_FACTOR = {"cpu": 1.0, "cuda": 10.0}


class Mismatch(AssertionError):
    """A failed check; ``str()`` is the message for the learner."""


def tolerance(dtype: torch.dtype, device: str = "cpu") -> tuple[float, float]:
    """The ``(rtol, atol)`` used to compare tensors of ``dtype`` computed on ``device``."""
    rtol, atol = _TOLERANCES.get(dtype, (0.0, 0.0))
    factor = _DEVICE_FACTOR.get(torch.device(device).type, 10.0)
    return rtol * factor, atol * factor


def _with_hint(message: str, hint: str) -> str:
    """``message``, then ``hint`` as a sentence of its own."""
    if not hint:
        return message
    return f"{message}. {hint[0].upper() + hint[1:]}"


def _index(flat_index: int, shape: torch.Size) -> str:
    if len(shape) == 0:
        return ""
    position = []
    for size in reversed(shape):
        position.append(flat_index % size)
        flat_index //= size
    return " at index " + (str(position[0]) if len(shape) == 1 else str(tuple(reversed(position))))


def _shape(value: Any) -> str:
    return str(tuple(value.shape))


class Expect:
    """Checks bound to the device the suite runs on (for tolerances)."""

    def __init__(self, device: str = "cpu") -> None:
        self.device = device

    @contextlib.contextmanager
    def context(self, what: str, hint: str = "") -> Iterator[None]:
        """Name what was being run when the learner's code raised, and what to do about it."""
        try:
            yield
        except LearnerFailure as failure:
            if failure.status == "error":
                not_written_yet = "is not implemented yet" in failure.message
                failure.message = _with_hint(f"{what} raised {failure.message}", "" if not_written_yet else hint)
            raise

    def true(self, condition: Any, message: str) -> None:
        """Fail with ``message`` unless ``condition`` holds."""
        if condition is not True:
            raise Mismatch(message)

    def equal(self, got: Any, want: Any, what: str, hint: str = "") -> None:
        """Plain values (numbers, strings, lists, dicts) must be equal."""
        if isinstance(want, torch.Tensor) or isinstance(got, torch.Tensor):
            self.close(got, want, what, hint, rtol=0.0, atol=0.0)
            return
        if type(got) is not type(want) and not (_is_number(got) and _is_number(want)):
            raise Mismatch(_with_hint(f"{what}: got {_describe(got)}, expected {_describe(want)}", hint))
        if isinstance(want, list) and len(got) == len(want):
            for position, (item, expected) in enumerate(zip(got, want)):
                if item != expected:
                    raise Mismatch(
                        _with_hint(f"{what} differs at position {position}: got {item!r}, expected {expected!r}", hint)
                    )
        if got != want:
            raise Mismatch(_with_hint(f"{what}: got {got!r}, expected {want!r}", hint))

    def close(
        self,
        got: Any,
        want: Any,
        what: str,
        hint: str = "",
        *,
        rtol: float | None = None,
        atol: float | None = None,
        check_dtype: bool = True,
    ) -> None:
        """Tensors (or numbers) must match in shape, dtype and value within the tolerance."""
        if not isinstance(want, torch.Tensor):
            want = torch.tensor(want, dtype=torch.float64)
            got = _as_tensor(got, what, hint)
            check_dtype = False
        elif not isinstance(got, torch.Tensor):
            raise Mismatch(_with_hint(f"{what} should be a tensor, got {_describe(got)}", hint))
        if got.shape != want.shape:
            raise Mismatch(_with_hint(f"{what} has shape {_shape(got)}, expected {_shape(want)}", hint))
        if check_dtype and got.dtype != want.dtype:
            raise Mismatch(_with_hint(f"{what} has dtype {got.dtype}, expected {want.dtype}", hint))
        default_rtol, default_atol = tolerance(want.dtype, self.device)
        rtol = default_rtol if rtol is None else rtol
        atol = default_atol if atol is None else atol
        if want.dtype == torch.bool or got.dtype == torch.bool:
            got_values, want_values = got.to(torch.int64), want.to(torch.int64)
        else:
            got_values, want_values = got.to(torch.float64), want.to(torch.float64)
        if got_values.is_complex() or want_values.is_complex():
            raise Mismatch(f"{what} is complex; expected real numbers")
        difference = (got_values - want_values).abs()
        allowed = atol + rtol * want_values.abs()
        same_nan = got_values.isnan() & want_values.isnan()
        bad = ~((difference <= allowed) | same_nan | (got_values == want_values))
        if not bool(bad.any()):
            return
        difference = torch.where(bad, difference.nan_to_num(nan=float("inf")), torch.zeros_like(difference))
        worst = int(difference.flatten().argmax())
        got_value = got_values.flatten()[worst].item()
        want_value = want_values.flatten()[worst].item()
        count = int(bad.sum())
        total = bad.numel()
        where = _index(worst, want.shape)
        got_text, want_text = _distinct(got_value, want_value)
        if total == 1:
            message = f"{what}: got {got_text}, expected {want_text}"
        else:
            message = (
                f"{what} differs from the expected values in {count} of {total} entries: "
                f"max abs difference {abs(got_value - want_value):.3g}{where} "
                f"(got {got_text}, expected {want_text})"
            )
        raise Mismatch(_with_hint(message, hint))


@dataclass(frozen=True)
class UniformMisfit:
    """How values fail to look drawn uniformly from [-bound, bound]; each suite words it for its rule."""

    kind: Literal["beyond", "narrow", "skewed"]
    """``beyond``: a value lies outside; ``narrow``: they do not come near the bound; ``skewed``:
    mean or standard deviation is off."""
    largest: float
    mean: float
    std: float
    expected_std: float


def uniform_misfit(values: torch.Tensor, bound: float, *, statistics_from: int = 300) -> UniformMisfit | None:
    """None when ``values`` look drawn uniformly from [-bound, bound], else what is wrong.

    Always checked: no value beyond the bound (relative slack 1e-5). From ``statistics_from``
    values on (fewer would fail correct code by chance): the largest reaches 0.8 of the bound, the
    mean is within 0.2 bound of 0 and the standard deviation within 20 % of bound / sqrt(3).
    """
    values = values.double()
    largest = values.abs().max().item()
    mean, std = values.mean().item(), values.std().item() if values.numel() > 1 else 0.0
    expected = bound / math.sqrt(3)

    def misfit(kind: Literal["beyond", "narrow", "skewed"]) -> UniformMisfit:
        return UniformMisfit(kind, largest, mean, std, expected)

    if largest > bound * (1 + 1e-5):
        return misfit("beyond")
    if values.numel() >= statistics_from:
        if largest < 0.8 * bound:
            return misfit("narrow")
        if abs(mean) > 0.2 * bound or not 0.8 * expected < std < 1.2 * expected:
            return misfit("skewed")
    return None


def _distinct(got: float, want: float) -> tuple[str, str]:
    """Both numbers with the fewest significant digits (at least 6) that tell them apart."""
    for digits in range(6, 18):
        got_text, want_text = f"{got:.{digits}g}", f"{want:.{digits}g}"
        if got_text != want_text:
            break
    return got_text, want_text


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _as_tensor(value: Any, what: str, hint: str) -> torch.Tensor:
    if isinstance(value, torch.Tensor):
        return value
    if _is_number(value):
        return torch.tensor(value, dtype=torch.float64)
    raise Mismatch(_with_hint(f"{what} should be a number, got {_describe(value)}", hint))


def _describe(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {_shape(value)}"
    if value is None:
        return "None"
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({type(value).__name__})"
