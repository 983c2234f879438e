"""A simulated accelerator: device mistakes caught on a CPU-only grader.

On a CPU grader, ``model.to(device)`` and ``inputs.to(device)`` do nothing, so code that forgets
them, throws away what ``Tensor.to`` returns, calls ``.numpy()`` on a device tensor or builds a
helper tensor on the default device earns full marks there and crashes on the first GPU. While a
probe runs, :func:`simulated` makes the grading device look like ``cuda:0`` to the code under test:
every tensor stays a physical CPU tensor (the values are exactly those of a CPU run), and a torch
function mode keeps, beside it, the device the tensor would be on with a real GPU. The mode
observes: it answers ``t.device``, ``t.is_cuda`` and ``t.get_device()`` from that record, makes
``.to("cuda")`` / ``.cuda()`` return a copy (as torch does for a CPU tensor) and ``.cpu()`` of a
device tensor a copy, runs factories called with ``device=`` on the CPU, and raises torch's own
errors where a real GPU would: tensors of two devices in one operation, ``.numpy()`` of a device
tensor, a gradient of the wrong device. Each such error carries a note that names the likely
mistake (:func:`hint_of`).

A tensor's simulated device is ``cuda``, ``cpu`` (known: made by a factory without ``device=``,
the source of a ``.to("cuda")``, a ``.cpu()`` result, a model parameter never moved) or unknown
(made outside the mode or by the autograd engine), which is compatible with every device: correct
code never meets a false error. The record is a side table keyed by ``id(tensor)`` and cleared by
a weak reference, so nothing is stored on a tensor (``torch.save`` and ``deepcopy`` carry nothing).
"""

from __future__ import annotations

import contextlib
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch.overrides import TorchFunctionMode

DEVICE = "cuda"
"""The device string probes pass to learner code while the accelerator is simulated."""

CUDA, CPU = "cuda", "cpu"
_CUDA_DEVICE = torch.device("cuda", 0)
_NOTE = "simulated accelerator: "
_GRADER_DIR = str(Path(__file__).resolve().parent)
_TORCH_DIR = str(Path(torch.__file__).resolve().parent)

MISMATCH = "Expected all tensors to be on the same device, but found at least two devices, {first} and {second}!"
NUMPY = "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first."
GRAD = ("attempting to assign a gradient with device type '{grad}' to a tensor with device type '{tensor}'. "
        "Please ensure that the gradient and the tensor are on the same device")

HINTS = {
    "moved": "The batch was never moved to the device: `inputs.to(device)` returns a new tensor; assign it "
             "(`inputs = inputs.to(device)`)",
    "parameter": "The model was never moved to the device: call `model.to(device)` before training",
    "data": "A tensor the grader passed on the CPU was never moved to the device: move it with `x = x.to(device)`",
    "cpu": "A tensor moved to the CPU with `.cpu()` is used with tensors on the device: keep it on the device "
           "until the computation is done",
    "factory": "A tensor made with `torch.{name}(...)` is on the CPU while the inputs are on cuda: create it on the "
               "inputs' device (`device=x.device`)",
    "other": "Keep every tensor of one computation on the same device (`t.to(x.device)`)",
    "numpy": "`.numpy()` needs a CPU tensor: call `.cpu()` first (`t.detach().cpu().numpy()`)",
}


def hint_of(error: BaseException) -> str | None:
    """The simulator's hint that ``error`` carries, if any."""
    for note in getattr(error, "__notes__", None) or ():
        if isinstance(note, str) and note.startswith(_NOTE):
            return note[len(_NOTE):]
    return None


def applies(device: str) -> bool:
    """Whether a probe on grading device ``device`` runs on the simulated accelerator: only on the CPU."""
    return torch.device(device).type == "cpu"


@contextlib.contextmanager
def simulated() -> Iterator[None]:
    """Run the body on the simulated accelerator (pushes the mode; pops it on exit)."""
    _register_restore()
    with Accelerator():
        _simulating.append(True)
        try:
            yield
        finally:
            _simulating.pop()


# -- torch.load onto the simulated device -----------------------------------------------------------

RESTORE_PRIORITY = -100_000
"""The simulator's place in torch's serialization registry: ahead of torch's own entries (10 and
20), behind an entry a suite registers (with a lower number) to observe what is restored."""
_simulating: list[bool] = []
_restore_registered = False


def _register_restore() -> None:
    global _restore_registered
    if not _restore_registered:
        torch.serialization.register_package(RESTORE_PRIORITY, lambda storage: None, _restore)
        _restore_registered = True


def _restore(storage: Any, location: str) -> Any:
    """``torch.load`` restoring a storage to ``cuda`` (``cuda:0``) while the accelerator is simulated:
    the storage stays in CPU memory, moved there as ``Tensor.to`` moves a tensor, so that it counts as
    on the device (``map_location=device`` works as with a real GPU). Anything else, and everything
    outside :func:`simulated`, is left to torch (None)."""
    if not _simulating or not str(location).startswith("cuda"):
        return None
    place = torch.device(location)
    if (place.index or 0) != _CUDA_DEVICE.index:
        return None  # a device the simulated machine does not have: torch's own error, as on a real one
    return torch.empty(0, dtype=torch.uint8).set_(storage).to(_CUDA_DEVICE).untyped_storage()


def _raise(error: Exception, reason: str | None) -> None:
    error.add_note(_NOTE + _hint(reason))
    raise error


def _hint(reason: str | None) -> str:
    if reason and reason.startswith("factory:"):
        return HINTS["factory"].format(name=reason.partition(":")[2])
    return HINTS.get(reason or "other", HINTS["other"])


# A storage's record: (state, reason, weak reference). The device is a property of the memory, so
# every tensor on one storage shares it: views, ``nn.Parameter(data)``, ``Variable(x)``, a parameter
# after ``param.data = moved`` (how ``Module.to`` moves it). Keyed by id(): torch keeps a storage's
# Python object as long as the storage lives, and its weak reference's callback drops the record
# when the storage dies, before its id can be reused.
_Record = tuple[str, "str | None", "weakref.ref[Any]"]


def _storage(tensor: Tensor) -> Any:
    try:
        return tensor.untyped_storage()
    except (RuntimeError, NotImplementedError):  # a tensor without storage (sparse, nested)
        return None


class Accelerator(TorchFunctionMode):
    """The torch function mode behind :func:`simulated`."""

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[int, _Record] = {}
        records = self.records

        def forget(key: int, ref: weakref.ref[Any]) -> None:
            record = records.get(key)
            if record is not None and record[2] is ref:
                del records[key]

        self._forget = forget

    # ---------------------------------------------------------------- records

    def tag(self, tensor: Tensor, state: str | None, reason: str | None = None, *, replace: bool = True) -> None:
        """Record that ``tensor``'s memory is on ``state`` (None: unknown); with ``replace=False``
        only memory not yet known (an op that returns a view of its input changes nothing)."""
        storage = _storage(tensor)
        if storage is None:
            return
        key = id(storage)
        if not replace and key in self.records:
            return
        if state is None:
            self.records.pop(key, None)
            return
        forget = self._forget
        self.records[key] = (state, reason, weakref.ref(storage, lambda ref: forget(key, ref)))

    def record(self, tensor: Tensor) -> tuple[str | None, str | None]:
        storage = _storage(tensor)
        found = self.records.get(id(storage)) if storage is not None else None
        if found is None:
            return None, None
        if found[0] == CPU and isinstance(tensor, torch.nn.Parameter):
            return CPU, "parameter"
        return found[0], found[1]

    def state(self, tensor: Tensor) -> str | None:
        return self.record(tensor)[0]

    # ---------------------------------------------------------------- the mode

    def __torch_function__(self, func: Callable[..., Any], types: Any, args: tuple[Any, ...] = (),
                           kwargs: dict[str, Any] | None = None) -> Any:
        kwargs = kwargs or {}
        handler = _HANDLERS.get(func)
        if handler is not None:
            return handler(self, func, args, kwargs)
        if kwargs.get("device") is not None:
            return self._factory_on(func, args, kwargs)
        tensors: list[Tensor] = []
        for value in (*args, *kwargs.values()):
            if isinstance(value, Tensor):
                tensors.append(value)
            elif type(value) in (list, tuple):
                tensors.extend(item for item in value if isinstance(item, Tensor))
        if not tensors:
            result = func(*args, **kwargs)
            if isinstance(result, Tensor):
                self.tag(result, CPU, self._maker(func), replace=False)
            return result
        state, reason = self._combined(tensors, func)
        result = func(*args, **kwargs)
        self._tag_outputs(result, state, reason)
        return result

    def _combined(self, tensors: list[Tensor], func: Callable[..., Any]) -> tuple[str | None, str | None]:
        """The device of an operation on ``tensors``: cuda if any is, cpu if all are known cpu;
        torch's error for a cuda tensor beside a known cpu one (0-dim cpu tensors are allowed)."""
        cuda = cpu = unknown = False
        blamed: tuple[Tensor, str | None] | None = None
        first = None
        for tensor in tensors:
            state, reason = self.record(tensor)
            if state == CUDA:
                cuda = True
                first = first or CUDA
            elif state == CPU:
                cpu = True
                if blamed is None and tensor.dim() != 0:
                    blamed = (tensor, reason)
                    first = first or CPU
            else:
                unknown = True
        if cuda and blamed is not None and getattr(func, "__name__", "") not in _MIXED_ALLOWED:
            second = CPU if first == CUDA else "cuda:0"
            _raise(RuntimeError(MISMATCH.format(first="cuda:0" if first == CUDA else CPU, second=second)), blamed[1])
        if cuda:
            return CUDA, None
        if cpu and not unknown:
            reasons = [self.record(t)[1] for t in tensors]
            return CPU, next((r for r in reasons if r), None)
        return None, None

    def _tag_outputs(self, result: Any, state: str | None, reason: str | None) -> None:
        if state is None:
            return
        if isinstance(result, Tensor):
            self.tag(result, state, reason, replace=False)
        elif isinstance(result, (list, tuple)):
            for item in result:
                if isinstance(item, Tensor):
                    self.tag(item, state, reason, replace=False)

    @staticmethod
    def _maker(func: Callable[..., Any]) -> str:
        """Why a tensor made from nothing is on the CPU: the learner's factory, or the grader's data."""
        caller = sys._getframe(2).f_code.co_filename
        if caller.startswith(_GRADER_DIR):
            return "data"
        if caller.startswith(_TORCH_DIR):
            return "library"
        return f"factory:{getattr(func, '__name__', 'tensor')}"

    def _factory_on(self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """A call with ``device=``: run on the CPU, its tensors tagged with the device asked for."""
        target = _device_type(kwargs["device"], self)
        if target is None:
            return func(*args, **kwargs)
        result = func(*args, **{**kwargs, "device": "cpu"})
        reason = None if target == CUDA else "explicit"
        if isinstance(result, Tensor):
            self.tag(result, target, reason)
        elif isinstance(result, (list, tuple)):
            for item in result:
                if isinstance(item, Tensor):
                    self.tag(item, target, reason)
        return result

    # ---------------------------------------------------------------- moves

    def move(self, source: Tensor, result: Tensor, target: str | None) -> Tensor:
        """``result`` (what the physical call returned for ``source``) as a move to ``target`` gives it."""
        state = self.state(source)
        if target == CUDA:
            if state == CUDA:
                if result is not source:
                    self.tag(result, CUDA)
                return result
            if result is source:
                result = _copy(source)
            self.tag(result, CUDA)
            if state == CPU:
                self.tag(source, CPU, "moved")
            return result
        if target == CPU:
            if state == CUDA:
                if result is source:
                    result = _copy(source)
                self.tag(result, CPU, "cpu")
            elif result is not source and state is not None:
                self.tag(result, state, self.record(source)[1])
            return result
        if result is not source and state is not None:
            self.tag(result, state, self.record(source)[1])
        return result


def _copy(tensor: Tensor) -> Tensor:
    """What ``.to(other_device)`` returns: a new tensor with the same values, differentiable."""
    return tensor.clone()


def _device_type(value: Any, mode: Accelerator) -> str | None:
    """``cuda``, ``cpu`` or None (not a device) for a device argument."""
    if isinstance(value, torch.device):
        return CUDA if value.type == "cuda" else CPU
    if isinstance(value, str):
        try:
            return CUDA if torch.device(value).type == "cuda" else CPU
        except RuntimeError:
            return None
    if isinstance(value, int) and not isinstance(value, bool):
        return CUDA
    return None


def _physical(value: Any) -> Any:
    return torch.device("cpu") if isinstance(value, (str, torch.device, int)) and not isinstance(value, bool) else value


def _to(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    source, rest = args[0], list(args[1:])
    target = None
    if rest and isinstance(rest[0], Tensor):
        target = mode.state(rest[0])
    elif rest and not isinstance(rest[0], torch.dtype):
        target = _device_type(rest[0], mode)
        if target is not None:
            rest[0] = _physical(rest[0])
    if kwargs.get("device") is not None:
        target = _device_type(kwargs["device"], mode)
        kwargs = {**kwargs, "device": "cpu"}
    return mode.move(source, func(source, *rest, **kwargs), target)


def _cuda(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return mode.move(args[0], args[0], CUDA)


def _cpu(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return mode.move(args[0], func(*args, **kwargs), CPU)


def _type(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """``t.type()`` names the simulated device; ``t.type("torch.cuda.FloatTensor")`` moves."""
    source, rest = args[0], list(args[1:])
    wanted = rest[0] if rest else kwargs.get("dtype")
    if wanted is None:
        name = func(*args, **kwargs)
        return name.replace("torch.", "torch.cuda.", 1) if mode.state(source) == CUDA else name
    text = wanted if isinstance(wanted, str) else getattr(wanted, "__module__", "") + "." + getattr(wanted, "__name__", "")
    if ".cuda." in text or text.startswith("torch.cuda"):
        physical = "torch." + text.rsplit(".", 1)[-1]
        return mode.move(source, func(source, physical, *rest[1:]), CUDA)
    return mode.move(source, func(*args, **kwargs), CPU if isinstance(wanted, str) or isinstance(wanted, type) else None)


def _type_as(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return mode.move(args[0], func(*args, **kwargs), mode.state(args[1]))


def _get_device(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return _CUDA_DEVICE if mode.state(args[0]) == CUDA else func(*args, **kwargs)


def _is_cuda(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return mode.state(args[0]) == CUDA or func(*args, **kwargs)


def _is_cpu(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return mode.state(args[0]) != CUDA and func(*args, **kwargs)


def _device_index(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return 0 if mode.state(args[0]) == CUDA else func(*args, **kwargs)


def _numpy(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    if mode.state(args[0]) == CUDA and not kwargs.get("force"):
        _raise(TypeError(NUMPY), "numpy")
    return func(*args, **kwargs)


def _get_grad(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """A gradient the autograd engine made is on its tensor's device."""
    grad = func(*args, **kwargs)
    if isinstance(grad, Tensor) and mode.state(grad) is None:
        state, _ = mode.record(args[0])
        if state is not None:
            mode.tag(grad, state)
    return grad


def _set_grad(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    target, grad = args[0], args[1]
    if isinstance(grad, Tensor):
        mine, theirs = mode.state(target), mode.record(grad)
        if mine is not None and theirs[0] is not None and mine != theirs[0]:
            _raise(RuntimeError(GRAD.format(grad=theirs[0], tensor=mine)), theirs[1] if theirs[0] == CPU else "other")
    return func(*args, **kwargs)


def _packed(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """``(data, batch_sizes)`` of a PackedSequence, ``(padded, lengths)`` back: data on the device
    of the input, sizes and lengths on the CPU, as torch keeps them."""
    first, second = func(*args, **kwargs)
    state = mode.state(args[0])
    if state is not None:
        mode.tag(first, state)
    mode.tag(second, CPU, "explicit")
    return first, second


def _passthrough(mode: Accelerator, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return func(*args, **kwargs)


_HANDLERS: dict[Any, Callable[[Accelerator, Callable[..., Any], tuple[Any, ...], dict[str, Any]], Any]] = {
    Tensor.to: _to,
    Tensor.cuda: _cuda,
    Tensor.cpu: _cpu,
    Tensor.type: _type,
    Tensor.type_as: _type_as,
    Tensor.get_device: _device_index,
    Tensor.numpy: _numpy,
    Tensor.__array__: _numpy,
    Tensor.device.__get__: _get_device,
    Tensor.is_cuda.__get__: _is_cuda,
    Tensor.is_cpu.__get__: _is_cpu,
    Tensor.grad.__get__: _get_grad,
    Tensor.grad.__set__: _set_grad,
    torch._C._VariableFunctions._pack_padded_sequence: _packed,
    torch._C._VariableFunctions._pad_packed_sequence: _packed,
    Tensor.data.__set__: _passthrough,  # the tensor takes the new memory, and with it its device
    torch._C._nn._parse_to: _passthrough,
    torch._has_compatible_shallow_copy_type: _passthrough,
}

# Operations that real torch runs on tensors of two devices: copies, and indexing with CPU indices.
_MIXED_ALLOWED = frozenset({
    "copy_", "set_", "__getitem__", "__setitem__", "index_put_", "index_put", "_index_put_impl_", "index_select",
    "index_add_", "index_copy_", "index_fill_", "_foreach_copy_", "is_set_to", "swap_tensors", "__deepcopy__",
    # PackedSequence keeps its lengths and batch sizes on the CPU, whatever the data's device
    "lstm", "gru", "rnn_tanh", "rnn_relu",
})
