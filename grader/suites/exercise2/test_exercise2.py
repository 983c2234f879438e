"""Hidden suite for exercise 2: the autograd training loop and prediction."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from grader.expect import LearnerFailure
from grader.expect import Expect, Mismatch
from grader.probing import on_real_device, seen_device

ORDER = ("optimizer.zero_grad(), outputs = model(inputs), loss = loss_fn(outputs, targets), loss.backward(), "
         "optimizer.step()")
STEP_CALLS = 4
BATCHES = [4, 4, 2]  # the probes' loader: 10 samples, batch_size=4
SAMPLES = sum(BATCHES)
FIT_EPOCHS = 3
PREDICT_SHAPE = [7, 3]


def _same_device(recorded: str, device: str) -> bool:
    """``cuda:0`` is on ``cuda``; ``cpu`` is on ``cpu``."""
    got, want = torch.device(recorded), torch.device(device)
    return got.type == want.type and (want.index is None or got.index == want.index)


def _all_training(forwards: list[dict[str, Any]]) -> bool:
    return all(call["training"] and call["norm_training"] for call in forwards)


def _close(a: Any, b: Any, rtol: float = 1e-5, atol: float = 1e-6) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor):
        return a.shape == b.shape and bool(torch.allclose(a.double(), b.double(), rtol=rtol, atol=atol))
    return abs(float(a) - float(b)) <= atol + rtol * abs(float(b))


def _expect_float(expect: Expect, returned: dict[str, Any], function: str, hint: str) -> None:
    if returned["grad_fn"]:
        raise Mismatch(f"{function} returned {returned['what']} that still holds the autograd graph (it has a grad_fn), "
                       f"keeping the whole graph in memory: {hint}")
    expect.true(returned["is_float"], f"{function} returned {returned['what']}, expected a Python float: {hint}")


# -------------------------------------------------------------------------------------- train_step


def _steps(learner, reference, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    kwargs = dict(calls=STEP_CALLS, **kwargs)
    return learner.probe("train_steps", **kwargs), reference.probe("train_steps", **kwargs)


def _empty(grads: list[torch.Tensor | None]) -> bool:
    return all(grad is None or not bool(grad.any()) for grad in grads)


def _difference_is(got: list[Any], want: list[Any], expected: list[Any] | float) -> bool:
    """Whether ``got - want`` equals ``expected`` (a list of tensors, or one number) everywhere."""
    for index, (g, w) in enumerate(zip(got, want)):
        if g is None or w is None:
            return False
        target = expected[index] if isinstance(expected, list) else torch.full_like(w, expected)
        if target is None or not _close(g - w, target, rtol=1e-4, atol=1e-5):
            return False
    return True


def _step_diagnosis(got: dict[str, Any], want: dict[str, Any], call: int, stale: float | None = None) -> str:
    """What went wrong in the first train_step call whose update differs from the reference's."""
    steps = got["calls"][call]["steps"]
    if not steps:
        return f"nothing was updated because optimizer.step() was not called: each call does {ORDER}"
    if len(steps) > 1:
        return f"the optimizer stepped {len(steps)} times in one train_step call: call optimizer.step() once, after loss.backward()"
    grads, wanted = steps[0], want["calls"][call]["steps"][0]
    if _empty(grads) and got["calls"][call]["grads_after"]:
        return ("you called optimizer.step() before loss.backward(): the gradients were still empty when it ran, so it updated "
                f"nothing (or used the previous batch's gradients); the order is {ORDER}")
    if _empty(grads):
        return ("when optimizer.step() ran, the gradients were empty (None or zero), so it updated nothing: call "
                "optimizer.zero_grad() first, then loss.backward() right before optimizer.step(), never zero_grad between "
                f"them; the order is {ORDER}")
    if stale is not None and call == 0 and _difference_is(grads, wanted, stale):
        return ("the update also used the gradients that were already in .grad before train_step was called: "
                "clear them with optimizer.zero_grad() at the start of train_step, before loss.backward()")
    previous = got["calls"][call - 1]["steps"] if call > 0 else []
    if len(previous) == 1 and _difference_is(grads, wanted, previous[0]):
        return ("the gradients of the previous call were still in .grad and were added to this call's (backward "
                "accumulates): call optimizer.zero_grad() at the start of train_step, before loss.backward()")
    return f"each call must do, in this order: {ORDER}"


def _expect_same_trajectory(expect: Expect, got: dict[str, Any], want: dict[str, Any], label: str,
                            stale: float | None = None) -> None:
    names = want["names"]
    for call, (got_call, want_call) in enumerate(zip(got["calls"], want["calls"])):
        pairs = list(zip(names, got_call["params"], want_call["params"]))
        if all(_close(a, b, rtol=1e-5, atol=1e-6) for _, a, b in pairs):
            continue
        hint = _step_diagnosis(got, want, call, stale)
        for name, a, b in pairs:
            expect.close(a, b, f"`{name}` after train_step call {call + 1}{label}", hint, rtol=1e-5, atol=1e-6)


@pytest.mark.points(2)
def test_train_step_returns_float(learner, reference, expect: Expect) -> None:
    """train_step returns the loss of its forward pass as a Python float"""
    got, want = _steps(learner, reference)
    for call, result in enumerate(got["calls"]):
        _expect_float(expect, result["returned"], "train_step", "return loss.item()")
        expect.true(bool(result["losses"]), "train_step never called loss_fn: compute loss = loss_fn(model(inputs), targets)")
        expect.close(result["returned"]["value"], result["losses"][0], f"the loss train_step returned on call {call + 1}",
                     "return loss.item() of this call's forward pass, taken before optimizer.step() (not a new forward "
                     "after the update)", rtol=1e-6, atol=1e-7)
    expect.close(got["calls"][0]["returned"]["value"], want["calls"][0]["returned"]["value"],
                 "the loss of the first train_step call (from the same weights and batch)",
                 "compute loss = loss_fn(model(inputs), targets) on the batch you were given", rtol=1e-5, atol=1e-6)


@pytest.mark.points(4)
def test_train_step_updates_like_sgd(learner, reference, expect: Expect) -> None:
    """train_step clears, backpropagates and steps in the right order (parameters after each of 4 calls)"""
    got, want = _steps(learner, reference)
    _expect_same_trajectory(expect, got, want, " (SGD, lr=0.3, same starting weights and batches)")


@pytest.mark.points(2)
def test_train_step_clears_stale_gradients(learner, reference, expect: Expect) -> None:
    """train_step clears gradients left in .grad before it was called"""
    from grader.suites.exercise2.probes import STALE

    got, want = _steps(learner, reference, stale=True)
    _expect_same_trajectory(expect, got, want, f" when every .grad held {STALE} beforehand", stale=STALE)


def _train_step_matches(learner, reference) -> bool:
    """Whether the learner's train_step returns and updates as the reference does (for hints downstream)."""
    try:
        got, want = _steps(learner, reference)
    except LearnerFailure:
        return False
    return all(
        got_call["returned"]["is_float"] and _close(got_call["returned"]["value"], want_call["returned"]["value"])
        and all(_close(a, b) for a, b in zip(got_call["params"], want_call["params"]))
        for got_call, want_call in zip(got["calls"], want["calls"])
    )


STEP_FIRST = "your train_step does not match the expected updates yet (see its tests): fix it first, train_epoch relies on it"


# ------------------------------------------------------------------------------------- train_epoch


def _epoch(learner, reference) -> tuple[dict[str, Any], dict[str, Any]]:
    return learner.probe("epoch"), reference.probe("epoch")


def _mean_hint(learner, reference, got: dict[str, Any]) -> str:
    """Name the average the learner computed, from the batch losses their own run produced."""
    if not _all_training(got["forwards"]):
        return "the model (or its BatchNorm layer) was not in training mode, so BatchNorm gave other losses: call model.train() first"
    losses = [call["value"] for call in got["losses"]]
    sizes = [call["batch"] for call in got["losses"]]
    value = got["returned"]["value"]
    if not losses or value is None:
        return "call train_step on every batch and return the sample-weighted mean of the losses it returns"
    weighted = sum(loss * size for loss, size in zip(losses, sizes))
    samples = sum(sizes)
    mistakes = [
        (sum(losses) / len(losses),
         (f"this is the unweighted mean of the batch losses, but the last batch holds only {sizes[-1]} samples: "
          "weight each batch loss by its batch size, sum(loss_b * len(batch_b)) / total samples")),
        (losses[-1],
         "this is the last batch's loss: return the mean over the whole epoch, weighting each batch loss by its batch size"),
        (sum(losses),
         "this is the sum of the batch losses: weight each by its batch size and divide by the number of samples"),
        (weighted, f"this is sum(loss_b * len(batch_b)), not yet divided by the number of samples ({samples})"),
        (weighted / len(losses),
         (f"you divided by the number of batches ({len(losses)}): divide sum(loss_b * len(batch_b)) by the number of "
          f"samples ({samples})")),
        (weighted / (len(losses) * max(sizes)),
         (f"you divided by the number of batches times the batch size ({len(losses) * max(sizes)}), but the last "
          f"batch is short: divide by the number of samples actually seen ({samples})")),
    ]
    for candidate, hint in mistakes:
        if _close(value, candidate):
            return hint
    if _close(value, weighted / samples):
        fix = "call train_step once per batch, in training mode"
        if not _train_step_matches(learner, reference):
            fix = STEP_FIRST
        return f"this is the weighted mean of your batch losses, but those differ from the expected ones: {fix}"
    if not _train_step_matches(learner, reference):
        return STEP_FIRST
    return "return sum(loss_b * len(batch_b)) / total samples, with loss_b the float train_step returned for batch b"


@pytest.mark.points(1)
def test_train_epoch_returns_float(learner, expect: Expect) -> None:
    """train_epoch returns the epoch loss as a Python float"""
    got = learner.probe("epoch")
    _expect_float(expect, got["returned"], "train_epoch", "add up the floats train_step returns")


@pytest.mark.points(4)
def test_train_epoch_weighted_mean(learner, reference, expect: Expect) -> None:
    """train_epoch returns the sample-weighted mean loss (10 samples in batches of 4, 4, 2)"""
    got, want = _epoch(learner, reference)
    value = got["returned"]["value"]
    expect.true(value is not None, f"train_epoch returned {got['returned']['what']}, expected the epoch's mean loss")
    expect.close(value, want["returned"]["value"], f"the loss train_epoch returned for {SAMPLES} samples in batches of "
                 f"{', '.join(map(str, BATCHES))}", _mean_hint(learner, reference, got), rtol=1e-5, atol=1e-6)


@pytest.mark.points(3)
def test_train_epoch_sets_train_mode(learner, expect: Expect) -> None:
    """train_epoch switches the model to training mode (the model starts in eval mode)"""
    got = learner.probe("epoch")
    expect.true(bool(got["forwards"]), "train_epoch never called the model: call train_step on every batch")
    for call in got["forwards"]:
        expect.true(call["training"], "the model ran in evaluation mode during train_epoch (it was handed over in "
                    "eval mode): call model.train() at the start of train_epoch")
        expect.true(call["norm_training"], "the model's child modules (its BatchNorm layer) were still in evaluation "
                    "mode: switch with model.train(), which sets every child module, instead of assigning model.training")


@pytest.mark.points(2)
def test_train_epoch_trains_every_batch(learner, reference, expect: Expect) -> None:
    """train_epoch runs one train_step per batch, in order"""
    got, want = _epoch(learner, reference)
    hint = "call train_step once for each (inputs, targets) batch of the loader, in order"
    batches = [call["batch"] for call in got["forwards"]]
    if (batches != BATCHES or got["steps"] != len(BATCHES)) and not _train_step_matches(learner, reference):
        hint = STEP_FIRST
    expect.equal(batches, BATCHES, "the batch sizes the model saw in train_epoch", hint)
    expect.equal(got["steps"], len(BATCHES), "the number of optimizer steps in train_epoch", hint)
    if not _all_training(got["forwards"]):
        hint = "the model (or its BatchNorm layer) ran in evaluation mode: call model.train() first"
    elif not all(_close(got["params"].get(name), value) for name, value in want["params"].items()):
        hint = hint if _train_step_matches(learner, reference) else STEP_FIRST
    for name, value in want["params"].items():
        expect.close(got["params"].get(name), value, f"`{name}` after train_epoch", hint, rtol=1e-5, atol=1e-6)


@pytest.mark.points(2)
def test_train_epoch_moves_batches_to_device(learner, expect: Expect, device: str) -> None:
    """train_epoch moves inputs and targets to the device"""
    for got, where in _on_both_devices(learner, "epoch", device):
        expect.true(bool(got["forwards"]) and bool(got["losses"]), "train_epoch never called the model and loss_fn: "
                    "call train_step on every batch")
        for call in got["forwards"]:
            expect.true(_same_device(call["device"], where), f"a batch of inputs reached the model on {call['device']}, "
                        f"expected {where}: move it with inputs.to(device)")
        for call in got["losses"]:
            expect.true(_same_device(call["targets_device"], where), f"the targets reached loss_fn on "
                        f"{call['targets_device']}, expected {where}: move them with targets.to(device)")


def _on_both_devices(learner, probe: str, device: str, **kwargs: Any) -> list[tuple[dict[str, Any], str]]:
    """The probe's data with the device it ran on: the simulated accelerator on a CPU grader (where
    a forgotten move fails), then the grading device itself (where a hard-coded `.cuda()` fails)."""
    runs = [(learner.probe(probe, **kwargs), seen_device(device))]
    if seen_device(device) != device:
        runs.append((learner.probe(probe, **on_real_device(**kwargs)), device))
    return runs


# ----------------------------------------------------------------------------------------- predict


def _expect_ndarray(expect: Expect, result: dict[str, Any]) -> None:
    if not result["is_ndarray"]:
        if result["type"] == "torch.Tensor":
            raise Mismatch("predict returned a torch.Tensor, expected a numpy.ndarray: return outputs.cpu().numpy()")
        raise Mismatch(f"predict returned a {result['type']}, expected a numpy.ndarray: return outputs.cpu().numpy()")


@pytest.mark.points(2)
def test_predict_returns_numpy(learner, expect: Expect) -> None:
    """predict returns a float32 NumPy array of shape (N, outputs)"""
    result = learner.probe("prediction")["result"]
    _expect_ndarray(expect, result)
    expect.equal(result["dtype"], "float32", "the dtype of the array predict returned",
                 "return the model's float32 output as it is: outputs.cpu().numpy()")
    expect.equal(result["shape"], PREDICT_SHAPE, "the shape of the array predict returned for 7 inputs and 3 outputs",
                 "return the model's whole output, one row per input")


@pytest.mark.points(2)
def test_predict_values(learner, reference, expect: Expect) -> None:
    """predict returns the model's output in evaluation mode"""
    got, want = learner.probe("prediction"), reference.probe("prediction")
    _expect_ndarray(expect, got["result"])
    hint = "return the model's output for inputs"
    if any(call["training"] or call["norm_training"] for call in got["forwards"]):
        hint = "the model ran in training mode, so BatchNorm used the batch's statistics: call model.eval() first"
    expect.true(got["result"]["values"] is not None, f"predict returned an array of dtype {got['result']['dtype']}, "
                "expected float32 numbers: return outputs.cpu().numpy()")
    expect.close(got["result"]["values"], want["result"]["values"], "the array predict returned", hint, check_dtype=False)


@pytest.mark.points(2)
def test_predict_sets_eval_mode(learner, expect: Expect) -> None:
    """predict switches the model to evaluation mode (the model starts in training mode)"""
    got = learner.probe("prediction")
    expect.true(bool(got["forwards"]), "predict never called the model")
    for call in got["forwards"]:
        expect.true(not call["training"], "the model ran in training mode during predict (it was handed over in "
                    "training mode): call model.eval() before the forward pass")
        expect.true(not call["norm_training"], "the model's child modules (its BatchNorm layer) were still in training "
                    "mode: switch with model.eval(), which sets every child module, instead of assigning model.training")


@pytest.mark.points(2)
def test_predict_without_grad(learner, expect: Expect) -> None:
    """predict runs the model without tracking gradients"""
    got = learner.probe("prediction")
    expect.true(bool(got["forwards"]), "predict never called the model")
    for call in got["forwards"]:
        expect.true(not call["grad_enabled"], "gradient tracking was on while the model ran in predict, so autograd "
                    "recorded a graph for nothing: run the model under torch.no_grad() (detaching the output afterwards "
                    "is too late)")


@pytest.mark.points(1)
def test_predict_changes_no_parameter(learner, expect: Expect) -> None:
    """predict changes no parameter (values and requires_grad)"""
    got = learner.probe("prediction")
    expect.equal(got["changed"], [], "the parameters whose values predict changed", "predict only runs the model")
    expect.equal(got["requires_grad_changed"], [], "the parameters whose requires_grad predict changed",
                 "leave requires_grad alone (the model is trained again later): use torch.no_grad() instead")


@pytest.mark.points(1)
def test_predict_moves_inputs_to_device(learner, expect: Expect, device: str) -> None:
    """predict moves the inputs to the device"""
    for got, where in _on_both_devices(learner, "prediction", device):
        expect.true(bool(got["forwards"]), "predict never called the model")
        for call in got["forwards"]:
            expect.true(_same_device(call["device"], where), f"the inputs reached the model on {call['device']}, "
                        f"expected {where}: move them with inputs.to(device)")


# --------------------------------------------------------------------------------------------- fit


def _fit(learner, reference) -> tuple[dict[str, Any], dict[str, Any]]:
    return learner.probe("fitting", epochs=FIT_EPOCHS), reference.probe("fitting", epochs=FIT_EPOCHS)


def _train_epoch_matches(learner, reference) -> bool:
    """Whether the learner's train_epoch returns and trains as the reference does (for hints downstream)."""
    try:
        got, want = _epoch(learner, reference)
    except LearnerFailure:
        return False
    return (got["returned"]["is_float"] and _close(got["returned"]["value"], want["returned"]["value"])
            and all(_close(got["params"].get(name), value) for name, value in want["params"].items()))


EPOCH_FIRST = ("your train_epoch does not match the expected results yet (see its tests): fix it first, fit returns what "
               "it returns")


def _fit_hint(learner, reference, got_losses: list[float], want_losses: list[float]) -> str:
    if len(got_losses) == len(want_losses) and all(_close(a, b) for a, b in zip(got_losses, reversed(want_losses))):
        return "return the losses in epoch order, the first epoch first"
    if not _train_epoch_matches(learner, reference):
        return EPOCH_FIRST
    return "collect what train_epoch(model, loader, loss_fn, optimizer, device) returns, once per epoch"


@pytest.mark.points(3)
def test_fit_returns_epoch_losses(learner, reference, expect: Expect) -> None:
    """fit returns the list of epoch losses, one float per epoch, in order"""
    got, want = _fit(learner, reference)
    expect.true(got["is_list"], f"fit returned a {got['type']}, expected a list of floats, one per epoch")
    for item in got["items"]:
        _expect_float(expect, item, "fit", "append what train_epoch returns for each epoch")
    losses, wanted = [item["value"] for item in got["items"]], [item["value"] for item in want["items"]]
    expect.equal(len(losses), FIT_EPOCHS, f"the number of losses fit returned for epochs={FIT_EPOCHS}",
                 "call train_epoch exactly epochs times: for _ in range(epochs)")
    expect.close(torch.tensor(losses, dtype=torch.float64), torch.tensor(wanted, dtype=torch.float64),
                 "fit's list of epoch losses", _fit_hint(learner, reference, losses, wanted), rtol=1e-5, atol=1e-6)


@pytest.mark.points(2)
def test_fit_trains_the_model(learner, reference, expect: Expect) -> None:
    """fit trains the model epochs times over the loader, in training mode"""
    got, want = _fit(learner, reference)
    batches = [call["batch"] for call in got["forwards"]]
    hint = "call train_epoch once per epoch, on the same model, loader, loss_fn and optimizer"
    if batches != BATCHES * FIT_EPOCHS and got["items"] and len(got["items"]) == FIT_EPOCHS:
        hint = hint if _train_epoch_matches(learner, reference) else EPOCH_FIRST
    expect.equal(batches, BATCHES * FIT_EPOCHS, f"the batch sizes the model saw during fit(epochs={FIT_EPOCHS})", hint)
    expect.true(_all_training(got["forwards"]),
                "the model (or its BatchNorm layer) ran in evaluation mode during fit (it was handed over in eval mode): "
                "train with train_epoch, which calls model.train()")
    hint = "train the model that was passed in, with the optimizer that was passed in"
    if not all(_close(got["params"].get(name), value) for name, value in want["params"].items()):
        hint = hint if _train_epoch_matches(learner, reference) else EPOCH_FIRST
    for name, value in want["params"].items():
        expect.close(got["params"].get(name), value, f"`{name}` after fit(epochs={FIT_EPOCHS})", hint, rtol=1e-5, atol=1e-6)


@pytest.mark.points(1)
def test_fit_moves_model_to_device(learner, expect: Expect, device: str) -> None:
    """fit moves the model to the device"""
    runs = [(learner.probe("fitting", epochs=FIT_EPOCHS), seen_device(device))]
    if seen_device(device) != device:
        runs.append((learner.probe("fitting", **on_real_device(epochs=1)), device))
    for got, expected in runs:
        for where in got["devices"]:
            expect.true(_same_device(where, expected), f"after fit, some of the model's tensors are on {where}, "
                        f"expected {expected}: call model.to(device) at the start of fit")
        for call in got["forwards"]:
            expect.true(_same_device(call["device"], expected), f"a batch reached the model on {call['device']}, "
                        f"expected {expected}: pass device on to train_epoch")
