"""Probes for exercise 7: the four custom autograd Functions and FunctionLinear.

Every probe builds its inputs from a seed, on the ``device`` it is given, and lets the learner's
code run there. It returns what it saw as plain data: outputs, the gradients the learner's
backward produced, Jacobians, finite differences of the learner's forward, which tensors were
saved, how often autograd itself ran. It never returns a verdict: the tests decide, in the
grader's process, by comparing with the reference's data (see ``test_exercise7``'s docstring).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import torch
import torch.autograd
import torch.autograd.forward_ad
import torch.autograd.graph
from torch import nn
from torch.utils._python_dispatch import TorchDispatchMode

from grader.probing import generator, probe, require

DTYPES = {"float32": torch.float32, "float64": torch.float64}
FUNCTIONS = ("Sigmoid", "Linear", "StraightThroughRound", "ClampedExp")
LABELS = {"Sigmoid": ["x"], "Linear": ["x", "weight", "bias"], "StraightThroughRound": ["x"], "ClampedExp": ["x"]}
# The operations that compute a gradient of Linear: matrix products, and the sum over the batch.
PRODUCTS = frozenset({"mm", "bmm", "addmm", "addbmm", "baddbmm", "mv", "addmv", "dot", "vdot", "addr", "matmul", "sum"})
EPSILON = 1e-6  # the finite-difference step of torch.autograd.gradcheck
FAR_FROM_KINK = 0.05  # inputs of ClampedExp stay this far from max_value where finite differences are taken


def host(value: Any) -> Any:
    """A tensor read back for the grader (detached, on the CPU); ``None`` stays ``None``."""
    return value.detach().cpu() if isinstance(value, torch.Tensor) else value


def function_class(m: ModuleType, name: str) -> type:
    """The learner's Function ``name``, or a message saying why it cannot be one."""
    cls = getattr(m, name)
    require(
        isinstance(cls, type) and issubclass(cls, torch.autograd.Function),
        f"`{name}` must subclass torch.autograd.Function (class {name}(torch.autograd.Function): ...)",
    )
    return cls


def call_text(name: str, case: dict[str, Any]) -> str:
    """How a probe calls the Function, as the learner would write it."""
    if name == "Linear":
        return {"tensor": "Linear.apply(x, weight, bias)", "none": "Linear.apply(x, weight, None)",
                "omitted": "Linear.apply(x, weight)"}[case.get("bias", "tensor")]
    if name == "ClampedExp":
        max_value = case.get("max_value")
        return "ClampedExp.apply(x)" if max_value is None else f"ClampedExp.apply(x, {max_value})"
    return f"{name}.apply(x)"


def build_inputs(name: str, case: dict[str, Any], seed: int, dtype: torch.dtype, device: str,
                 gradcheck: bool = False) -> list[Any]:
    """The positional arguments of ``name.apply``: leaf tensors on ``device``, each requiring grad
    as ``case["needs"]`` says (default: all), then ``None`` or a float where ``case`` asks."""
    g = generator(seed)
    needs = list(case.get("needs", [True, True, True]))
    if name == "Sigmoid":
        x = torch.randn(3, 4, generator=g, dtype=torch.float64) * 3
        tensors = [x]
    elif name == "StraightThroughRound":
        x = torch.randn(2, 6, generator=g, dtype=torch.float64) * 2
        x[0, :5] = torch.tensor([-1.5, -0.5, 0.5, 1.5, 2.5], dtype=torch.float64)
        tensors = [x]
    elif name == "ClampedExp":
        max_value = case.get("max_value")
        limit = 10.0 if max_value is None else max_value
        x = torch.randn(3, 5, generator=g, dtype=torch.float64) * 2 + limit - 1
        if case.get("edge"):
            x.view(-1)[:4] = torch.tensor([limit, limit + 0.5, limit + 3.0, limit - 0.5], dtype=torch.float64)
        if gradcheck:
            x = torch.where((x - limit).abs() < FAR_FROM_KINK, x + 2 * FAR_FROM_KINK, x)
        tensors = [x]
    elif name == "Linear":
        x = torch.randn(3 if gradcheck else 5, 4, generator=g, dtype=torch.float64)
        weight = torch.randn(2 if gradcheck else 3, 4, generator=g, dtype=torch.float64)
        bias = torch.randn(weight.shape[0], generator=g, dtype=torch.float64)
        tensors = [x, weight, bias]
    else:
        raise ValueError(name)
    args: list[Any] = [t.to(device=device, dtype=dtype).requires_grad_(need) for t, need in zip(tensors, needs)]
    if name == "Linear":
        mode = case.get("bias", "tensor")
        if mode != "tensor":
            args[2] = None
        if mode == "omitted":
            args = args[:2]
    if name == "ClampedExp" and case.get("max_value") is not None:
        args.append(float(case["max_value"]))
    return args


def differentiable(args: list[Any]) -> list[torch.Tensor]:
    return [a for a in args if isinstance(a, torch.Tensor) and a.requires_grad]


def vjp(out: torch.Tensor, inputs: list[torch.Tensor], grad_output: torch.Tensor, **kwargs: Any) -> tuple[Any, ...]:
    """The gradients of ``inputs`` for ``grad_output``, through a scalar: ``torch.autograd.grad``
    with ``grad_outputs`` would import sympy (about half a second) in torch 2.13."""
    return torch.autograd.grad((out * grad_output).sum(), inputs, allow_unused=True, **kwargs)


def apply(cls: type, name: str, case: dict[str, Any], args: list[Any]) -> torch.Tensor:
    """``cls.apply(*args)``, checked to be a tensor that autograd can differentiate."""
    out = cls.apply(*args)
    call = call_text(name, case)
    require(isinstance(out, torch.Tensor), f"{call} returned {type(out).__name__}, expected a Tensor")
    if differentiable(args):
        require(
            out.requires_grad and out.grad_fn is not None,
            f"{call} returned a tensor (dtype {out.dtype}) without autograd history although its input requires grad: "
            "forward must return a floating-point tensor (no .long(), .int() or .detach())",
        )
    return out


def returned_by_backward(raw: Any) -> list[Any]:
    """What a backward returned, as a list (a lone tensor is one value)."""
    return list(raw) if isinstance(raw, (tuple, list)) else [raw]


def describe_returned(values: list[Any]) -> list[dict[str, Any]]:
    described = []
    for value in values:
        if value is None:
            described.append({"kind": "None"})
        elif isinstance(value, torch.Tensor):
            described.append({"kind": "tensor", "shape": list(value.shape), "dtype": str(value.dtype),
                              "device": value.device.type, "requires_grad": bool(value.requires_grad)})
        else:
            described.append({"kind": type(value).__name__})
    return described


class AutogradUse:
    """Counts, while active, every run of the autograd engine (``Tensor.backward``,
    ``torch.autograd.backward``, ``torch.autograd.grad`` and ``torch.func``'s reverse mode all go
    through it) and every forward-mode level entered (``torch.func.jvp``, ``jacfwd``,
    ``torch.autograd.forward_ad``). The originals are called unchanged."""

    def __init__(self) -> None:
        self.engine = 0
        self.forward_mode = 0

    @contextlib.contextmanager
    def watching(self) -> Iterator[AutogradUse]:
        modules = (torch.autograd, torch.autograd.graph)
        engine = [module._engine_run_backward for module in modules]
        forward_ad = torch.autograd.forward_ad
        enter = forward_ad.enter_dual_level

        def counted_engine(*args: Any, **kwargs: Any) -> Any:
            self.engine += 1
            return engine[1](*args, **kwargs)

        def counted_enter(*args: Any, **kwargs: Any) -> Any:
            self.forward_mode += 1
            return enter(*args, **kwargs)

        for module in modules:
            module._engine_run_backward = counted_engine
        forward_ad.enter_dual_level = counted_enter
        try:
            yield self
        finally:
            for module, original in zip(modules, engine):
                module._engine_run_backward = original
            forward_ad.enter_dual_level = enter


class OpRecorder(TorchDispatchMode):
    """Records the name and result size of every ATen operation run while active (the operations
    run as they are)."""

    def __init__(self) -> None:
        super().__init__()
        self.ops: list[tuple[str, int]] = []

    def __torch_dispatch__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        result = func(*args, **(kwargs or {}))
        size = result.numel() if isinstance(result, torch.Tensor) else -1
        self.ops.append((func.overloadpacket.__name__, size))
        return result


def learner_node(out: torch.Tensor, cls: type) -> Any:
    """The autograd node of ``cls`` that produced ``out``, or ``None``."""
    node = out.grad_fn
    forward_cls = getattr(type(node), "_forward_cls", None)
    return node if isinstance(forward_cls, type) and issubclass(forward_cls, cls) else None


def call_backward(node: Any, grad_output: torch.Tensor) -> list[Any]:
    """The learner's backward, called as autograd calls it (``node`` is the ``ctx`` forward filled
    in), but directly, so that every value it returns is seen as it is."""
    with torch.no_grad():
        return returned_by_backward(node.apply(grad_output))


# ------------------------------------------------------------------------------ forward values


@probe
def forward(m: ModuleType, device: str, function: str, case: dict[str, Any], dtype: str, seed: int) -> dict[str, Any]:
    cls = function_class(m, function)
    args = build_inputs(function, case, seed, DTYPES[dtype], device)
    args = [a.detach() if isinstance(a, torch.Tensor) else a for a in args]
    out = apply(cls, function, case, args)
    return {"out": host(out), "device": out.device.type}


@probe
def sigmoid_extremes(m: ModuleType, device: str, dtype: str) -> dict[str, Any]:
    """Sigmoid at ±1000 and other large inputs, and its gradient there."""
    cls = function_class(m, "Sigmoid")
    values = [-1000.0, -100.0, -30.0, -1.0, 0.0, 1.0, 30.0, 100.0, 1000.0]
    x = torch.tensor(values, dtype=DTYPES[dtype], device=device, requires_grad=True)
    out = apply(cls, "Sigmoid", {}, [x])
    (grad,) = vjp(out, [x], torch.ones_like(out))
    return {"x": values, "out": host(out), "grad": host(grad)}


@probe
def sigmoid_saved(m: ModuleType, device: str) -> dict[str, Any]:
    """Which tensors Sigmoid's forward kept with ctx.save_for_backward: its output, its input?"""
    cls = function_class(m, "Sigmoid")
    x = torch.randn(4, 3, generator=generator(3), dtype=torch.float64).to(device).requires_grad_()
    out = apply(cls, "Sigmoid", {}, [x])
    node = learner_node(out, cls)
    saved = list(node.saved_tensors) if node is not None else []

    def same(a: torch.Tensor, b: torch.Tensor) -> bool:
        return a.shape == b.shape and a.data_ptr() == b.data_ptr()

    return {
        "node": node is not None,
        "count": len(saved),
        "output": any(same(t, out) for t in saved),
        "input": any(same(t, x) for t in saved),
    }


# ----------------------------------------------------------------------------------- gradients


@probe
def gradients(m: ModuleType, device: str, function: str, case: dict[str, Any], dtype: str, seeds: list[int]) -> dict[str, Any]:
    """For each seed: the output, the gradients autograd gets from the learner's backward for a
    random grad_output (as ``torch.autograd.grad`` gives them), what backward itself returned, and
    how often autograd ran besides the probe's own call."""
    cls = function_class(m, function)
    runs = []
    for seed in seeds:
        args = build_inputs(function, case, seed, DTYPES[dtype], device)
        watch = AutogradUse()
        with watch.watching():
            out = apply(cls, function, case, args)
            grad_output = torch.randn(out.shape, generator=generator(seed + 1000), dtype=torch.float64)
            grad_output = grad_output.to(device=device, dtype=out.dtype)
            inputs = differentiable(args)
            grads = vjp(out, inputs, grad_output, retain_graph=True)
        node = learner_node(out, cls)
        returned = call_backward(node, grad_output) if node is not None else []
        runs.append({
            "inputs": [host(a) for a in args if isinstance(a, torch.Tensor)],
            "out": host(out),
            "grad_output": host(grad_output),
            "grads": [host(g) for g in grads],
            "returned": describe_returned(returned),
            "engine": watch.engine - 1,
            "forward_mode": watch.forward_mode,
            "graph": [bool(g is not None and (g.requires_grad or g.grad_fn is not None)) for g in grads],
            "node": node is not None,
        })
    return {"runs": runs}


@probe
def jacobians(m: ModuleType, device: str, function: str, case: dict[str, Any], seed: int) -> dict[str, Any]:
    """In float64: the Jacobian the learner's backward gives (one backward per output entry) and the
    one central differences of the learner's forward give, per differentiable input; the data
    ``torch.autograd.gradcheck`` compares, computed here and compared in the grader."""
    cls = function_class(m, function)
    args = build_inputs(function, case, seed, torch.float64, device, gradcheck=True)
    out = apply(cls, function, case, args)
    positions = [i for i, a in enumerate(args) if isinstance(a, torch.Tensor) and a.requires_grad]
    inputs = [args[i] for i in positions]
    analytic = [torch.zeros(out.numel(), t.numel(), dtype=torch.float64) for t in inputs]
    missing = [False] * len(inputs)
    for row in range(out.numel()):
        grads = torch.autograd.grad(out.reshape(-1)[row], inputs, retain_graph=True, allow_unused=True)
        for index, grad in enumerate(grads):
            if grad is None:
                missing[index] = True
            else:
                analytic[index][row] = grad.detach().reshape(-1).to("cpu", torch.float64)
    numerical = [torch.zeros(out.numel(), t.numel(), dtype=torch.float64) for t in inputs]
    with torch.no_grad():
        for index, position in enumerate(positions):
            base = args[position].detach()
            for column in range(base.numel()):
                values = []
                for sign in (1, -1):
                    shifted = base.clone().reshape(-1)
                    shifted[column] += sign * EPSILON
                    perturbed = list(args)
                    perturbed[position] = shifted.view_as(base)
                    values.append(cls.apply(*perturbed).detach().reshape(-1).to("cpu", torch.float64))
                numerical[index][:, column] = (values[0] - values[1]) / (2 * EPSILON)
    labels = [LABELS[function][i] for i in positions]
    return {"labels": labels, "analytic": analytic, "numerical": numerical, "missing": missing}


@probe
def double_backward(m: ModuleType, device: str, function: str, case: dict[str, Any], seed: int) -> dict[str, Any]:
    """With ``create_graph=True`` (float64): does the learner's backward build a graph, and if so,
    the first-order gradients and the second-order products ``d(u . grads) / d(inputs, grad_output)``
    for a random ``u``."""
    cls = function_class(m, function)
    args = build_inputs(function, case, seed, torch.float64, device, gradcheck=True)
    out = apply(cls, function, case, args)
    inputs = differentiable(args)
    g = generator(seed + 2000)
    grad_output = torch.randn(out.shape, generator=g, dtype=torch.float64).to(device).requires_grad_()
    first = vjp(out, inputs, grad_output, create_graph=True)
    directions = [torch.randn(t.shape, generator=g, dtype=torch.float64).to(device) for t in inputs]
    tracked = [(grad, u) for grad, u in zip(first, directions) if grad is not None and grad.requires_grad]
    first_order = [host(grad) for grad in first]
    if not tracked:
        return {"status": "no graph", "labels": [], "first": first_order, "second": []}
    targets = [*inputs, grad_output]
    try:
        total = sum((grad * u).sum() for grad, u in tracked)
        second = torch.autograd.grad(total, targets, allow_unused=True)
    except RuntimeError as error:
        if "differentiate twice" in str(error):
            return {"status": "refused", "labels": [], "first": first_order, "second": []}
        raise
    if all(each is None for each in second):  # e.g. @once_differentiable: its error node leads nowhere
        return {"status": "no graph", "labels": [], "first": first_order, "second": []}
    labels = [label for label, a in zip(LABELS[function], args) if isinstance(a, torch.Tensor) and a.requires_grad]
    return {
        "status": "graph",
        "labels": [*labels, "grad_output"],
        "first": first_order,
        "second": [host(torch.zeros_like(t) if s is None else s) for s, t in zip(second, targets)],
    }


@probe
def inplace_after_forward(m: ModuleType, device: str, function: str, case: dict[str, Any], inplace: bool) -> dict[str, Any]:
    """Forward on non-leaf copies of the inputs; then (with ``inplace``) every tensor input and the
    output are changed in place, untracked; then backward. Tensors kept with save_for_backward
    make autograd raise; tensors kept as ctx attributes give gradients computed from the changed
    values. Without ``inplace`` the gradients are those of the unchanged values."""
    cls = function_class(m, function)
    args = build_inputs(function, case, seed=11, dtype=torch.float64, device=device)
    leaves = differentiable(args)
    copies = [a * 1.0 if isinstance(a, torch.Tensor) else a for a in args]
    out = apply(cls, function, case, copies)
    if inplace:
        with torch.no_grad():
            for tensor in copies:
                if isinstance(tensor, torch.Tensor):
                    tensor.add_(0.5)
            out.mul_(2.0)
    grad_output = torch.randn(out.shape, generator=generator(12), dtype=torch.float64).to(device)
    try:
        grads = vjp(out, leaves, grad_output)
    except RuntimeError as error:
        if "modified by an inplace operation" in str(error):
            return {"error": True, "grads": []}
        raise
    return {"error": False, "grads": [host(g) for g in grads]}


@probe
def backward_returns(m: ModuleType, device: str, function: str, case: dict[str, Any]) -> dict[str, Any]:
    """What backward returns when called directly, position by position, for inputs with the
    requires_grad flags of ``case["needs"]``; the size of each input, and the size of the result of
    each matrix product and sum backward ran (a gradient has its input's size)."""
    cls = function_class(m, function)
    args = build_inputs(function, case, seed=21, dtype=torch.float64, device=device)
    out = apply(cls, function, case, args)
    node = learner_node(out, cls)
    require(node is not None, f"the output of {call_text(function, case)} was not made by `{function}`'s backward node")
    grad_output = torch.randn(out.shape, generator=generator(22), dtype=torch.float64).to(device)
    recorder = OpRecorder()
    with recorder:
        returned = call_backward(node, grad_output)
    return {
        "inputs": len(args),
        "returned": describe_returned(returned),
        "sizes": [a.numel() if isinstance(a, torch.Tensor) else None for a in args],
        "products": [size for op, size in recorder.ops if op in PRODUCTS],
        "needs": list(node.needs_input_grad),
    }


# -------------------------------------------------------------------------------- FunctionLinear


def describe(value: Any) -> dict[str, Any]:
    if isinstance(value, nn.Parameter):
        kind = "parameter"
    elif isinstance(value, torch.Tensor):
        kind = "tensor"
    elif value is None:
        kind = "none"
    else:
        return {"kind": "other", "type": type(value).__name__}
    info: dict[str, Any] = {"kind": kind}
    if kind != "none":
        info.update(shape=list(value.shape), dtype=str(value.dtype), requires_grad=bool(value.requires_grad))
    return info


def attribute(module: nn.Module, name: str) -> dict[str, Any]:
    if name not in dir(module) and not hasattr(module, name):
        return {"kind": "missing"}
    return describe(getattr(module, name))


def new_layer(m: ModuleType, in_features: int, out_features: int, **kwargs: Any) -> nn.Module:
    layer = m.FunctionLinear(in_features, out_features, **kwargs)
    require(isinstance(layer, nn.Module), "`FunctionLinear` must subclass `nn.Module` (class FunctionLinear(nn.Module): ...)")
    return layer


@probe
def layer_structure(m: ModuleType, device: str, in_features: int, out_features: int, bias: bool) -> dict[str, Any]:
    layer = new_layer(m, in_features, out_features, bias=bias)
    return {
        "parameters": [name for name, _ in layer.named_parameters()],
        "weight": attribute(layer, "weight"),
        "bias": attribute(layer, "bias"),
    }


@probe
def layer_init(m: ModuleType, device: str, in_features: int, out_features: int) -> dict[str, Any]:
    first, second = new_layer(m, in_features, out_features), new_layer(m, in_features, out_features)
    for layer in (first, second):
        require(isinstance(getattr(layer, "weight", None), torch.Tensor), "FunctionLinear has no tensor attribute `weight`")
        require(isinstance(getattr(layer, "bias", None), torch.Tensor),
                f"`FunctionLinear({in_features}, {out_features})` has no bias tensor: the default must be bias=True")
    return {"weight": host(first.weight), "bias": host(first.bias), "second_weight": host(second.weight)}


def load_layer(layer: nn.Module, in_features: int, out_features: int, bias: bool) -> None:
    """Give a learner's layer the same weights as the reference's, or say why it cannot."""
    g = generator(31)
    weight = getattr(layer, "weight", None)
    require(isinstance(weight, torch.Tensor), "FunctionLinear has no tensor attribute `weight`")
    require(tuple(weight.shape) == (out_features, in_features),
            f"`weight` has shape {tuple(weight.shape)}, expected (out_features, in_features) = {(out_features, in_features)}")
    with torch.no_grad():
        weight.copy_(torch.randn(out_features, in_features, generator=g))
        if bias:
            value = getattr(layer, "bias", None)
            require(isinstance(value, torch.Tensor), f"`FunctionLinear({in_features}, {out_features})` has no bias tensor")
            require(tuple(value.shape) == (out_features,), f"`bias` has shape {tuple(value.shape)}, expected ({out_features},)")
            value.copy_(torch.randn(out_features, generator=g))


@probe
def layer_forward(m: ModuleType, device: str, bias: bool, dtype: str) -> dict[str, Any]:
    """Output and gradients of a FunctionLinear(4, 3) with fixed weights, and whether the output's
    autograd graph holds a node of the learner's Linear Function (what ``Linear.apply`` makes)."""
    layer = new_layer(m, 4, 3, bias=bias)
    load_layer(layer, 4, 3, bias)
    layer = layer.to(device=device, dtype=DTYPES[dtype])
    x = torch.randn(6, 4, generator=generator(32), dtype=DTYPES[dtype]).to(device).requires_grad_()
    out = layer(x)
    require(isinstance(out, torch.Tensor), f"FunctionLinear's forward returned {type(out).__name__}, expected a Tensor")
    linear = getattr(m, "Linear", None)
    found, top = False, type(out.grad_fn).__name__ if out.grad_fn is not None else "none"
    if isinstance(linear, type):
        pending, seen = [out.grad_fn], set()
        while pending and not found:
            node = pending.pop()
            if node is None or id(node) in seen or len(seen) > 200:
                continue
            seen.add(id(node))
            forward_cls = getattr(type(node), "_forward_cls", None)
            found = isinstance(forward_cls, type) and issubclass(forward_cls, linear)
            pending.extend(next_node for next_node, _ in node.next_functions)
    result: dict[str, Any] = {"out": host(out), "uses_linear": found, "top": top, "requires_grad": out.requires_grad}
    if out.requires_grad and out.shape == (6, 3):
        grad_output = torch.randn(6, 3, generator=generator(33), dtype=DTYPES[dtype]).to(device)
        (out * grad_output).sum().backward()
        weight_grad = layer.weight.grad
        bias_value = getattr(layer, "bias", None)
        result.update(x_grad=host(x.grad), weight_grad=host(weight_grad),
                      bias_grad=host(bias_value.grad) if isinstance(bias_value, torch.Tensor) else None)
    return result

