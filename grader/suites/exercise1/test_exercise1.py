"""Hidden suite for exercise 1: a custom nn.Module with nn.Parameter."""

from __future__ import annotations

import math
from typing import Any

import pytest
import torch

from grader.expect import Expect, Mismatch, uniform_misfit
from grader.probing import on_real_device

IN, OUT = 3, 5


def expect_parameter(info: dict[str, Any], name: str, shape: tuple[int, ...], owner: str = "MyLinear") -> None:
    """``info`` (from the probe's ``describe``) must be a float32 trainable nn.Parameter of ``shape``."""
    kind = info["kind"]
    if kind == "missing":
        raise Mismatch(f"`{owner}` has no attribute `{name}`: assign it in __init__ as `self.{name} = nn.Parameter(...)`")
    if kind == "tensor":
        raise Mismatch(f"`{name}` is a plain Tensor, so `parameters()` misses it: wrap it in `nn.Parameter`")
    if kind == "none":
        raise Mismatch(f"`{name}` is None; expected an nn.Parameter of shape {shape}")
    if kind == "other":
        raise Mismatch(f"`{name}` is a {info['type']}, expected an nn.Parameter of shape {shape}")
    if tuple(info["shape"]) != shape:
        raise Mismatch(f"`{name}` has shape {tuple(info['shape'])}, expected {shape}")
    if info["dtype"] != "torch.float32":
        raise Mismatch(f"`{name}` has dtype {info['dtype']}, expected torch.float32")
    if not info["requires_grad"]:
        raise Mismatch(f"`{name}` has requires_grad=False, so it will never be trained")


@pytest.mark.points(1)
def test_linear_is_module(learner, expect: Expect) -> None:
    """MyLinear is an nn.Module"""
    got = learner.probe("linear_structure", in_features=IN, out_features=OUT, bias=True)
    expect.true(got["is_module"], "`MyLinear` must subclass `nn.Module` (class MyLinear(nn.Module): ...)")


@pytest.mark.points(2)
def test_weight_is_parameter(learner) -> None:
    """weight is an nn.Parameter of shape (out_features, in_features)"""
    got = learner.probe("linear_structure", in_features=IN, out_features=OUT, bias=True)
    expect_parameter(got["weight"], "weight", (OUT, IN))


@pytest.mark.points(1)
def test_bias_is_parameter(learner) -> None:
    """bias is an nn.Parameter of shape (out_features,)"""
    got = learner.probe("linear_structure", in_features=IN, out_features=OUT, bias=True)
    expect_parameter(got["bias"], "bias", (OUT,))


@pytest.mark.points(1)
def test_state_dict_names(learner, expect: Expect) -> None:
    """parameters and state_dict hold exactly weight and bias"""
    got = learner.probe("linear_structure", in_features=IN, out_features=OUT, bias=True)
    expect.equal(
        sorted(got["parameters"]), ["bias", "weight"], "the names in `named_parameters()`",
        "register exactly two parameters, named `weight` and `bias`",
    )
    expect.equal(
        sorted(got["state_dict"]), ["bias", "weight"], "the keys of `state_dict()`",
        "keep no extra tensors or buffers on the layer",
    )


@pytest.mark.points(1)
def test_no_bias(learner, expect: Expect) -> None:
    """MyLinear(..., bias=False) has bias None and only a weight parameter"""
    got = learner.probe("linear_structure", in_features=IN, out_features=OUT, bias=False)
    bias = got["bias"]
    if bias["kind"] == "missing":
        raise Mismatch("with bias=False the layer has no `bias` attribute: use `self.register_parameter('bias', None)`")
    expect.true(bias["kind"] == "none", f"with bias=False, `bias` should be None, got a {bias['kind']} of shape {tuple(bias.get('shape', ()))}")
    expect.equal(got["parameters"], ["weight"], "with bias=False, the names in `named_parameters()`")


@pytest.mark.points(1)
def test_no_child_modules(learner, expect: Expect) -> None:
    """MyLinear has no child modules (no nn.Linear inside)"""
    got = learner.probe("linear_structure", in_features=IN, out_features=OUT, bias=True)
    children = ", ".join(f"`{name}` ({kind})" for name, kind in got["children"].items())
    expect.true(
        not got["children"],
        f"MyLinear has child module(s) {children}: hold the weight and bias yourself and compute x @ weight.T + bias",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("in_features", [4, 400])
def test_init_range(learner, in_features: int) -> None:
    """weight and bias are initialised uniformly in [-1/sqrt(in_features), 1/sqrt(in_features)]"""
    got = learner.probe("linear_init", in_features=in_features, out_features=300)
    bound = 1 / math.sqrt(in_features)
    for name in ("weight", "bias"):
        if not got[name].any():
            raise Mismatch(f"`{name}` is all zeros: initialise it uniformly in [-{bound:.4g}, {bound:.4g}]")
        misfit = uniform_misfit(got[name], bound)
        if misfit is None:
            continue
        if misfit.kind == "beyond":
            raise Mismatch(
                f"`{name}` has values up to {misfit.largest:.4g} in absolute value, but with in_features={in_features} "
                f"they must lie in [-{bound:.4g}, {bound:.4g}] (1/sqrt(in_features))"
            )
        if misfit.kind == "narrow":
            raise Mismatch(
                f"`{name}` only reaches ±{misfit.largest:.4g}, but should fill [-{bound:.4g}, {bound:.4g}] "
                f"uniformly (with in_features={in_features})"
            )
        raise Mismatch(
            f"`{name}` does not look uniform on [-{bound:.4g}, {bound:.4g}]: mean {misfit.mean:.3g} "
            f"and std {misfit.std:.3g}, expected about 0 and {misfit.expected_std:.3g}"
        )


@pytest.mark.points(1)
def test_init_is_random(learner, expect: Expect) -> None:
    """two new layers get different random weights"""
    got = learner.probe("linear_init", in_features=20, out_features=10)
    expect.true(
        not torch.equal(got["weight"], got["second_weight"]),
        "two MyLinear layers got identical weights: draw them at random (e.g. `torch.empty(...).uniform_(-b, b)`)",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("batch_shape", [[7], [2, 3], []], ids=["batch", "two-batch-dims", "single-sample"])
def test_forward(learner, reference, expect: Expect, batch_shape: list[int]) -> None:
    """forward computes x @ weight.T + bias for inputs of shape (*, in_features)"""
    kwargs = dict(in_features=IN, out_features=OUT, bias=True, batch_shape=batch_shape)
    shape = tuple(batch_shape) + (IN,)
    with expect.context(f"MyLinear({IN}, {OUT}) on an input of shape {shape}",
                        "forward must accept any number of batch dims: x @ self.weight.T + self.bias"):
        got = learner.probe("linear_forward", **kwargs)
    want = reference.probe("linear_forward", **kwargs)
    expect.close(got["out"], want["out"], f"MyLinear({IN}, {OUT}) on an input of shape {shape}",
                 "compute x @ self.weight.T + self.bias")


@pytest.mark.points(1)
def test_follows_to_float64(learner, reference, expect: Expect) -> None:
    """after .to(torch.float64), forward computes in float64"""
    hint = ("`.to()` converts only registered parameters and buffers: keep weight and bias as nn.Parameter and compute "
            "with them in forward, not with tensors derived from them in __init__")
    with expect.context("after `.to(torch.float64)`, MyLinear(3, 5)", hint):
        got = learner.probe("linear_to_float64")
    expect.close(got["out"], reference.probe("linear_to_float64")["out"], "MyLinear(3, 5).to(torch.float64)(x)", hint)


@pytest.mark.points(1)
def test_forward_without_bias(learner, reference, expect: Expect) -> None:
    """forward without bias computes x @ weight.T"""
    # on the grading device itself: on a CPU grader, a hard-coded .cuda() fails here
    kwargs = on_real_device(in_features=IN, out_features=OUT, bias=False, batch_shape=[6])
    got, want = learner.probe("linear_forward", **kwargs), reference.probe("linear_forward", **kwargs)
    expect.close(got["out"], want["out"], f"MyLinear({IN}, {OUT}, bias=False)(x)", "without a bias, return x @ self.weight.T")


@pytest.mark.points(1)
def test_forward_gradients(learner, reference, expect: Expect) -> None:
    """gradients flow from the output to x, weight and bias"""
    kwargs = dict(in_features=IN, out_features=OUT, bias=True, batch_shape=[4])
    got, want = learner.probe("linear_forward", **kwargs), reference.probe("linear_forward", **kwargs)
    expect.true(got["requires_grad"], "the output does not require grad: do not detach, use .data or build new tensors in forward")
    expect.true("weight_grad" in got, "the output has the wrong shape, so gradients could not be checked")
    for name in ("x_grad", "weight_grad", "bias_grad"):
        label = name.replace("_grad", "")
        if got[name] is None:
            raise Mismatch(f"`{label}` received no gradient: use `self.weight` and `self.bias` themselves in forward")
        expect.close(got[name], want[name], f"the gradient of `{label}`")


@pytest.mark.points(2)
def test_standardize_buffers(learner, expect: Expect) -> None:
    """Standardize keeps mean and std as buffers, not parameters"""
    got = learner.probe("standardize_structure")
    for name in ("mean", "std"):
        kind = got[name]["kind"]
        expect.true(kind != "missing", f"Standardize has no attribute `{name}`: use `self.register_buffer('{name}', ...)`")
        expect.true(
            kind != "parameter",
            f"`{name}` is an nn.Parameter, so `parameters()` returns it to optimizers and counts: register it as a buffer",
        )
        expect.true(
            name in got["buffers"],
            f"`{name}` is not a registered buffer, so `state_dict()` and `.to()` miss it: use `self.register_buffer('{name}', ...)`",
        )
    expect.equal(sorted(got["state_dict"]), ["mean", "std"], "the keys of Standardize's `state_dict()`",
                 "register them with `register_buffer(name, tensor)` (persistent, the default) so `state_dict()` saves them")
    expect.equal(got["parameters"], [], "Standardize's `named_parameters()`", "mean and std must not be trainable")


@pytest.mark.points(1)
def test_standardize_moves_with_to(learner, expect: Expect, device: str) -> None:
    """Standardize's buffers follow .to(dtype) and .to(device)"""
    got = learner.probe("standardize_structure")
    for name in ("mean", "std"):
        expect.equal(got["after_to"].get(name), "torch.float64", f"the dtype of `{name}` after `.to(torch.float64)`",
                     "register it as a buffer so that `.to()` converts it")
        if device != "cpu":
            expect.equal(got["device_after_to"][name], torch.device(device).type, f"the device of `{name}` after `.to('{device}')`")


@pytest.mark.points(1)
def test_standardize_forward(learner, reference, expect: Expect) -> None:
    """Standardize computes (x - mean) / std"""
    got, want = learner.probe("standardize_forward", batch_shape=[5]), reference.probe("standardize_forward", batch_shape=[5])
    expect.close(got["out"], want["out"], "Standardize(mean, std)(x)", "compute (x - self.mean) / self.std")
    expect.true(got["input_unchanged"], "forward changed its input x in place: compute (x - self.mean) / self.std into a new tensor")


@pytest.mark.points(2)
def test_mlp_children(learner, expect: Expect) -> None:
    """MLP has children norm (Standardize), fc1 and fc2 (MyLinear) of the right sizes"""
    got = learner.probe("mlp_structure")
    required = {"norm": "Standardize", "fc1": "MyLinear", "fc2": "MyLinear"}
    for name, kind in required.items():
        expect.equal(got["children"].get(name), kind, f"the class of MLP's child `{name}`",
                     "assign self.norm = Standardize(...), self.fc1 = MyLinear(...), self.fc2 = MyLinear(...)")
    extra = [name for name in got["stateful_children"] if name not in required]
    expect.true(not extra, f"MLP has extra child module(s) with parameters or buffers: {', '.join(extra)}; "
                           "use exactly norm, fc1 and fc2")
    expect_parameter(got["fc1"]["weight"], "fc1.weight", (8, 4), owner="MLP.fc1")
    expect_parameter(got["fc2"]["weight"], "fc2.weight", (3, 8), owner="MLP.fc2")


@pytest.mark.points(1)
def test_mlp_state_dict(learner, expect: Expect) -> None:
    """MLP's state_dict holds the buffers and parameters of its three children"""
    got = learner.probe("mlp_structure")
    expect.equal(
        sorted(got["state_dict"]),
        ["fc1.bias", "fc1.weight", "fc2.bias", "fc2.weight", "norm.mean", "norm.std"],
        "the keys of MLP's `state_dict()`",
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("batch_shape", [[6], [2, 5]], ids=["batch", "two-batch-dims"])
def test_mlp_forward(learner, reference, expect: Expect, batch_shape: list[int]) -> None:
    """MLP computes fc2(relu(fc1(norm(x))))"""
    got, want = learner.probe("mlp_forward", batch_shape=batch_shape), reference.probe("mlp_forward", batch_shape=batch_shape)
    expect.close(got["out"], want["out"], f"MLP(4, 8, 3)(x) for x of shape {tuple(batch_shape) + (4,)}",
                 "apply norm, then fc1, then relu, then fc2")


def _counts(learner, reference) -> tuple[dict[str, Any], dict[str, Any]]:
    return learner.probe("count_parameters"), reference.probe("count_parameters")


@pytest.mark.points(1)
def test_count_returns_int(learner, expect: Expect) -> None:
    """count_parameters returns a Python int"""
    got = learner.probe("count_parameters")
    for case, result in got.items():
        expect.equal(result["type"], "int", f"the type of count_parameters({case})",
                     "return a Python int, e.g. sum(p.numel() for p in ...)")


def _expect_count(expect: Expect, got: dict[str, Any], want: dict[str, Any], case: str, hint: str) -> None:
    value, expected = got[case]["value"], want[case]["value"]
    if value == got[case]["tensors"] and value != expected:
        hint = "count scalar values: sum p.numel() over the parameters, not the number of tensors"
    expect.equal(value, expected, f"count_parameters on {case}", hint)


@pytest.mark.points(2)
def test_count_trainable(learner, reference, expect: Expect) -> None:
    """count_parameters counts trainable scalars, or all with trainable_only=False"""
    got, want = _counts(learner, reference)
    hint = "count only parameters with requires_grad when trainable_only is True, all of them otherwise"
    for case in ("a two-layer nn.Sequential", "a model whose first layer is frozen",
                 "a model whose first layer is frozen, with trainable_only=False"):
        _expect_count(expect, got, want, case, hint)


@pytest.mark.points(1)
def test_count_shared_and_buffers(learner, reference, expect: Expect) -> None:
    """count_parameters counts a shared parameter once and never counts buffers"""
    got, want = _counts(learner, reference)
    for case in ("a model with BatchNorm buffers", "a model with BatchNorm buffers, with trainable_only=False"):
        _expect_count(expect, got, want, case, "buffers (running statistics) are not parameters: count model.parameters() only")
    for case in ("a model with a shared weight", "a model with a shared weight, with trainable_only=False"):
        _expect_count(expect, got, want, case, "iterate over model.parameters(), which yields a shared parameter once")
