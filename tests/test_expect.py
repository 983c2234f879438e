"""The checks suites use: their verdicts and the numbers their messages give."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader import _codec
from grader.expect import Expect, Mismatch, tolerance, uniform_misfit

floats = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, width=32)
shapes = st.lists(st.integers(min_value=1, max_value=4), min_size=0, max_size=3)


@st.composite
def tensors(draw: st.DrawFn) -> torch.Tensor:
    shape = draw(shapes)
    count = 1
    for size in shape:
        count *= size
    values = draw(st.lists(floats, min_size=count, max_size=count))
    return torch.tensor(values, dtype=torch.float32).reshape(shape)


@settings(max_examples=60, deadline=None)
@given(tensors())
def test_a_tensor_is_close_to_itself(tensor: torch.Tensor) -> None:
    Expect().close(tensor.clone(), tensor, "x")


@settings(max_examples=60, deadline=None)
@given(tensors(), st.data())
def test_one_changed_entry_is_reported_with_its_index_and_values(tensor: torch.Tensor, data: st.DataObject) -> None:
    flat_index = data.draw(st.integers(min_value=0, max_value=tensor.numel() - 1))
    changed = tensor.clone()
    changed.view(-1)[flat_index] += 1.0 + abs(float(tensor.view(-1)[flat_index]))
    with pytest.raises(Mismatch) as failure:
        Expect().close(changed, tensor, "the output")
    message = str(failure.value)
    assert message.startswith("the output")
    if tensor.numel() > 1:
        position = torch.unravel_index(torch.tensor(flat_index), tensor.shape)
        index = str(int(position[0])) if tensor.dim() == 1 else str(tuple(int(i) for i in position))
        assert f"1 of {tensor.numel()} entries" in message and f"at index {index}" in message


def test_shape_and_dtype_mismatches_are_named() -> None:
    with pytest.raises(Mismatch, match=r"out has shape \(3, 2\), expected \(2, 3\)"):
        Expect().close(torch.zeros(3, 2), torch.zeros(2, 3), "out")
    with pytest.raises(Mismatch, match="out has dtype torch.float64, expected torch.float32"):
        Expect().close(torch.zeros(2, dtype=torch.float64), torch.zeros(2), "out")
    with pytest.raises(Mismatch, match="out should be a tensor, got 3"):
        Expect().close(3, torch.zeros(2), "out")


def test_close_numbers_show_enough_digits_to_differ() -> None:
    with pytest.raises(Mismatch, match=r"got 1\.01427, expected 1\.014271"):
        Expect().close(1.0142701, 1.0142708, "loss", rtol=0, atol=1e-9)


def test_tolerances_grow_on_cuda_and_with_smaller_dtypes() -> None:
    assert tolerance(torch.float64) < tolerance(torch.float32) < tolerance(torch.float16)
    assert tolerance(torch.float32, "cuda") > tolerance(torch.float32, "cpu")


def test_equal_names_the_first_differing_position() -> None:
    with pytest.raises(Mismatch, match=r"order differs at position 2: got 5, expected 4. Sort it"):
        Expect().equal([1, 2, 5], [1, 2, 4], "order", "sort it")


plain = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | floats | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(plain)
def test_plain_data_survives_the_codec(value: object) -> None:
    decoded = _codec.decode(_codec.encode(value))
    if isinstance(value, float):
        assert decoded == pytest.approx(value)
    else:
        assert decoded == value


@settings(max_examples=20, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e3), st.integers(min_value=300, max_value=20_000), st.integers(0, 2**31))
def test_a_uniform_draw_fits_its_bound(bound: float, count: int, seed: int) -> None:
    generator = torch.Generator().manual_seed(seed)
    values = (torch.rand(count, generator=generator, dtype=torch.float64) * 2 - 1) * bound
    assert uniform_misfit(values.float(), bound) is None


def test_a_misfit_says_how_the_values_are_off() -> None:
    generator = torch.Generator().manual_seed(0)
    uniform = torch.rand(2000, generator=generator) * 2 - 1
    beyond = uniform_misfit(uniform * 1.01, 1.0)
    assert beyond is not None and beyond.kind == "beyond" and beyond.largest > 1.0
    narrow = uniform_misfit(uniform * 0.5, 1.0)
    assert narrow is not None and narrow.kind == "narrow" and narrow.largest <= 0.5
    assert uniform_misfit(uniform[:100] * 0.5, 1.0) is None, "too few values for statistics: only the bound counts"
    normal = (torch.randn(2000, generator=generator) * 0.3).clamp(-1, 1)
    skewed = uniform_misfit(normal, 1.0)
    assert skewed is not None and skewed.kind == "skewed", skewed
    assert skewed.expected_std == pytest.approx(1 / 3**0.5) and skewed.std == pytest.approx(normal.double().std().item())
