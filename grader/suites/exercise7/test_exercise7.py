"""Hidden suite for exercise 7: backward from scratch, the autograd way (custom torch.autograd.Function).

How a hand-written backward is judged, so that learner code cannot forge a passing check:

- **Gradients, against the reference.** The worker runs the learner's Function and asks autograd
  for the gradients its backward gives, for several seeded inputs and random ``grad_output``s, in
  float32 and float64; the same probe runs on the reference in the grader's process, and the
  test compares the two there. The worker returns gradients, never a verdict.
- **gradcheck, in the grader.** ``torch.autograd.gradcheck`` compares the Jacobian backward gives
  with central differences of forward. The worker sends both matrices (float64, one backward per
  output entry, two forward calls per input entry, step 1e-6); the test applies gradcheck's own
  criterion (``atol=1e-5``, ``rtol=1e-3``) here. So a learner's own gradcheck call, patched or
  not, decides nothing, and a backward consistent with a wrong forward still fails the reference
  comparison.
- **gradgradcheck, where it applies.** With ``create_graph=True`` a backward either builds no
  graph (``torch.no_grad``, ``@once_differentiable``: then double backward is refused loudly) or
  builds one, which must then give the reference's second-order products; a half-detached graph
  gives silently wrong ones.
- **By hand.** While the learner's Function runs, the probe counts the autograd engine's runs
  (``Tensor.backward``, ``torch.autograd.grad`` and ``torch.func``'s reverse mode all go through
  it) beyond its own single call, and the forward-mode levels entered (``torch.func.jvp``); the
  counters call the originals. Gradients must carry no graph when ``create_graph`` is off.
- **What backward returns.** The probe calls backward directly through the output's autograd node
  (which is the ``ctx`` forward filled in), so ``None``s, extra values and dtypes are seen as
  returned, before autograd would drop or cast them; a dispatch mode counts its matrix products.
- **save_for_backward.** After forward, every tensor input and the output are changed in place:
  autograd must refuse to run backward, unless the gradients are still those of the unchanged
  values (a saved copy); tensors kept as ``ctx`` attributes give wrong ones instead.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import torch

from grader.expect import Expect, Mismatch, tolerance
from grader.suites.exercise7.probes import LABELS, call_text

DTYPES = ("float32", "float64")
SEEDS = [0, 1, 2]
GRADCHECK_TOLERANCE = dict(rtol=1e-3, atol=1e-5)  # torch.autograd.gradcheck's defaults

FORMULAS = {
    "Sigmoid": "backward returns grad_output * out * (1 - out), with out the output saved in forward",
    "Linear": "the gradients are grad_output @ weight for x, grad_output.T @ x for weight and grad_output summed over the "
              "batch for bias",
    "StraightThroughRound": "backward returns grad_output unchanged",
    "ClampedExp": "the gradient for x is grad_output * out where x < max_value and 0 elsewhere",
}
ELEMENTWISE = ("Sigmoid", "ClampedExp")


def _close(got: Any, want: Any, dtype: torch.dtype) -> bool:
    if not isinstance(got, torch.Tensor) or not isinstance(want, torch.Tensor) or got.shape != want.shape:
        return got is None and want is None
    rtol, atol = tolerance(dtype)
    return bool(torch.allclose(got.double(), want.double(), rtol=rtol, atol=atol, equal_nan=True))


def _labels(name: str, case: dict[str, Any]) -> list[str]:
    """The labels of the tensors that require grad in a probe's call, in order."""
    labels = LABELS[name]
    needs = case.get("needs", [True] * len(labels))
    if name == "Linear" and case.get("bias", "tensor") != "tensor":
        needs = [*needs[:2], False]
    return [label for label, need in zip(labels, needs) if need]


def _dtype_of(dtype: str) -> torch.dtype:
    return {"float32": torch.float32, "float64": torch.float64}[dtype]


# --------------------------------------------------------------------------------------- Sigmoid


@pytest.mark.points(2)
def test_sigmoid_forward(learner, reference, expect: Expect) -> None:
    """Sigmoid.apply(x) = 1 / (1 + exp(-x)), in the input's dtype"""
    for dtype in DTYPES:
        kwargs = dict(function="Sigmoid", case={}, dtype=dtype, seed=1)
        with expect.context(f"Sigmoid.apply(x) ({dtype})"):
            got = learner.probe("forward", **kwargs)
        want = reference.probe("forward", **kwargs)
        expect.close(got["out"], want["out"], f"Sigmoid.apply(x) on a ({dtype}) input of shape (3, 4)",
                     "compute 1 / (1 + exp(-x)), in the input's dtype")


@pytest.mark.points(2)
def test_sigmoid_no_overflow(learner, reference, expect: Expect) -> None:
    """Sigmoid has no inf or nan at x = ±1000 (float32), in its output or its gradient"""
    with expect.context("Sigmoid.apply(x) for x from -1000 to 1000 (float32)"):
        got = learner.probe("sigmoid_extremes", dtype="float32")
    want = reference.probe("sigmoid_extremes", dtype="float32")
    for key, problem in (("out", "Sigmoid.apply(x) is {value} at x = {x} (float32): exp of a large number overflows to "
                                 "inf (and inf / inf is nan); compute it from exp(-|x|), which is at most 1"),
                         ("grad", "the gradient of Sigmoid is {value} at x = {x} (float32): compute backward from the "
                                  "saved output, grad_output * out * (1 - out), which needs no exp")):
        values = got[key]
        bad = [(x, v) for x, v in zip(got["x"], values.tolist()) if not math.isfinite(v)]
        if bad:
            x, value = bad[0]
            raise Mismatch(problem.format(value=value, x=x))
    expect.close(got["out"], want["out"], "Sigmoid.apply(x) for x = -1000, -100, -30, -1, 0, 1, 30, 100, 1000 (float32)")
    expect.close(got["grad"], want["grad"], "the gradient of Sigmoid for x = -1000, -100, -30, -1, 0, 1, 30, 100, 1000 "
                 "(float32)", FORMULAS["Sigmoid"])


@pytest.mark.points(1)
def test_sigmoid_saves_output(learner, expect: Expect) -> None:
    """Sigmoid's forward saves its output with ctx.save_for_backward"""
    got = learner.probe("sigmoid_saved")
    if got["output"]:
        return
    if got["count"] == 0:
        raise Mismatch("Sigmoid's forward saved nothing with ctx.save_for_backward: save its output with "
                       "ctx.save_for_backward(out) and read it back from ctx.saved_tensors in backward")
    if got["input"]:
        raise Mismatch("Sigmoid's forward saved its input x instead of its output: save the output (ctx.save_for_backward(out)); "
                       "backward then needs no exp: grad_output * out * (1 - out)")
    raise Mismatch(f"Sigmoid's forward saved {got['count']} tensor(s), none of them the output it returned: save the very "
                   "tensor forward returns")


# ---------------------------------------------------------------------------------------- Linear

LINEAR_CASES = [{"bias": "tensor"}, {"bias": "none"}, {"bias": "omitted"}]


@pytest.mark.points(2)
def test_linear_forward(learner, reference, expect: Expect) -> None:
    """Linear.apply(x, weight, bias=None) = x @ weight.T (+ bias)"""
    for case in LINEAR_CASES:
        call = call_text("Linear", case)
        for dtype in DTYPES:
            kwargs = dict(function="Linear", case=case, dtype=dtype, seed=2)
            with expect.context(f"{call} ({dtype})", "bias may be None or left out: add it only when it is not None"):
                got = learner.probe("forward", **kwargs)
            want = reference.probe("forward", **kwargs)
            expect.close(got["out"], want["out"], f"{call} for x (5, 4) and weight (3, 4) ({dtype})",
                         "compute x @ weight.T, plus bias when it is not None")


NEEDS_CASES = {
    "only weight and bias require grad": {"needs": [False, True, True]},
    "only x requires grad": {"needs": [True, False, False]},
    "only bias requires grad": {"needs": [False, False, True]},
    "bias=None": {"bias": "none"},
    "bias left out": {"bias": "omitted"},
}
INPUT_NAMES = ["x", "weight", "bias"]


@pytest.mark.points(2)
def test_linear_needs_input_grad(learner, expect: Expect) -> None:
    """Linear's backward returns None for bias=None and for every input whose needs_input_grad is false"""
    hint = "backward returns one gradient (or None) per input of forward: (grad_x, grad_weight, grad_bias)"
    for label, case in NEEDS_CASES.items():
        call = call_text("Linear", case)
        with expect.context(f"{call} with {label}", hint):
            got = learner.probe("backward_returns", function="Linear", case=case)
        returned, needs = got["returned"], got["needs"]
        if len(returned) < got["inputs"]:
            raise Mismatch(f"with {label}, Linear's backward returned {len(returned)} value(s) for the {got['inputs']} "
                           f"inputs of {call}: {hint}")
        for position, value in enumerate(returned):
            name = INPUT_NAMES[position] if position < 3 else f"position {position}"
            needed = position < len(needs) and needs[position]
            if needed and value["kind"] != "tensor":
                raise Mismatch(f"with {label}, Linear's backward returned {value['kind']} for `{name}`, which requires grad: "
                               "return its gradient")
            if not needed and value["kind"] != "None":
                if name == "bias" and case.get("bias") in ("none", "omitted"):
                    raise Mismatch(f"for {call}, Linear's backward returned a {value['kind']} for the bias: return None "
                                   "for a bias that is None")
                raise Mismatch(f"with {label}, Linear's backward returned a {value['kind']} for `{name}`, which does not "
                               f"require grad (ctx.needs_input_grad[{position}] is False): return None there, and skip "
                               "computing it")


ONLY_CASES = {"x": {"needs": [True, False, False]}, "weight": {"needs": [False, True, False]},
              "bias": {"needs": [False, False, True]}}


@pytest.mark.points(1)
def test_linear_computes_only_what_it_returns(learner, expect: Expect) -> None:
    """Linear's backward computes only the gradients ctx.needs_input_grad asks for"""
    for name, case in ONLY_CASES.items():
        with expect.context(f"Linear.apply(x, weight, bias) with only `{name}` requiring grad"):
            got = learner.probe("backward_returns", function="Linear", case=case)
        shapes = {"x": "(5, 4)", "weight": "(3, 4)", "bias": "(3,)"}
        for position, other in enumerate(INPUT_NAMES):
            if other == name:
                continue
            expect.true(got["sizes"][position] not in got["products"],
                        f"with only `{name}` requiring grad, Linear's backward still computed the gradient for `{other}` "
                        f"(a matrix product or sum of `{other}`'s size, {shapes[other]}), which it does not return: "
                        "compute each gradient only when ctx.needs_input_grad asks for it")


# -------------------------------------------------------------------------- StraightThroughRound


@pytest.mark.points(1)
def test_round_forward(learner, reference, expect: Expect) -> None:
    """StraightThroughRound.apply(x) = torch.round(x), in the input's dtype"""
    for dtype in DTYPES:
        kwargs = dict(function="StraightThroughRound", case={}, dtype=dtype, seed=3)
        with expect.context(f"StraightThroughRound.apply(x) ({dtype})"):
            got = learner.probe("forward", **kwargs)
        want = reference.probe("forward", **kwargs)
        expect.close(got["out"], want["out"], f"StraightThroughRound.apply(x) for x holding -1.5, -0.5, 0.5, 1.5, 2.5 and "
                     f"random values ({dtype})", "halves round to the even neighbour, as torch.round does (0.5 -> 0, "
                     "1.5 -> 2, 2.5 -> 2), and the input's dtype is kept: return torch.round(x)")


@pytest.mark.points(2)
def test_round_gradient_is_grad_output(learner, expect: Expect) -> None:
    """StraightThroughRound's gradient is exactly grad_output (straight-through)"""
    for dtype in DTYPES:
        with expect.context(f"StraightThroughRound.apply(x) and its backward ({dtype})", FORMULAS["StraightThroughRound"]):
            got = learner.probe("gradients", function="StraightThroughRound", case={}, dtype=dtype, seeds=[4, 5])
        for run in got["runs"]:
            grad, grad_output = run["grads"][0], run["grad_output"]
            if grad is None:
                raise Mismatch("StraightThroughRound's backward returned None for x: return grad_output")
            hint = "the straight-through estimator passes grad_output back unchanged"
            if grad.shape == grad_output.shape and bool((grad == 0).all()):
                hint = ("the gradient is 0, the true derivative of rounding, which stops all learning: "
                        "the straight-through estimator passes grad_output back unchanged")
            elif grad.shape == grad_output.shape and bool((grad == 1).all()):
                hint = ("the gradient is 1 everywhere: return grad_output itself, not the identity's derivative "
                        "(the chain rule multiplies by grad_output)")
            expect.equal(grad, grad_output, f"the gradient StraightThroughRound passes back for a random grad_output ({dtype})",
                         hint)


# ------------------------------------------------------------------------------------ ClampedExp

CLAMPED_CASES = [{"max_value": 1.0}, {"max_value": None}]


@pytest.mark.points(1)
def test_clamped_exp_forward(learner, reference, expect: Expect) -> None:
    """ClampedExp.apply(x, max_value=10.0) = exp(min(x, max_value))"""
    for case in CLAMPED_CASES:
        call = call_text("ClampedExp", case)
        for dtype in DTYPES:
            kwargs = dict(function="ClampedExp", case=case, dtype=dtype, seed=6)
            with expect.context(f"{call} ({dtype})", "max_value defaults to 10.0"):
                got = learner.probe("forward", **kwargs)
            want = reference.probe("forward", **kwargs)
            expect.close(got["out"], want["out"], f"{call} on x around and past the clamp ({dtype})",
                         "compute torch.exp of x clamped from above at max_value (max_value defaults to 10.0)")


@pytest.mark.points(1)
def test_clamped_exp_gradient_past_max_value(learner, reference, expect: Expect) -> None:
    """ClampedExp's gradient is 0 where x >= max_value"""
    case = {"max_value": 1.0, "edge": True}
    for dtype in DTYPES:
        kwargs = dict(function="ClampedExp", case=case, dtype=dtype, seeds=[7])
        with expect.context(f"ClampedExp.apply(x, 1.0) and its backward ({dtype})", FORMULAS["ClampedExp"]):
            got = learner.probe("gradients", **kwargs)
        want = reference.probe("gradients", **kwargs)
        run, expected = got["runs"][0], want["runs"][0]
        x, grad = run["inputs"][0], run["grads"][0]
        if grad is None:
            raise Mismatch("ClampedExp's backward returned None for x, which requires grad: return its gradient first")
        if grad.shape == x.shape:
            for where, mask in (("past max_value", x > 1.0), ("at x == max_value", x == 1.0)):
                values = grad[mask]
                if bool((values != 0).any()):
                    value = values[values != 0][0].item()
                    if where.startswith("at"):
                        raise Mismatch(f"{where} (1.0) the gradient must be 0, as the contract says (grad_output * out where "
                                       f"x < max_value, 0 elsewhere); yours is {value:.6g}: compare with <, not <=")
                    raise Mismatch(f"{where} (1.0) the gradient must be 0, as the clamp is flat there; yours is "
                                   f"{value:.6g}: multiply by the mask x < max_value")
        expect.close(grad, expected["grads"][0], f"the gradient of ClampedExp.apply(x, 1.0) for x around the clamp ({dtype})",
                     FORMULAS["ClampedExp"])


@pytest.mark.points(1)
def test_clamped_exp_none_for_max_value(learner, expect: Expect) -> None:
    """ClampedExp's backward returns (gradient for x, None for max_value)"""
    with expect.context("ClampedExp.apply(x, 1.0) and its backward", "backward returns (grad_x, None)"):
        got = learner.probe("backward_returns", function="ClampedExp", case={"max_value": 1.0})
    returned = got["returned"]
    if len(returned) < 2:
        raise Mismatch(f"ClampedExp's backward returned {len(returned)} value(s) for the 2 inputs of forward (x, max_value): "
                       "return (grad_x, None)")
    expect.true(returned[0]["kind"] == "tensor", f"ClampedExp's backward returned {returned[0]['kind']} for x, which "
                "requires grad: return its gradient first")
    expect.true(returned[1]["kind"] == "None", f"ClampedExp's backward returned a {returned[1]['kind']} for max_value: "
                "max_value is a float, not a tensor, and has no gradient: return None for it")


# ------------------------------------------------------------------- every differentiable Function

GRADIENT_CASES = {
    "Sigmoid": ("Sigmoid", {}),
    "Linear": ("Linear", {"bias": "tensor"}),
    "Linear-without-bias": ("Linear", {"bias": "omitted"}),
    "Linear-only-weight": ("Linear", {"needs": [False, True, True]}),
    "ClampedExp": ("ClampedExp", {"max_value": 1.0}),
    "ClampedExp-default": ("ClampedExp", {"max_value": None}),
}


def _gradient_hint(name: str, got: torch.Tensor, want: torch.Tensor, grad_output: torch.Tensor) -> str:
    """Name the usual slip where the learner's gradient says what it is."""
    if got.shape == want.shape and name in ELEMENTWISE and _close(got * grad_output, want, got.dtype):
        return f"it is the derivative itself, not multiplied by grad_output (the chain rule): {FORMULAS[name]}"
    if got.shape == want.shape and _close(-got, want, got.dtype):
        return f"the sign is flipped: {FORMULAS[name]}"
    return FORMULAS[name]


@pytest.mark.points(2)
@pytest.mark.parametrize("case_id", list(GRADIENT_CASES))
def test_backward_matches_reference(learner, reference, expect: Expect, case_id: str) -> None:
    """backward gives the right gradients, in float32 and float64"""
    name, case = GRADIENT_CASES[case_id]
    call = call_text(name, case)
    labels = _labels(name, case)
    for dtype in DTYPES:
        kwargs = dict(function=name, case=case, dtype=dtype, seeds=SEEDS)
        with expect.context(f"{call} and its backward ({dtype})", FORMULAS[name]):
            got = learner.probe("gradients", **kwargs)
        want = reference.probe("gradients", **kwargs)
        for seed, run, expected in zip(SEEDS, got["runs"], want["runs"]):
            for value, label in zip(run["returned"], LABELS[name]):
                if value["kind"] == "tensor" and label in labels and value["dtype"] != f"torch.{dtype}":
                    raise Mismatch(f"{name}'s backward returned a gradient of dtype {value['dtype']} for `{label}` of "
                                   f"dtype torch.{dtype}: create new tensors with the inputs' dtype and device "
                                   "(torch.zeros_like(x), not torch.zeros(x.shape))")
            for label, grad, want_grad in zip(labels, run["grads"], expected["grads"]):
                if grad is None:
                    raise Mismatch(f"{name}'s backward returned None for `{label}`, which requires grad: return its gradient")
                expect.close(grad, want_grad, f"the gradient for `{label}` of {call} (seed {seed}, {dtype})",
                             _gradient_hint(name, grad, want_grad, run["grad_output"]))


GRADCHECK_CASES = {"Sigmoid": ("Sigmoid", {}), "Linear": ("Linear", {"bias": "tensor"}), "ClampedExp": ("ClampedExp", {"max_value": 1.0})}


@pytest.mark.points(1)
@pytest.mark.parametrize("case_id", list(GRADCHECK_CASES))
def test_gradcheck(learner, expect: Expect, case_id: str) -> None:
    """backward agrees with finite differences of forward in float64 (torch.autograd.gradcheck)"""
    name, case = GRADCHECK_CASES[case_id]
    call = call_text(name, case)
    with expect.context(f"{call} and its backward (float64)", FORMULAS[name]):
        got = learner.probe("jacobians", function=name, case=case, seed=8)
    for label, analytic, numerical, missing in zip(got["labels"], got["analytic"], got["numerical"], got["missing"]):
        if missing:
            raise Mismatch(f"{name}'s backward returned None for `{label}`, which requires grad: return its gradient")
        expect.close(analytic, numerical, f"the Jacobian of {call} for `{label}` from your backward, against central "
                     "differences of your forward (float64, what torch.autograd.gradcheck compares)",
                     f"so torch.autograd.gradcheck fails: backward must be the derivative of what forward computes; "
                     f"{FORMULAS[name]}",
                     **GRADCHECK_TOLERANCE)


@pytest.mark.points(1)
@pytest.mark.parametrize("case_id", list(GRADCHECK_CASES))
def test_gradgradcheck(learner, reference, expect: Expect, case_id: str) -> None:
    """with create_graph=True, backward builds no graph or a correct one (torch.autograd.gradgradcheck)"""
    name, case = GRADCHECK_CASES[case_id]
    call = call_text(name, case)
    with expect.context(f"{call} and its backward with create_graph=True (float64)"):
        got = learner.probe("double_backward", function=name, case=case, seed=9)
    if got["status"] != "graph":
        return  # no graph, or refused (@once_differentiable): double backward fails loudly, not wrongly
    want = reference.probe("double_backward", function=name, case=case, seed=9)
    for label, first, expected in zip(want["labels"], got["first"], want["first"]):
        expect.close(first, expected, f"with create_graph=True, the gradient for `{label}` of {call}", FORMULAS[name])
    for label, second, expected in zip(want["labels"], got["second"], want["second"]):
        expect.close(second, expected, f"with create_graph=True, the second-order gradient for `{label}` through "
                     f"{name}'s backward", "the gradients your backward returns carry a graph, but not the graph of their "
                     "derivative (torch.autograd.gradgradcheck fails): compute them from the saved tensors and grad_output "
                     "as they are, without .detach() or .data; or mark backward @once_differentiable if it is not meant to "
                     "be differentiated twice")


BY_HAND_CASES = {"Sigmoid": ("Sigmoid", {}), "Linear": ("Linear", {"bias": "tensor"}),
                 "StraightThroughRound": ("StraightThroughRound", {}), "ClampedExp": ("ClampedExp", {"max_value": 1.0})}


@pytest.mark.points(1)
@pytest.mark.parametrize("case_id", list(BY_HAND_CASES))
def test_backward_by_hand(learner, expect: Expect, case_id: str) -> None:
    """backward is written by hand: it runs no autograd and its gradients carry no graph"""
    name, case = BY_HAND_CASES[case_id]
    call = call_text(name, case)
    with expect.context(f"{call} and its backward (float64)", FORMULAS[name]):
        got = learner.probe("gradients", function=name, case=case, dtype="float64", seeds=[10])
    run = got["runs"][0]
    expect.true(run["engine"] == 0, f"{call} and its backward ran autograd themselves ({run['engine']} extra run(s) of the "
                "autograd engine: Tensor.backward, torch.autograd.grad or torch.func): write the derivative by hand, with "
                "tensor operations on the saved tensors and grad_output")
    expect.true(run["forward_mode"] == 0, f"{call} and its backward used forward-mode autograd (torch.func.jvp, jacfwd or "
                "torch.autograd.forward_ad): write the derivative by hand, with tensor operations on the saved tensors "
                "and grad_output")
    for label, graph in zip(_labels(name, case), run["graph"]):
        expect.true(not graph, f"the gradient for `{label}` that {name}'s backward returned carries autograd history although "
                    "create_graph was off: do not turn grad mode back on (torch.enable_grad) inside backward")


SAVED_CASES = {"Sigmoid": ("Sigmoid", {}), "Linear": ("Linear", {"bias": "tensor"}), "ClampedExp": ("ClampedExp", {"max_value": 1.0})}


@pytest.mark.points(1)
@pytest.mark.parametrize("case_id", list(SAVED_CASES))
def test_tensors_saved_for_backward(learner, reference, expect: Expect, case_id: str) -> None:
    """tensors for backward are kept with ctx.save_for_backward: an in-place change after forward is caught"""
    name, case = SAVED_CASES[case_id]
    call = call_text(name, case)
    with expect.context(f"{call}, its inputs and output changed in place, then backward"):
        got = learner.probe("inplace_after_forward", function=name, case=case, inplace=True)
    if got["error"]:
        return  # autograd noticed: "modified by an inplace operation"
    want = reference.probe("inplace_after_forward", function=name, case=case, inplace=False)
    same = all(_close(a, b, torch.float64) for a, b in zip(got["grads"], want["grads"]))
    expect.true(same, f"after forward, the inputs and output of {call} were changed in place, and your backward gave "
                "wrong gradients instead of autograd's 'modified by an inplace operation' error: keep tensors for backward "
                "with ctx.save_for_backward, not as ctx attributes, so that autograd can check they are unchanged")


# -------------------------------------------------------------------------------- FunctionLinear

IN, OUT = 4, 3


def _expect_parameter(info: dict[str, Any], name: str, shape: tuple[int, ...]) -> None:
    kind = info["kind"]
    if kind == "missing":
        raise Mismatch(f"`FunctionLinear` has no attribute `{name}`: assign it in __init__ as `self.{name} = nn.Parameter(...)`")
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


@pytest.mark.points(2)
def test_layer_parameters(learner, expect: Expect) -> None:
    """FunctionLinear has parameters weight (out_features, in_features) and bias (out_features,)"""
    got = learner.probe("layer_structure", in_features=IN, out_features=OUT, bias=True)
    _expect_parameter(got["weight"], "weight", (OUT, IN))
    _expect_parameter(got["bias"], "bias", (OUT,))
    expect.equal(sorted(got["parameters"]), ["bias", "weight"], "the names in `named_parameters()`",
                 "keep exactly two parameters, weight and bias")


@pytest.mark.points(1)
def test_layer_without_bias(learner, reference, expect: Expect) -> None:
    """FunctionLinear(..., bias=False) has bias None and computes x @ weight.T"""
    got = learner.probe("layer_structure", in_features=IN, out_features=OUT, bias=False)
    if got["bias"]["kind"] == "missing":
        raise Mismatch("with bias=False, `FunctionLinear` has no attribute `bias`: register it as None "
                       "(self.register_parameter('bias', None))")
    expect.equal(got["bias"]["kind"], "none", "what `bias` is with bias=False", "it must be None")
    expect.equal(got["parameters"], ["weight"], "the names in `named_parameters()` with bias=False")
    with expect.context("FunctionLinear(4, 3, bias=False)(x)", "pass self.bias (None) on to Linear.apply"):
        out = learner.probe("layer_forward", bias=False, dtype="float32")
    want = reference.probe("layer_forward", bias=False, dtype="float32")
    expect.close(out["out"], want["out"], "FunctionLinear(4, 3, bias=False) on an input of shape (6, 4)",
                 "without a bias, compute x @ weight.T")


@pytest.mark.points(1)
@pytest.mark.parametrize("in_features", [4, 400])
def test_layer_init_range(learner, in_features: int) -> None:
    """weight and bias are initialised uniformly in [-1/sqrt(in_features), 1/sqrt(in_features)]"""
    got = learner.probe("layer_init", in_features=in_features, out_features=300)
    bound = 1 / math.sqrt(in_features)
    for name in ("weight", "bias"):
        values = got[name].double()
        largest = values.abs().max().item()
        if largest == 0:
            raise Mismatch(f"`{name}` is all zeros: initialise it uniformly in [-{bound:.4g}, {bound:.4g}]")
        if largest > bound * (1 + 1e-5):
            raise Mismatch(f"`{name}` has values up to {largest:.4g} in absolute value, but with in_features={in_features} "
                           f"they must lie in [-{bound:.4g}, {bound:.4g}] (1/sqrt(in_features))")
        if largest < 0.8 * bound:
            raise Mismatch(f"`{name}` only reaches ±{largest:.4g}, but should fill [-{bound:.4g}, {bound:.4g}] "
                           f"uniformly (with in_features={in_features})")
        spread, expected = values.std().item(), bound / math.sqrt(3)
        if abs(values.mean().item()) > 0.2 * bound or not 0.8 * expected < spread < 1.2 * expected:
            raise Mismatch(f"`{name}` does not look uniform on [-{bound:.4g}, {bound:.4g}]: mean {values.mean().item():.3g} "
                           f"and std {spread:.3g}, expected about 0 and {expected:.3g}")


@pytest.mark.points(1)
def test_layer_init_is_random(learner, expect: Expect) -> None:
    """two new FunctionLinear layers get different random weights"""
    got = learner.probe("layer_init", in_features=20, out_features=10)
    expect.true(not torch.equal(got["weight"], got["second_weight"]),
                "two FunctionLinear layers got identical weights: draw them at random (e.g. `torch.empty(...).uniform_(-b, b)`)")


@pytest.mark.points(1)
@pytest.mark.parametrize("dtype", DTYPES)
def test_layer_forward(learner, reference, expect: Expect, dtype: str) -> None:
    """FunctionLinear computes x @ weight.T + bias, and its gradients, through Linear"""
    with expect.context(f"FunctionLinear(4, 3) on an input of shape (6, 4) ({dtype})"):
        got = learner.probe("layer_forward", bias=True, dtype=dtype)
    want = reference.probe("layer_forward", bias=True, dtype=dtype)
    expect.close(got["out"], want["out"], f"FunctionLinear(4, 3) on an input of shape (6, 4) ({dtype})",
                 "return Linear.apply(x, self.weight, self.bias)")
    expect.true(got["requires_grad"], "FunctionLinear's output does not require grad: compute it from the parameters with "
                "Linear.apply, without torch.no_grad() or .detach()")
    for key, label in (("x_grad", "x.grad"), ("weight_grad", "weight.grad"), ("bias_grad", "bias.grad")):
        if got.get(key) is None:
            raise Mismatch(f"after backward through FunctionLinear(4, 3), {label} is None: let the gradient flow through "
                           "Linear.apply to x and to the parameters")
        expect.close(got[key], want[key], f"{label} after backward through FunctionLinear(4, 3) ({dtype})", FORMULAS["Linear"])


@pytest.mark.points(2)
def test_layer_uses_linear_apply(learner, expect: Expect) -> None:
    """FunctionLinear's forward calls Linear.apply"""
    for bias in (True, False):
        label = "FunctionLinear(4, 3)" if bias else "FunctionLinear(4, 3, bias=False)"
        with expect.context(f"{label} on an input of shape (6, 4)"):
            got = learner.probe("layer_forward", bias=bias, dtype="float32")
        expect.true(got["uses_linear"], f"the output of {label} was not computed by your Linear Function: no step of its "
                    f"autograd graph is Linear's backward (its last step is {got['top']}); return "
                    "Linear.apply(x, self.weight, self.bias) in forward")
