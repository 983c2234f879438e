"""Hidden suite for exercise 8: inside nn.Module: apply, hooks, freezing and checkpoints."""

from __future__ import annotations

import math
from typing import Any

import pytest
import torch

from grader.expect import Expect, Mismatch, uniform_misfit
from grader.probing import on_real_device, seen_device
from grader.suites.exercise8.probes import CALLS, FREEZE_CASES, PRE_FROZEN, RECORDED, SAVED_AT, ZOO_SET

CLIP = 3.0

# ------------------------------------------------------------------------------------ init_weights

OWNERS = {"embed.weight": "an nn.Embedding", "conv.weight": "an nn.Conv1d", "conv.bias": "an nn.Conv1d",
          "norm.weight": "an nn.LayerNorm", "norm.bias": "an nn.LayerNorm", "scale": "the model's own parameter"}
IN_PLACE = ("change the values in place (nn.init functions, or fill_/copy_ under torch.no_grad()) instead of "
            "assigning new tensors")


def _expect_xavier(values: torch.Tensor, before: torch.Tensor, what: str, fan_in: int, fan_out: int) -> None:
    """``values`` must look drawn uniformly from [-a, a], a = sqrt(6 / (fan_in + fan_out))."""
    bound = math.sqrt(6 / (fan_in + fan_out))
    rule = f"a = sqrt(6 / (fan_in + fan_out)) = {bound:.4g}"
    if torch.equal(values, before):
        raise Mismatch(f"init_weights left {what} unchanged: draw it Xavier-uniformly in [-a, a] with {rule}")
    misfit = uniform_misfit(values, bound)
    if misfit is None:
        return
    if misfit.kind == "beyond":
        raise Mismatch(f"{what} has values up to {misfit.largest:.4g} in absolute value, but Xavier-uniform values lie in "
                       f"[-a, a] with {rule}")
    if misfit.kind == "narrow":
        raise Mismatch(f"{what} only reaches ±{misfit.largest:.4g}, but should fill [-a, a] uniformly with {rule}")
    raise Mismatch(f"{what} does not look uniform on [-a, a] with {rule}: mean {misfit.mean:.3g} and "
                   f"std {misfit.std:.3g}, expected about 0 and {misfit.expected_std:.3g}")


def _zoo(learner, expect: Expect, dtype: str = "float32") -> dict[str, Any]:
    with expect.context("model.apply(init_weights) on a model with Embedding, Conv1d, Linear, BatchNorm1d and "
                        "LayerNorm layers", "handle each module by its type (isinstance) and leave the others alone"):
        got = learner.probe("init_zoo", dtype=dtype)
    for name, info in got.items():
        if not info["present"]:
            raise Mismatch(f"after init_weights the model has no parameter `{name}` any more: {IN_PLACE}")
    return got


@pytest.mark.points(2)
@pytest.mark.parametrize("shape", [(400, 300), (30, 1000)], ids=["400x300", "30x1000"])
def test_init_linear_xavier(learner, expect: Expect, shape: tuple[int, int]) -> None:
    """init_weights draws an nn.Linear's weight Xavier-uniformly in [-a, a], a = sqrt(6 / (fan_in + fan_out))"""
    fan_in, fan_out = shape
    with expect.context(f"model.apply(init_weights) on nn.Linear({fan_in}, {fan_out})"):
        got = learner.probe("init_linear", in_features=fan_in, out_features=fan_out)
    _expect_xavier(got["weight"], got["before"], f"the weight of nn.Linear({fan_in}, {fan_out})", fan_in, fan_out)


@pytest.mark.points(1)
def test_init_linear_bias_zero(learner, expect: Expect) -> None:
    """init_weights sets an nn.Linear's bias to 0"""
    with expect.context("model.apply(init_weights) on nn.Linear(400, 300)"):
        got = learner.probe("init_linear", in_features=400, out_features=300)
    bias = got["bias"]
    expect.close(bias, torch.zeros_like(bias), "the bias of nn.Linear(400, 300) after init_weights", "set it to 0")


@pytest.mark.points(1)
def test_init_is_random(learner, expect: Expect) -> None:
    """two nn.Linear layers of one shape get different weights"""
    with expect.context("model.apply(init_weights) on two nn.Linear(30, 1000) layers"):
        got = learner.probe("init_linear", in_features=30, out_features=1000)
    expect.true(not torch.equal(got["weight"], got["second_weight"]),
                "two nn.Linear layers of the same shape got identical weights: draw them from torch's random generator "
                "and do not reseed it inside init_weights")


@pytest.mark.points(1)
def test_init_linear_without_bias(learner, expect: Expect) -> None:
    """init_weights works on an nn.Linear without bias"""
    with expect.context("model.apply(init_weights) on a model with nn.Linear(50, 40, bias=False)",
                        "a Linear built with bias=False has bias None: set the bias only when there is one"):
        got = learner.probe("init_without_bias")
    expect.true(got["bias_is_none"], "init_weights gave nn.Linear(50, 40, bias=False) a bias: leave it without one")
    _expect_xavier(got["weight"], got["before"], "the weight of nn.Linear(50, 40, bias=False)", 50, 40)


@pytest.mark.points(1)
def test_init_batchnorm(learner, expect: Expect) -> None:
    """init_weights sets an nn.BatchNorm1d's weight to 1 and bias to 0"""
    got = _zoo(learner, expect)
    for name, value in (("bn.weight", 1.0), ("bn.bias", 0.0)):
        after = got[name]["after"]
        expect.close(after, torch.full_like(after, value), f"`{name}` (an nn.BatchNorm1d's) after init_weights",
                     "give an nn.BatchNorm1d weight 1 and bias 0")


@pytest.mark.points(1)
def test_init_leaves_other_modules(learner, expect: Expect) -> None:
    """init_weights leaves every module but nn.Linear and nn.BatchNorm1d as it is"""
    got = _zoo(learner, expect)
    for name, owner in OWNERS.items():
        expect.true(torch.equal(got[name]["after"], got[name]["before"]),
                    f"init_weights changed `{name}` ({owner}): leave every module but nn.Linear and nn.BatchNorm1d "
                    "as it is (check the type with isinstance)")


@pytest.mark.points(2)
def test_init_in_place(learner, expect: Expect) -> None:
    """init_weights changes the same Parameter objects in place, without autograd history"""
    got = _zoo(learner, expect)
    for name in ZOO_SET:
        info = got[name]
        expect.true(info["same_object"] and info["in_optimizer"],
                    f"after init_weights, `{name}` is a new tensor object, so an optimizer built before no longer "
                    f"trains it: {IN_PLACE}")
        expect.true(info["is_parameter"], f"after init_weights, `{name}` is not an nn.Parameter: {IN_PLACE}")
        expect.true(info["grad_fn"] is None and info["is_leaf"],
                    f"after init_weights, `{name}` has autograd history (grad_fn {info['grad_fn']}): fill it under "
                    "torch.no_grad()")
        expect.true(info["requires_grad"], f"after init_weights, `{name}` no longer requires grad: keep its flag as it was")


@pytest.mark.points(1)
def test_init_keeps_dtype_and_device(learner, expect: Expect) -> None:
    """init_weights keeps each parameter's dtype and device (a float64 model stays float64)"""
    got = _zoo(learner, expect, dtype="float64")
    for name in ZOO_SET:
        info = got[name]
        expect.equal(info["dtype"], "torch.float64", f"the dtype of `{name}` of a float64 model after init_weights",
                     f"{IN_PLACE}: a tensor built from scratch is float32 on the CPU")
        expect.equal(info["device"], info["expected_device"], f"the device of `{name}` after init_weights",
                     f"{IN_PLACE}: a tensor built from scratch is on the default device (the CPU), not the model's")


# ------------------------------------------------------------------------------ ActivationRecorder

RECORDER = f"ActivationRecorder(model, {RECORDED})"


def _records(learner, reference, expect: Expect) -> tuple[dict[str, Any], dict[str, Any]]:
    with expect.context(f"{RECORDER} over {CALLS} calls of the model",
                        "find each name in dict(model.named_modules()) and register a forward hook on that module"):
        got = learner.probe("recorder_records")
    return got, reference.probe("recorder_records")


def _changed_in_place(name: str, index: int, value: torch.Tensor) -> torch.Tensor | None:
    """What the record would hold had it kept the output itself: ``block.0`` is followed by an in-place
    ReLU, and the probe doubles the model's last output in place."""
    if name == "block.0":
        return value.clamp(min=0)
    if name == "head" and index == CALLS - 1:
        return value * 2
    return None


def _items(got: dict[str, Any], name: str) -> list[dict[str, Any]]:
    entry = got[name]
    where = f"recorder.activations[{name!r}]"
    if not entry["present"]:
        raise Mismatch(f"{where} does not exist after {CALLS} calls of the model: keep one list per name, "
                       "filled by that module's forward hook")
    if not entry["is_list"]:
        raise Mismatch(f"{where} is a {entry['type']}, expected a list with one output per call")
    items = entry["items"]
    if len(items) != CALLS:
        hint = ("append each call's output to the list instead of replacing it" if len(items) == 1
                else "record each call of that module exactly once, in its forward hook")
        raise Mismatch(f"{where} holds {len(items)} records after {CALLS} calls of the model, expected {CALLS}: {hint}")
    for index, item in enumerate(items):
        if not item["is_tensor"]:
            raise Mismatch(f"{where}[{index}] is a {item['type']}, expected the module's output tensor")
    return items


@pytest.mark.points(2)
def test_recorder_records_each_call(learner, reference, expect: Expect) -> None:
    """recorder.activations[name] lists the named submodules' outputs, one per call, in call order"""
    got, want = _records(learner, reference, expect)
    for name in RECORDED:
        items, expected = _items(got, name), [item["value"] for item in want[name]["items"]]
        for index, item in enumerate(items):
            value = item["value"]
            if value.shape == expected[index].shape and torch.allclose(value, expected[index]):
                continue
            changed = _changed_in_place(name, index, expected[index])
            if changed is not None and value.shape == changed.shape and torch.allclose(value, changed):
                continue  # kept without a copy: test_recorder_detached_copies says so
            if any(value.shape == other.shape and torch.allclose(value, other) for other in expected):
                raise Mismatch(f"recorder.activations[{name!r}] is not in call order: append each output, the newest last")
            expect.close(value, expected[index], f"recorder.activations[{name!r}][{index}]",
                         "record the output of the module with that name in model.named_modules()")


@pytest.mark.points(2)
def test_recorder_detached_copies(learner, reference, expect: Expect) -> None:
    """records are detached copies: no autograd history, untouched by later in-place changes"""
    got, want = _records(learner, reference, expect)
    for name in RECORDED:
        items, expected = _items(got, name), [item["value"] for item in want[name]["items"]]
        for index, item in enumerate(items):
            where = f"recorder.activations[{name!r}][{index}]"
            expect.true(item["grad_fn"] is None and not item["requires_grad"],
                        f"{where} has autograd history (grad_fn {item['grad_fn']}): store output.detach(), so that "
                        "records neither keep the graph alive nor take part in backward")
            changed = _changed_in_place(name, index, expected[index])
            if changed is None or torch.allclose(changed, expected[index]):
                continue
            if item["value"].shape == changed.shape and torch.allclose(item["value"], changed):
                event = ("the in-place ReLU after `block.0` ran" if name == "block.0"
                         else "the model's output was changed in place")
                raise Mismatch(f"{where} changed when {event}: the record shares memory with the output; store a copy "
                               "(output.detach().clone())")


@pytest.mark.points(1)
def test_recorder_unknown_name(learner, expect: Expect) -> None:
    """an unknown name raises KeyError when the recorder is built"""
    with expect.context("ActivationRecorder(model, names) with a name that is not a submodule"):
        got = learner.probe("recorder_unknown")
    for label, result in got.items():
        expect.equal(result["raised"], "KeyError", f"what ActivationRecorder(model, {label}) raised",
                     "check every name against dict(model.named_modules()) in __init__ and raise KeyError for one that "
                     "is not there")


def _error(result: dict[str, Any]) -> str:
    """What a probe's call raised, in one line: ``KeyError: 'tail'`` (its first sentence)."""
    lines = result["message"].strip().splitlines()
    reason = lines[0].split(". ")[0][:160] if lines else ""
    return f"{result['raised']}: {reason}" if reason else result["raised"]


def _expect_hooks_restored(got: dict[str, Any], when: str) -> None:
    """Every submodule holds exactly the hooks it had before the recorder was built."""
    for module, counts in got["before"].items():
        for kind, count in counts.items():
            left = got["after"][module][kind]
            if left > count:
                raise Mismatch(f"{when}, `{module}` still has {left - count} {kind} hook(s) the recorder added: keep "
                               "every handle that register_forward_hook returns and call .remove() on each")
            if left < count:
                raise Mismatch(f"{when}, `{module}` has {count - left} {kind} hook(s) fewer than before: a hook that "
                               "was not the recorder's was removed; remove only your own handles")
    for name, recorded in got["recorded"].items():
        later = got["recorded_later"][name]
        if recorded is not None and later is not None and later > recorded:
            raise Mismatch(f"{when}, calling the model still added records to recorder.activations[{name!r}]: "
                           "the hooks were not removed")


def _hooks(learner, expect: Expect, mode: str) -> dict[str, Any]:
    with expect.context(f"{RECORDER}, then " + {"remove": "recorder.remove()", "exit": "leaving its with block",
                                                 "exception": "an exception inside its with block"}[mode]):
        return learner.probe("recorder_hooks", mode=mode)


@pytest.mark.points(2)
def test_recorder_remove(learner, expect: Expect) -> None:
    """recorder.remove() removes every hook it added, and no other"""
    _expect_hooks_restored(_hooks(learner, expect, "remove"), "after recorder.remove()")


@pytest.mark.points(2)
def test_recorder_context_manager(learner, expect: Expect) -> None:
    """as a context manager, the recorder removes its hooks on exit, exceptions included"""
    got = _hooks(learner, expect, "exit")
    expect.true(got["entered_is_recorder"],
                "`with ActivationRecorder(...) as rec` did not give the recorder as rec: __enter__ must return self")
    _expect_hooks_restored(got, "after the with block")
    got = _hooks(learner, expect, "exception")
    expect.true(got["propagated"], "an exception raised inside the with block did not reach the code around it: "
                                   "__exit__ must not return True, which swallows the exception")
    _expect_hooks_restored(got, "after an exception inside the with block")


@pytest.mark.points(1)
def test_recorder_transparent(learner, expect: Expect) -> None:
    """recording changes neither the model's outputs nor its gradients"""
    with expect.context(f"a forward and backward pass with {RECORDER}"):
        got = learner.probe("recorder_transparency")
    plain, recorded, result = got["plain"], got["recorded"], got["outcome"]
    hint = "a forward hook that returns a value replaces the module's output: return nothing from the hook"
    if result["raised"]:
        raise Mismatch(f"with a recorder, the forward and backward pass failed ({_error(result)}). {hint[0].upper()}{hint[1:]}")
    expect.close(recorded["out"], plain["out"], "with a recorder, the model's output", hint)
    for name, grad in plain["grads"].items():
        if recorded["grads"][name] is None:
            raise Mismatch(f"with a recorder, `{name}` received no gradient: {hint}")
        expect.close(recorded["grads"][name], grad, f"with a recorder, the gradient of `{name}`", hint)
    expect.close(recorded["x_grad"], plain["x_grad"], "with a recorder, the gradient of the input", hint)


# ----------------------------------------------------------------------- clip_gradients_with_hooks

CLIP_CALL = f"clip_gradients_with_hooks(model, {CLIP})"


def _expect_grads(got: dict[str, Any], want: dict[str, Any], when: str, hint: str, expect: Expect) -> None:
    for name, expected in want.items():
        grad = got[name]
        if grad is None:
            raise Mismatch(f"{when}, `{name}.grad` is None: the hook must return the clamped gradient, not None")
        expect.close(grad, expected, f"{when}, `{name}.grad`", hint)


@pytest.mark.points(2)
def test_clip_clamps_gradients(learner, reference, expect: Expect) -> None:
    """each parameter's gradient is clamped to [-clip_value, clip_value]"""
    with expect.context(f"{CLIP_CALL} and one backward pass"):
        got = learner.probe("clip_grads", clip_value=CLIP, passes=1)
    want = reference.probe("clip_grads", clip_value=CLIP, passes=1)
    for name, grad in got["grads"].items():
        raw = got["raw"][name]
        if grad is not None and raw.abs().max() > CLIP and torch.allclose(grad, raw):
            raise Mismatch(f"after one backward pass, `{name}.grad` is not clamped (largest {raw.abs().max().item():.4g}, "
                           f"clip_value {CLIP:g}): the hook must return grad.clamp(-clip_value, clip_value); a hook "
                           "that returns None leaves the gradient as it was")
    _expect_grads(got["grads"], want["grads"], "after one backward pass",
                  "clamp each element to [-clip_value, clip_value], as torch.clamp does", expect)


@pytest.mark.points(2)
def test_clip_during_accumulation(learner, reference, expect: Expect) -> None:
    """gradients are clamped as computed: two backward passes add two clamped gradients"""
    with expect.context(f"{CLIP_CALL} and two backward passes without zero_grad"):
        got = learner.probe("clip_grads", clip_value=CLIP, passes=2)
    want = reference.probe("clip_grads", clip_value=CLIP, passes=2)
    for name, grad in got["grads"].items():
        once = got["clamped_after"][name]
        if grad is not None and torch.allclose(grad, once) and not torch.allclose(grad, want["grads"][name]):
            raise Mismatch(f"after two backward passes without zero_grad, `{name}.grad` is the accumulated gradient "
                           "clamped once: clamp each gradient as it is computed, with Tensor.register_hook, whose "
                           "return value replaces the gradient before it is added to .grad")
    _expect_grads(got["grads"], want["grads"], "after two backward passes without zero_grad",
                  "the hook clamps each pass's gradient before autograd adds it to .grad", expect)


@pytest.mark.points(1)
def test_clip_returns_handles(learner, reference, expect: Expect) -> None:
    """it returns one handle per hooked parameter, and removing them undoes the clipping"""
    with expect.context(CLIP_CALL):
        got = learner.probe("clip_grads", clip_value=CLIP, passes=1)
    handles = got["handles"]
    expect.true(handles["removable"], f"clip_gradients_with_hooks returned {handles['type']}, expected a list of the "
                                      "handles that register_hook returned")
    expect.equal(handles["count"], got["trainable"], "the number of handles for a model with 4 trainable parameters",
                 "register one hook per parameter with requires_grad and return every handle")
    with expect.context(f"{CLIP_CALL}, then .remove() on every handle and another backward pass"):
        removed = learner.probe("clip_removed", clip_value=CLIP)
    _expect_grads(removed["grads"], reference.probe("clip_removed", clip_value=CLIP)["grads"],
                  "after .remove() on every handle", "the handles must be those of the clamping hooks", expect)


@pytest.mark.points(1)
def test_clip_rejects_non_positive(learner, expect: Expect) -> None:
    """clip_value <= 0 raises ValueError"""
    got = learner.probe("clip_validation")
    for label, result in got.items():
        if label == "clip_value=0.001":
            expect.equal(result["raised"], None, "what clip_gradients_with_hooks(model, 0.001) raised",
                         "any positive clip_value is valid")
        else:
            expect.equal(result["raised"], "ValueError", f"what clip_gradients_with_hooks(model, {label}) raised",
                         "check clip_value before registering anything and raise ValueError when it is <= 0")


@pytest.mark.points(1)
def test_clip_skips_frozen(learner, reference, expect: Expect) -> None:
    """only parameters with requires_grad get a hook: a frozen layer is left alone"""
    got = learner.probe("clip_frozen", clip_value=CLIP)
    want = reference.probe("clip_frozen", clip_value=CLIP)
    result = got["outcome"]
    if result["raised"]:
        raise Mismatch(f"{CLIP_CALL} on a model whose first layer is frozen raised {result['raised']}: "
                       f"{result['message'][:150]}. Register hooks only on parameters with requires_grad")
    expect.equal(got["handles"]["count"], got["trainable"],
                 f"the number of handles for a model with {got['trainable']} trainable parameters",
                 "skip the parameters whose requires_grad is False")
    expect.equal(got["flags"], want["flags"], "requires_grad of each parameter after clip_gradients_with_hooks",
                 "leave the flags as they are")
    _expect_grads({name: got["grads"][name] for name in want["grads"] if want["grads"][name] is not None},
                  {name: grad for name, grad in want["grads"].items() if grad is not None},
                  "with the first layer frozen", "clamp the trainable parameters' gradients", expect)


# ------------------------------------------------------------------------------------------ freeze

SEGMENT_CASES = ["['fc1']", "['layers.1']", "['head.fc1.weight']", "['bn']", "['embed']"]
ORDER_CASES = ["['fc10', 'fc1']", "['layers', 'layers.3']"]


def _freeze(learner, expect: Expect) -> dict[str, Any]:
    with expect.context("freeze(model, prefixes)"):
        return learner.probe("freeze_cases")


def _returned(got: dict[str, Any], label: str) -> list[str]:
    names = got[label]["names"]
    if names is None:
        raise Mismatch(f"freeze(model, {label}) returned {got[label]['type']}, expected a list of parameter names")
    return names


@pytest.mark.points(2)
def test_freeze_whole_segments(learner, reference, expect: Expect) -> None:
    """freeze matches whole name segments: 'fc1' freezes fc1.weight, not fc10.weight"""
    got, want = _freeze(learner, expect), reference.probe("freeze_cases")
    for label in SEGMENT_CASES:
        names, expected = _returned(got, label), want[label]["names"]
        parameters = set(want[label]["flags"])
        buffers = [name for name in names if name not in parameters]
        if buffers:
            raise Mismatch(f"freeze(model, {label}) returned {', '.join(buffers)}, which are not parameters: loop over "
                           "model.named_parameters(), not state_dict()")
        extra = [name for name in names if name not in expected]
        if extra:
            raise Mismatch(f"freeze(model, {label}) also froze {', '.join(extra)}: a prefix matches whole name "
                           "segments, so the name must be the prefix itself or start with the prefix and a dot")
        missing = [name for name in expected if name not in names]
        if missing:
            raise Mismatch(f"freeze(model, {label}) did not return {', '.join(missing)}")
        for name in expected:
            expect.true(not got[label]["flags"][name],
                        f"after freeze(model, {label}), `{name}` still has requires_grad=True: set "
                        "parameter.requires_grad = False on the parameter itself (from model.named_parameters())")


@pytest.mark.points(1)
def test_freeze_order(learner, reference, expect: Expect) -> None:
    """freeze returns each frozen name once, in named_parameters() order"""
    got, want = _freeze(learner, expect), reference.probe("freeze_cases")
    for label in ORDER_CASES:
        names, expected = _returned(got, label), want[label]["names"]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise Mismatch(f"freeze(model, {label}) returned {', '.join(twice)} more than once: list each parameter "
                           "once, even when several prefixes match it")
        if sorted(names) == sorted(expected) and names != expected:
            raise Mismatch(f"freeze(model, {label}) returned the names in another order than named_parameters(): loop "
                           "over the parameters, then test the prefixes")
        expect.equal(names, expected, f"freeze(model, {label})")


@pytest.mark.points(1)
def test_freeze_keeps_other_flags(learner, reference, expect: Expect) -> None:
    """the parameters freeze does not match keep their requires_grad (frozen or not)"""
    got, want = _freeze(learner, expect), reference.probe("freeze_cases")
    for label in FREEZE_CASES:
        for name, flag in want[label]["flags"].items():
            if name in want[label]["names"]:
                continue
            if got[label]["flags"][name] != flag:
                state = "was frozen before" if name in PRE_FROZEN else "was trainable"
                raise Mismatch(f"after freeze(model, {label}), `{name}` has requires_grad={got[label]['flags'][name]}, "
                               f"but it {state} and matches none of the prefixes: leave the other parameters' flags as "
                               "they are")


# ------------------------------------------------------------------------------------- checkpoints

STATE_HINT = "save model.state_dict() and optimizer.state_dict() as they are"


def _first_difference(got: Any, want: Any, path: str = "") -> tuple[str, Any, Any] | None:
    """Where two plain structures (state dicts) first differ: ``(path, got, want)``."""
    if isinstance(want, torch.Tensor) or isinstance(got, torch.Tensor):
        same = (isinstance(got, torch.Tensor) and isinstance(want, torch.Tensor) and got.shape == want.shape
                and got.dtype == want.dtype and torch.equal(got, want))
        return None if same else (path, got, want)
    if isinstance(want, dict) and isinstance(got, dict):
        if list(got) != list(want):
            return (f"{path} (keys)", list(got), list(want))
        for key in want:
            found = _first_difference(got[key], want[key], f"{path}[{key!r}]")
            if found:
                return found
        return None
    if isinstance(want, list) and isinstance(got, list) and len(got) == len(want):
        for index, (item, expected) in enumerate(zip(got, want)):
            found = _first_difference(item, expected, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if got == want and type(got) is type(want) else (path, got, want)


def _expect_same_state(got: Any, want: Any, what: str, hint: str, expect: Expect) -> None:
    found = _first_difference(got, want)
    if found is None:
        return
    path, got_value, want_value = found
    if isinstance(got_value, torch.Tensor) and isinstance(want_value, torch.Tensor):
        expect.close(got_value, want_value, f"{what}{path}", hint, rtol=0.0, atol=0.0)
    expect.equal(got_value, want_value, f"{what}{path}", hint)


def _expect_epoch(epoch: dict[str, Any], expected: int, what: str, hint: str) -> None:
    if epoch["type"] != "int" or epoch["value"] != expected:
        raise Mismatch(f"{what} is a {epoch['type']} ({epoch['value']}), expected the int {expected}. {hint}")


@pytest.mark.points(2)
def test_checkpoint_contents(learner, expect: Expect) -> None:
    """save_checkpoint writes {'model': state_dict, 'optimizer': state_dict, 'epoch': int}"""
    with expect.context("save_checkpoint(path, model, optimizer, 2)"):
        got = learner.probe("checkpoint_contents")
    expect.equal(got["type"], "dict", "the type of the object save_checkpoint saved",
                 "save a dict with keys 'model', 'optimizer' and 'epoch'")
    missing = [key for key in ("model", "optimizer", "epoch") if key not in got["keys"]]
    expect.true(not missing, f"the checkpoint has keys {got['keys']}, so it lacks {missing}: use exactly the keys "
                             "'model', 'optimizer' and 'epoch'")
    _expect_same_state(got["model"], got["expected_model"], "checkpoint['model']", f"save model.state_dict(): {STATE_HINT}",
                       expect)
    _expect_same_state(got["optimizer"], got["expected_optimizer"], "checkpoint['optimizer']",
                       f"save optimizer.state_dict(): {STATE_HINT}", expect)
    _expect_epoch(got["epoch"], 2, "checkpoint['epoch']", "Save the epoch as a Python int")


@pytest.mark.points(1)
def test_checkpoint_round_trip(learner, expect: Expect) -> None:
    """load_checkpoint restores the model and the optimizer and returns the epoch as an int"""
    with expect.context(f"save_checkpoint after {SAVED_AT} steps, then load_checkpoint into a fresh model and optimizer"):
        got = learner.probe("checkpoint_round_trip")
    _expect_epoch(got["epoch"], SAVED_AT, "what load_checkpoint returned", "Return the saved epoch, as an int")
    _expect_same_state(got["model"], got["expected_model"], "after load_checkpoint, the model's state_dict()",
                       "call model.load_state_dict(checkpoint['model'])", expect)
    if got["expected_optimizer"]["state"] and not got["optimizer"]["state"]:
        raise Mismatch("after load_checkpoint, the optimizer has no state (no momentum buffers): call "
                       "optimizer.load_state_dict(checkpoint['optimizer'])")
    _expect_same_state(got["optimizer"], got["expected_optimizer"], "after load_checkpoint, optimizer.state_dict()",
                       "call optimizer.load_state_dict(checkpoint['optimizer'])", expect)


@pytest.mark.points(2)
def test_checkpoint_resume_exact(learner, expect: Expect, device: str) -> None:
    """training resumed from a checkpoint equals training that never stopped (SGD with momentum)"""
    with expect.context(f"training {SAVED_AT} steps, a checkpoint, a fresh model and optimizer, load_checkpoint and "
                        f"{SAVED_AT} more steps"):
        got = learner.probe("checkpoint_resume")
    exact = torch.device(device).type == "cpu"
    for name, value in got["straight"].items():
        expect.close(got["resumed"][name], value, f"after resuming from the checkpoint, `{name}`",
                     "resumed training must continue exactly as if it had never stopped: save and restore both state "
                     "dicts, momentum buffers included", rtol=0.0 if exact else None, atol=0.0 if exact else None)


@pytest.mark.points(1)
def test_checkpoint_weights_only(learner, expect: Expect) -> None:
    """load_checkpoint uses weights_only=True: a checkpoint carrying an arbitrary object is refused"""
    got = learner.probe("checkpoint_weights_only")
    if got["payload_built"]:
        raise Mismatch("load_checkpoint unpickled an arbitrary object stored in the checkpoint (and so ran its code): "
                       "read it with torch.load(path, map_location=..., weights_only=True), which refuses anything "
                       "but tensors and plain containers")
    expect.true(got["outcome"]["raised"] is not None,
                "load_checkpoint accepted a checkpoint that holds an arbitrary object: torch.load(..., weights_only=True) "
                "refuses it, and load_checkpoint must let that error through")


def _same_device(location: str, device: str) -> bool:
    place, target = torch.device(location), torch.device(device)
    return place.type == target.type and (place.index is None or target.index is None or place.index == target.index)


@pytest.mark.points(1)
def test_checkpoint_map_location(learner, expect: Expect, device: str) -> None:
    """load_checkpoint maps the tensors to the device of the model's parameters"""
    # on the simulated accelerator (a CPU grader hands learner code "cuda"), then on the grading
    # device itself: a map_location fixed to "cpu" fails the first, one fixed to "cuda" the second
    runs = [learner.probe("checkpoint_map_location")]
    if seen_device(device) != device:
        runs.append(learner.probe("checkpoint_map_location", **on_real_device()))
    for got in runs:
        _expect_mapped(got, expect)


def _expect_mapped(got: dict[str, Any], expect: Expect) -> None:
    result, saved_on, device = got["outcome"], got["saved_on"], got["model_device"]
    elsewhere = [location for location in got["restored_to"] if not _same_device(location, device)]
    fixed = [location for location in elsewhere if location != saved_on]
    if fixed:
        raise Mismatch(f"load_checkpoint had torch.load restore the tensors to {', '.join(fixed)}, but the model's "
                       f"parameters are on {device}: set map_location to the device of the model's parameters "
                       "(next(model.parameters()).device), not to a fixed device")
    if result["raised"]:
        raise Mismatch(f"load_checkpoint failed on a checkpoint saved on {saved_on}, for a model on {device} "
                       f"({_error(result)}). Pass map_location set to the device of the model's parameters to torch.load")
    expect.true(not elsewhere, f"load_checkpoint restored the tensors to {', '.join(elsewhere)}, but the model's "
                               f"parameters are on {device}: set map_location to the device of the model's parameters")
    _expect_same_state(got["model"], got["expected_model"], "after load_checkpoint, the model's state_dict()",
                       "call model.load_state_dict(checkpoint['model'])", expect)
