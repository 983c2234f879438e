"""Hidden suite for exercise 3: backward from scratch with an overridden optimizer."""

from __future__ import annotations

import math
from typing import Any

import pytest
import torch

from grader.expect import Expect, Mismatch
from grader.probing import on_real_device

# ---------------------------------------------------------------------------------------- bce_loss


def _bce_hint(got: torch.Tensor, want: torch.Tensor) -> str:
    if got.numel() == 1 and abs(got.item() + want.item()) < 1e-4 * abs(want.item()):
        return "the sign is flipped: the loss is minus the mean log-likelihood"
    return "compute -(y * log(p) + (1 - y) * log(1 - p)).mean() (no extra epsilon: clamping is not needed here)"


@pytest.mark.points(2)
def test_bce_matches_binary_cross_entropy(learner, reference, expect: Expect) -> None:
    """bce_loss equals binary_cross_entropy for probabilities in [1e-6, 1 - 1e-6]"""
    for kwargs in (dict(n=50, dtype="float32", seed=1), dict(n=40, dtype="float32", seed=2, extreme=True)):
        got, want = learner.probe("bce", **kwargs), reference.probe("bce", **kwargs)
        what = "bce_loss on probabilities near 1e-6 and 1 - 1e-6" if kwargs.get("extreme") else "bce_loss(probs, targets)"
        expect.close(got["loss"], want["loss"], what, _bce_hint(got["loss"], want["loss"]))


@pytest.mark.points(1)
def test_bce_is_a_scalar_mean(learner, reference, expect: Expect) -> None:
    """bce_loss returns a scalar tensor: the mean over samples, not the sum"""
    for n in (1, 7, 64):
        got, want = learner.probe("bce", n=n, dtype="float32", seed=n), reference.probe("bce", n=n, dtype="float32", seed=n)
        expect.true(got["loss"].dim() == 0, f"bce_loss returned a tensor of shape {tuple(got['loss'].shape)}: reduce it to a scalar with .mean()")
        ratio = got["loss"].item() / want["loss"].item()
        expect.true(n == 1 or abs(ratio - n) > 0.01 * n, f"bce_loss for {n} samples is {ratio:.4g} times too large: take the mean over samples, not the sum")


@pytest.mark.points(1)
def test_bce_float64(learner, reference, expect: Expect) -> None:
    """bce_loss keeps float64 inputs in float64"""
    got, want = learner.probe("bce", n=30, dtype="float64", seed=4), reference.probe("bce", n=30, dtype="float64", seed=4)
    expect.equal(str(got["loss"].dtype), str(want["loss"].dtype), "the dtype of bce_loss on float64 inputs",
                 "do not convert to float32 inside bce_loss")
    expect.close(got["loss"], want["loss"], "bce_loss on float64 inputs", _bce_hint(got["loss"], want["loss"]))


# ------------------------------------------------------------------------------- LogisticRegression


def _expect_zero_parameter(info: dict[str, Any], name: str, shape: tuple[int, ...]) -> None:
    if info["kind"] == "missing":
        raise Mismatch(f"LogisticRegression has no attribute `{name}`: create `self.{name} = nn.Parameter(...)`")
    if info["kind"] != "parameter":
        raise Mismatch(f"`{name}` is a {info['kind']}, not an nn.Parameter: wrap it in `nn.Parameter` so `parameters()` sees it")
    if tuple(info["shape"]) != shape:
        raise Mismatch(f"`{name}` has shape {tuple(info['shape'])}, expected {shape}")
    if info["dtype"] != "torch.float32":
        raise Mismatch(f"`{name}` has dtype {info['dtype']}, expected torch.float32")
    if bool(info["value"].abs().max() != 0):
        raise Mismatch(f"`{name}` starts at non-zero values: initialise it with torch.zeros")


@pytest.mark.points(2)
def test_logistic_parameters(learner, expect: Expect) -> None:
    """LogisticRegression has zero-initialised parameters weight (in_features,) and bias (1,)"""
    got = learner.probe("logistic_parameters", in_features=5)
    expect.true(got["is_module"], "LogisticRegression must subclass nn.Module")
    _expect_zero_parameter(got["weight"], "weight", (5,))
    _expect_zero_parameter(got["bias"], "bias", (1,))
    expect.equal(sorted(got["parameters"]), ["bias", "weight"], "the names in `named_parameters()`")


@pytest.mark.points(2)
def test_logistic_forward(learner, reference, expect: Expect) -> None:
    """forward returns sigmoid(x @ weight + bias) of shape (N,)"""
    got, want = learner.probe("logistic_forward", n=9, in_features=4), reference.probe("logistic_forward", n=9, in_features=4)
    shape_hint = "return one probability per sample, shape (N,), not (N, 1)" if tuple(got["probs"].shape) == (9, 1) else ""
    expect.close(got["probs"], want["probs"], "LogisticRegression(4)(x) for 9 samples",
                 shape_hint or "compute torch.sigmoid(x @ self.weight + self.bias)")


# ------------------------------------------------------------------------------- manual backward


def _gradient_hint(got: torch.Tensor, want: torch.Tensor, n: int) -> str:
    """Name the usual slip when the learner's gradient is a simple multiple of the right one."""
    formula = "dL/dz = (p - y) / N, so dL/dw = x.T @ (p - y) / N and dL/db = sum(p - y) / N"
    if got.shape != want.shape or not bool(want.abs().max() > 1e-12):
        return formula
    for factor, slip in ((n, "divide by N: the loss is a mean"), (-1.0, "the sign is flipped: use p - y, not y - p"),
                         (1.0 / n, "divide by N once, not twice")):
        if (n > 1 or factor == -1.0) and bool(torch.allclose(got, want * factor, rtol=1e-6, atol=1e-12)):
            return f"it is {factor:.4g} times the right gradient: {slip}"
    return formula


def _expect_gradients(expect: Expect, got: dict[str, Any], want: dict[str, Any], context: str) -> None:
    for name in ("weight", "bias"):
        grad = got["grads"][name]
        if grad is None:
            raise Mismatch(f"after backward, `{name}.grad` is None: store the gradient in `self.{name}.grad`")
        expected = want["grads"][name]["value"]
        expect.close(grad["value"], expected, f"`{name}.grad` {context}", _gradient_hint(grad["value"], expected, got["n"]))


@pytest.mark.points(3)
@pytest.mark.parametrize("n, in_features", [(16, 3), (50, 6), (1, 2)], ids=["n16", "n50", "single-sample"])
def test_backward_matches_autograd(learner, reference, expect: Expect, n: int, in_features: int) -> None:
    """backward stores the same gradients as autograd (float64)"""
    kwargs = dict(n=n, in_features=in_features, seed=n)
    got, want = learner.probe("manual_backward", **kwargs), reference.probe("manual_backward", **kwargs)
    _expect_gradients(expect, got, want, f"for {n} samples of {in_features} features")


@pytest.mark.points(1)
def test_backward_replaces_grad(learner, reference, expect: Expect) -> None:
    """backward replaces existing gradients instead of adding to them"""
    kwargs = dict(n=12, in_features=3, seed=21, prefill=True)
    got, want = learner.probe("manual_backward", **kwargs), reference.probe("manual_backward", **kwargs)
    for name in ("weight", "bias"):
        grad = got["grads"][name]
        if grad is not None and bool((grad["value"] - want["grads"][name]["value"] - 100).abs().max() < 1e-6):
            raise Mismatch(f"`{name}.grad` was added to the old gradient: assign `self.{name}.grad = ...` instead of accumulating")
    _expect_gradients(expect, got, want, "when .grad already held values")


@pytest.mark.points(1)
def test_backward_without_autograd(learner, expect: Expect) -> None:
    """backward computes gradients by hand: no autograd, no graph on the result, returns None"""
    got = learner.probe("manual_backward", n=8, in_features=3, seed=5)
    expect.equal(got["autograd_calls"], 0, "the number of autograd calls in backward",
                 "compute the gradients with tensor operations, without loss.backward() or torch.autograd.grad")
    for name in ("weight", "bias"):
        grad = got["grads"][name]
        expect.true(grad is not None, f"after backward, `{name}.grad` is None: store the gradient in `self.{name}.grad`")
        expect.true(not grad["requires_grad"], f"`{name}.grad` requires grad: compute it under torch.no_grad() or from detached tensors")
        expect.true(grad["same_dtype"], f"`{name}.grad` has a different dtype than `{name}`")
    expect.equal(got["returned"], "NoneType", "the type of what backward returns", "backward stores gradients and returns None")


# ------------------------------------------------------------------------------------- ManualSGD

COMBINATIONS = [
    dict(momentum=0.0, weight_decay=0.0, nesterov=False),
    dict(momentum=0.9, weight_decay=0.0, nesterov=False),
    dict(momentum=0.0, weight_decay=0.05, nesterov=False),
    dict(momentum=0.9, weight_decay=0.05, nesterov=False),
    dict(momentum=0.9, weight_decay=0.0, nesterov=True),
    dict(momentum=0.9, weight_decay=0.05, nesterov=True),
]


def _describe_options(options: dict[str, Any]) -> str:
    return ", ".join(f"{key}={value}" for key, value in options.items())


OPTION_RULES = {
    "nesterov": "with nesterov the direction is grad + momentum * buf",
    "weight_decay": "weight decay adds weight_decay * p to the gradient before momentum",
    "momentum": "keep buf = momentum * buf + grad in state[p]['momentum_buffer'] and step along buf",
}


def _hint(options: dict[str, Any], step: int) -> str:
    hints = []
    if options.get("weight_decay"):
        hints.append("weight decay adds weight_decay * p to the gradient before momentum")
    if options.get("momentum") and step == 0:
        hints.append("on the first step the momentum buffer is the gradient itself (a copy), not zeros")
    elif options.get("momentum"):
        hints.append("afterwards buf = momentum * buf + grad, and the step direction is buf")
    if options.get("nesterov"):
        hints.append("with nesterov the direction is grad + momentum * buf")
    if not hints:
        hints.append("plain SGD updates p -= lr * grad")
    return "; ".join(hints)


def _same_trajectory(got: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(
        got_param.shape == want_param.shape and bool(torch.allclose(got_param, want_param, rtol=1e-9, atol=1e-12))
        for got_params, want_params in zip(got["trajectory"], want["trajectory"])
        for got_param, want_param in zip(got_params, want_params)
    )


def _ignored_option(reference, got: dict[str, Any], kwargs: dict[str, Any]) -> str | None:
    """The option whose removal makes the reference follow the learner's trajectory, if one does."""
    defaults = kwargs["defaults"]
    for option, off in (("nesterov", False), ("weight_decay", 0.0), ("momentum", 0.0)):
        if defaults.get(option) and not (option == "momentum" and defaults.get("nesterov")):
            changed = dict(kwargs, defaults={**defaults, option: off})
            if _same_trajectory(got, reference.probe("sgd_trajectory", **changed)):
                return option
    return None


def expect_same_trajectory(expect: Expect, got: dict[str, Any], want: dict[str, Any], label: str, options_of: Any,
                           diagnosis: str | None = None) -> None:
    """Compare parameters after every step; report the first step (and parameter) that differs."""
    for step, (got_params, want_params) in enumerate(zip(got["trajectory"], want["trajectory"])):
        for index, (got_param, want_param) in enumerate(zip(got_params, want_params)):
            expect.close(got_param, want_param, f"{label}: parameter {index} after step {step + 1}",
                         diagnosis or _hint(options_of(index), step))


@pytest.mark.points(1)
def test_sgd_is_an_optimizer(learner, expect: Expect) -> None:
    """ManualSGD subclasses torch.optim.Optimizer and keeps its options in param_groups"""
    got = learner.probe("sgd_structure")
    expect.true(got["is_optimizer"], "ManualSGD must subclass torch.optim.Optimizer")
    expect.equal(got["group_options"], {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.0, "nesterov": False},
                 "the options in optimizer.param_groups[0]",
                 "pass dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov) as defaults to super().__init__")


@pytest.mark.points(1)
@pytest.mark.parametrize("options", COMBINATIONS, ids=[_describe_options(o) for o in COMBINATIONS])
def test_sgd_matches_torch_sgd(learner, reference, expect: Expect, options: dict[str, Any]) -> None:
    """ManualSGD follows torch.optim.SGD's trajectory"""
    kwargs = dict(groups=[{"sizes": [4, 3]}], steps=5, defaults={"lr": 0.05, **options})
    got, want = learner.probe("sgd_trajectory", **kwargs), reference.probe("sgd_trajectory", **kwargs)
    ignored = None if _same_trajectory(got, want) else _ignored_option(reference, got, kwargs)
    diagnosis = f"your step behaves as if {ignored} were off: {OPTION_RULES[ignored]}" if ignored else None
    expect_same_trajectory(expect, got, want, f"ManualSGD(lr=0.05, {_describe_options(options)})", lambda _: options, diagnosis)


@pytest.mark.points(2)
def test_sgd_parameter_groups(learner, reference, expect: Expect) -> None:
    """ManualSGD honours each parameter group's own options"""
    defaults = {"lr": 0.05, "momentum": 0.5}
    groups = [
        {"sizes": [3, 2]},
        {"sizes": [4], "lr": 0.2, "momentum": 0.0, "weight_decay": 0.1},
        {"sizes": [2], "momentum": 0.9, "nesterov": True},
    ]
    kwargs = dict(groups=groups, steps=4, defaults=defaults)
    got, want = learner.probe("sgd_trajectory", **kwargs), reference.probe("sgd_trajectory", **kwargs)
    group_of = [0, 0, 1, 2]

    def options_of(index: int) -> dict[str, Any]:
        group = {key: value for key, value in groups[group_of[index]].items() if key != "sizes"}
        return {**defaults, **group}

    plain_groups = [{"sizes": group["sizes"]} for group in groups]
    uses_defaults = _same_trajectory(got, reference.probe("sgd_trajectory", groups=plain_groups, steps=4, defaults=defaults))
    diagnosis = "read lr, momentum, weight_decay and nesterov from each `group`, not from the defaults" if uses_defaults else None
    expect_same_trajectory(expect, got, want, "with three parameter groups", options_of, diagnosis)


@pytest.mark.points(1)
def test_sgd_updates_in_place(learner, expect: Expect) -> None:
    """ManualSGD updates the same parameter tensors in place, without autograd history"""
    got = learner.probe("sgd_trajectory", groups=[{"sizes": [3]}], steps=2, defaults={"lr": 0.1, "momentum": 0.9})
    hint = "update with p.add_(...) or p -= ... under torch.no_grad(); never rebind or replace the parameter"
    expect.true(got["same_objects"], f"the optimizer's param_groups hold new tensors after step(): {hint}")
    expect.true(not any(got["history"]), f"a parameter has autograd history (grad_fn) after step(): {hint}")
    expect.true(all(got["requires_grad"]), "a parameter lost requires_grad after step(): update it in place instead")


@pytest.mark.points(1)
def test_sgd_momentum_buffer(learner, reference, expect: Expect) -> None:
    """the momentum buffer lives in state[p]['momentum_buffer'] and starts as the first gradient"""
    for weight_decay in (0.0, 0.1):
        got, want = learner.probe("sgd_details", weight_decay=weight_decay), reference.probe("sgd_details", weight_decay=weight_decay)
        expect.true(not got["buffer_is_grad"], "the momentum buffer is the gradient tensor itself, so zeroing or reusing the "
                    "gradient changes it: store a copy (grad.clone())")
        for step, (buffer, expected) in enumerate(zip(got["buffers"], want["buffers"])):
            if buffer is None:
                raise Mismatch(f"after step {step + 1}, optimizer.state[p] has no 'momentum_buffer': keep the buffer there")
            hint = "it starts as a copy of the first gradient (weight decay included)" if step == 0 else "buf = momentum * buf + grad"
            expect.close(buffer, expected, f"state[p]['momentum_buffer'] after step {step + 1} (weight_decay={weight_decay})", hint)


@pytest.mark.points(1)
def test_sgd_skips_missing_gradients(learner, expect: Expect) -> None:
    """ManualSGD leaves parameters whose grad is None untouched"""
    got = learner.probe("sgd_details", weight_decay=0.1)
    expect.true(not got["unused_changed"], "a parameter whose grad is None was changed: skip it (`if p.grad is None: continue`)")
    expect.equal(got["unused_state"], [], "optimizer.state of a parameter that never had a gradient", "skip it before touching its state")


@pytest.mark.points(1)
def test_sgd_closure(learner, reference, expect: Expect) -> None:
    """step(closure) calls the closure once and returns its loss; step() returns None"""
    got, want = learner.probe("sgd_closure"), reference.probe("sgd_closure")
    expect.equal(got["closure_calls"], 1, "how often step(closure) called the closure",
                 "call loss = closure() (under torch.enable_grad()) once, at the start of step")
    expect.equal(got["returned"], want["returned"], "what step(closure) returned", "return the loss the closure returned")
    expect.equal(got["without_closure"], None, "what step() without a closure returned")
    expect.close(got["after"], want["after"], "the parameter after step(closure) and step()", "call the closure before updating")


@pytest.mark.points(1)
def test_sgd_rejects_invalid_options(learner, expect: Expect) -> None:
    """ManualSGD raises ValueError for invalid options and accepts valid ones"""
    from grader.suites.exercise3.probes import INVALID_OPTIONS, VALID_OPTIONS

    got = learner.probe("sgd_validation")
    for label in INVALID_OPTIONS:
        expect.equal(got[label], "ValueError", f"what ManualSGD(params, {label}) raised",
                     "check the options in __init__ and raise ValueError with a message")
    for label in VALID_OPTIONS:
        expect.equal(got[label], "no error", f"what ManualSGD(params, {label}) raised", "these options are valid")


# ---------------------------------------------------------------------------------- train_manual

TRAIN_CASES = [dict(epochs=6, lr=0.5, momentum=0.0), dict(epochs=8, lr=0.3, momentum=0.9)]


def _train(learner, reference, case: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The momentum case runs on the grading device itself: on a CPU grader, a hard-coded .cuda() fails there."""
    kwargs = dict(n=40, in_features=3, **case)
    kwargs = on_real_device(**kwargs) if case["momentum"] else kwargs
    return learner.probe("train", **kwargs), reference.probe("train", **kwargs)


def _expect_manual_sgd_used(expect: Expect, got: dict[str, Any], case: dict[str, Any]) -> None:
    optimizers = got["optimizers"]
    expect.true(bool(optimizers), "train_manual never called step() on a ManualSGD: train with your own optimizer")
    if case["momentum"]:
        expect.equal(len(optimizers), 1, "the number of ManualSGD optimizers train_manual created",
                     "create the optimizer once, before the loop: a new one each epoch loses its momentum")
    expect.equal(optimizers[0]["momentum"], case["momentum"], "the momentum train_manual gave ManualSGD", "pass momentum on")
    expect.equal(optimizers[0]["lr"], case["lr"], "the lr train_manual gave ManualSGD", "pass lr on")
    expect.equal(sum(optimizer["steps"] for optimizer in optimizers), case["epochs"], "the number of ManualSGD steps",
                 "call step() once per epoch")


@pytest.mark.points(3)
@pytest.mark.parametrize("case", TRAIN_CASES, ids=["plain", "momentum"])
def test_train_manual_losses(learner, reference, expect: Expect, case: dict[str, Any]) -> None:
    """train_manual returns each epoch's loss, taken before that epoch's update"""
    got, want = _train(learner, reference, case)
    expect.equal(got["types"], ["float"], "the types of the losses train_manual returned", "return loss.item() for each epoch")
    expect.equal(len(got["losses"]), case["epochs"], f"the number of losses for epochs={case['epochs']}")
    first = torch.tensor(got["losses"][0], dtype=torch.float64)
    after_update = len(want["losses"]) > 1 and abs(got["losses"][0] - want["losses"][1]) < 1e-5
    hint = ("record the loss before the update: from zero weights the first loss is log(2)" if after_update
            else "from zero weights the first loss is log(2): check bce_loss and that the model starts at zeros")
    expect.close(first, torch.tensor(math.log(2), dtype=torch.float64), "the first epoch's loss", hint, rtol=1e-5, atol=1e-6)
    _expect_manual_sgd_used(expect, got, case)
    expect.close(torch.tensor(got["losses"], dtype=torch.float64), torch.tensor(want["losses"], dtype=torch.float64),
                 f"the losses of train_manual({_describe_options(case)})",
                 "each epoch: forward, bce_loss, model.backward, step, zero_grad", rtol=1e-5, atol=1e-6)


@pytest.mark.points(1)
def test_train_manual_updates_model(learner, reference, expect: Expect) -> None:
    """train_manual trains the given model in place"""
    got, want = _train(learner, reference, TRAIN_CASES[1])
    _expect_manual_sgd_used(expect, got, TRAIN_CASES[1])
    for name in ("weight", "bias"):
        expect.close(got[name], want[name], f"the model's `{name}` after train_manual", "update the model that was passed in, not a copy or a new one",
                     rtol=1e-4, atol=1e-6)


@pytest.mark.points(1)
def test_train_manual_without_autograd(learner, expect: Expect) -> None:
    """train_manual never calls autograd"""
    got, _ = _train(learner, learner, TRAIN_CASES[0])
    expect.equal(got["autograd_calls"], 0, "the number of autograd calls in train_manual",
                 "use model.backward(x, targets, probs) instead of loss.backward()")
