"""Probes: small functions that exercise a submission and report what they saw as plain data.

A suite's ``probes.py`` defines them with :func:`probe`. The same probe runs twice per test: in
the worker on the learner's module and in the grader on the reference, each time from the same
seed, so that the test can compare the two results. A probe receives the module under test and
the device, builds inputs itself (seeded), and returns plain data (see ``grader._codec``).

Probes run *inside* learner code's process, so they only observe; every verdict is made by the
suite's tests in the grader's process.
"""

from __future__ import annotations

import contextlib
import linecache
import re
from collections.abc import Callable, Iterator
from types import ModuleType, TracebackType
from typing import Any, TypeVar

import torch

from grader import _accelerator

ProbeFunction = TypeVar("ProbeFunction", bound=Callable[..., Any])

_MARK = "__grader_probe__"
SEED = 20240917


class ProbeProblem(Exception):
    """Raised by a probe that found the submission unusable for its check (a wrong shape, a
    missing attribute); the message is shown to the learner as the test's failure."""


def require(condition: object, message: str) -> None:
    """In a probe: stop with ``message`` for the learner unless ``condition`` holds."""
    if not condition:
        raise ProbeProblem(message)


def probe(function: ProbeFunction) -> ProbeFunction:
    """Register ``function(module, device, **kwargs)`` as a probe a test may call by name."""
    setattr(function, _MARK, True)
    return function


def generator(seed: int) -> torch.Generator:
    """A CPU random generator seeded with ``seed``: a probe's data, the same in every run and worker."""
    return torch.Generator().manual_seed(seed)


def attempt(action: Callable[[], Any], *, limit: int = 300) -> tuple[Any, dict[str, Any]]:
    """Run ``action()`` in a probe: what it returned, and what it raised as plain data
    (``{"raised": type name or None, "message": its first ``limit`` characters}``).
    NotImplementedError propagates, so that an untouched stub fails with its own message."""
    try:
        value = action()
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - the exception is the data
        return None, {"raised": type(error).__name__, "message": str(error)[:limit]}
    return value, {"raised": None, "message": ""}


def outcome(action: Callable[[], Any]) -> dict[str, Any]:
    """What ``action()`` raised, as data (see :func:`attempt`)."""
    return attempt(action)[1]


def find_probe(probes: ModuleType, name: str) -> Callable[..., Any]:
    function = getattr(probes, name, None)
    if function is None or not getattr(function, _MARK, False):
        raise LookupError(f"{probes.__name__} has no probe named {name!r}")
    return function


class Tampering(Exception):
    """Learner code changed what a probe relies on while it ran, so its result cannot be trusted."""


@contextlib.contextmanager
def clean_torch_state(device: str) -> Iterator[None]:
    """Run a probe from the same torch state every time, and put the caller's state back.

    Reset: the seed, the default dtype and device, grad and inference mode, deterministic
    algorithms, anomaly detection, float32 matmul precision, the thread count, torch function and
    dispatch modes, and global module hooks. Whatever learner code set at import or in an earlier
    probe cannot change what this one observes.
    """
    devices = [torch.device(device)] if torch.device(device).type == "cuda" else []
    saved = _global_state()
    modes = _pop_modes()
    hooks = _take_global_module_hooks()
    with torch.random.fork_rng(devices=devices, device_type="cuda" if devices else "cpu"), torch.inference_mode(False):
        torch.manual_seed(SEED)
        torch.set_default_dtype(torch.float32)
        torch.set_grad_enabled(True)
        _set_deterministic(False, warn_only=False)
        torch.autograd.set_detect_anomaly(False)
        torch.set_float32_matmul_precision("highest")
        torch.set_num_threads(1)
        try:
            yield
        finally:
            _restore_global_state(saved)
            _pop_modes()
            _push_modes(modes)
            _put_global_module_hooks(hooks)


def reset_torch_state() -> None:
    """Drop what learner code left in torch's global state (modes, global hooks, flags), for good:
    the worker calls it after the learner's import, so that nothing it sends back (the codec
    copies tensors) goes through the learner's modes or hooks."""
    try:
        torch.set_default_device(None)
    except Exception:  # noqa: BLE001 - a learner's device context that cannot be left: popped below
        pass
    _pop_modes()
    _take_global_module_hooks()
    _restore_global_state((torch.float32, True, False, False, False, "highest", 1))


def _global_state() -> tuple[Any, ...]:
    return (torch.get_default_dtype(), torch.is_grad_enabled(), torch.are_deterministic_algorithms_enabled(),
            torch.is_deterministic_algorithms_warn_only_enabled(), torch.is_anomaly_enabled(),
            torch.get_float32_matmul_precision(), torch.get_num_threads())


def _restore_global_state(saved: tuple[Any, ...]) -> None:
    dtype, grad, deterministic, warn_only, anomaly, precision, threads = saved
    torch.set_default_dtype(dtype)
    torch.set_grad_enabled(grad)
    _set_deterministic(deterministic, warn_only=warn_only)
    torch.autograd.set_detect_anomaly(anomaly)
    torch.set_float32_matmul_precision(precision)
    torch.set_num_threads(threads)


def _set_deterministic(mode: bool, *, warn_only: bool) -> None:
    """``torch.use_deterministic_algorithms``, called only for a change: it imports Inductor's
    configuration, and with it ``torch._dynamo`` (about 3 s), every time it is called."""
    if (torch.are_deterministic_algorithms_enabled(), torch.is_deterministic_algorithms_warn_only_enabled()) != (mode, warn_only):
        torch.use_deterministic_algorithms(mode, warn_only=warn_only)


def _pop_modes() -> tuple[list[Any], list[Any]]:
    """Take every torch function mode (``torch.set_default_device`` is one) and dispatch mode off its stack."""
    functions, dispatches = [], []
    while torch._C._len_torch_function_stack():
        functions.append(torch._C._pop_torch_function_stack())
    while torch._C._len_torch_dispatch_stack():
        dispatches.append(torch._C._pop_torch_dispatch_stack())
    return functions, dispatches


def _push_modes(modes: tuple[list[Any], list[Any]]) -> None:
    functions, dispatches = modes
    for mode in reversed(functions):
        torch._C._push_on_torch_function_stack(mode)
    for mode in reversed(dispatches):
        torch._C._push_on_torch_dispatch_stack(mode)


def _modes_active() -> bool:
    return bool(torch._C._len_torch_function_stack() or torch._C._len_torch_dispatch_stack())


def _take_global_module_hooks() -> dict[str, dict[Any, Any]]:
    """Empty the global ``nn.Module`` hook registries (``register_module_forward_hook`` and kin)."""
    from torch.nn.modules import module as torch_module

    taken = {}
    for name, registry in vars(torch_module).items():
        if name.startswith("_global_") and isinstance(registry, dict) and registry:
            taken[name] = dict(registry)
            registry.clear()
    return taken


def _put_global_module_hooks(taken: dict[str, dict[Any, Any]]) -> None:
    from torch.nn.modules import module as torch_module

    for name, hooks in taken.items():
        registry = getattr(torch_module, name)
        registry.clear()
        registry.update(hooks)


REAL_DEVICE = "_real_device"
"""A probe keyword (see :func:`on_real_device`): run this call on the grading device itself."""


def on_real_device(**kwargs: Any) -> dict[str, Any]:
    """``kwargs`` for a probe call that runs on the grading device itself, never on the simulated
    accelerator: on a CPU grader, code that hard-codes ``.cuda()`` fails there."""
    return {**kwargs, REAL_DEVICE: True}


def seen_device(device: str, real: bool = False) -> str:
    """The device string a probe receives on grading device ``device``: ``cuda`` (the simulated
    accelerator, :mod:`grader._accelerator`) for ``cpu``, unless the call is on the real device."""
    return _accelerator.DEVICE if not real and _accelerator.applies(device) else device


def call_probe(probes: ModuleType, name: str, module: ModuleType, device: str, kwargs: dict[str, Any]) -> Any:
    """Run the probe ``name`` on ``module`` from a clean, seeded torch state."""
    return run_probe(find_probe(probes, name), module, device, kwargs)


def run_probe(function: Callable[..., Any], module: ModuleType | None, device: str, kwargs: dict[str, Any]) -> Any:
    """Run a probe function from a clean, seeded torch state; :class:`Tampering` if the code it
    ran left a torch mode active (every torch call after it would have gone through that mode).

    On a CPU grader the probe runs on the simulated accelerator (it receives the device ``cuda``)
    unless ``kwargs`` ask for the real device (:func:`on_real_device`)."""
    real = bool(kwargs.get(REAL_DEVICE))
    kwargs = {name: value for name, value in kwargs.items() if name != REAL_DEVICE}
    seen = seen_device(device, real)
    with clean_torch_state(device):
        with _accelerator.simulated() if seen != device else contextlib.nullcontext():
            result = function(module, seen, **kwargs)
        if _modes_active():
            raise Tampering("your code left a torch function or dispatch mode active, which changes every torch "
                            "call after it: the result cannot be trusted")
        return result


def describe_exception(
    error: BaseException, learner_file: str, locate: Callable[[int], dict[str, int]] | None = None
) -> dict[str, Any]:
    """Summarise ``error`` in the learner's terms: the learner's frames only, never ours.

    ``where`` is the innermost frame in the learner's file (``None`` when the error was raised
    outside it, e.g. by a probe that found a missing name). ``locate`` turns a source line into
    the learner's coordinates (a notebook's cell and line); by default the line itself.
    """
    locate = locate or (lambda line: {"line": line})
    frames: list[tuple[str, int, str, str]] = []
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == learner_file:
            line = linecache.getline(code.co_filename, tb.tb_lineno).strip()
            frames.append((code.co_filename, tb.tb_lineno, getattr(code, "co_qualname", code.co_name), line))
        tb = tb.tb_next
    message = _exception_message(error)
    lines = ["Traceback (your code only):"]
    for filename, lineno, function, line in frames:
        lines.append(f'  File "{filename}", {_place(locate(lineno))}, in {function}')
        if line:
            lines.append(f"    {line}")
    lines.append(f"{type(error).__name__}: {message}" if message else type(error).__name__)
    where = None
    if isinstance(error, SyntaxError) and error.filename == learner_file and error.lineno:
        where = {**locate(error.lineno), "function": "<module>"}
        lines.insert(1, f'  File "{learner_file}", {_place(locate(error.lineno))}')
        message = error.msg
        lines[-1] = f"{type(error).__name__}: {message}"
    if frames:
        _, lineno, function, _ = frames[-1]
        where = {**locate(lineno), "function": function}
    worker = _WORKER_ERROR.match(message)
    if worker:
        message, in_worker = _from_worker_process(worker, learner_file, locate)
        where = in_worker or where
        lines[-1] = f"{type(error).__name__}: {message}"
    described = {
        "type": type(error).__name__,
        "message": message,
        "where": where,
        "traceback": "\n".join(lines) if where else "",
    }
    hint = _accelerator.hint_of(error)
    if hint:
        described["hint"] = hint
    return described


_WORKER_ERROR = re.compile(
    r"Caught (?P<kind>\w+) in (?P<process>DataLoader worker process \d+)\.\s*"
    r"Original Traceback \(most recent call last\):\n(?P<traceback>.*)",
    re.DOTALL,
)
_TRACEBACK_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+), in (?P<function>\S+)', re.MULTILINE)


def _from_worker_process(
    match: re.Match[str], learner_file: str, locate: Callable[[int], dict[str, int]]
) -> tuple[str, dict[str, Any] | None]:
    """A DataLoader worker's error, which torch re-raises with the worker's whole traceback as its
    message: keep the error's own last line, say which worker, and point at the learner's frame."""
    traceback_text = match["traceback"].rstrip()
    last = traceback_text.splitlines()[-1] if traceback_text else ""
    kind = match["kind"]
    text = last[len(kind) + 1 :].strip() if last.startswith(f"{kind}:") else last.strip()
    frames = [frame for frame in _TRACEBACK_FRAME.finditer(traceback_text) if frame["file"] == learner_file]
    where = {**locate(int(frames[-1]["line"])), "function": frames[-1]["function"]} if frames else None
    return (f"{text} (raised in {match['process']})" if text else f"raised in {match['process']}"), where


def _place(where: dict[str, Any]) -> str:
    """``line 7``, or ``cell 3, line 2`` in a notebook."""
    line = f"line {where['line']}"
    return f"cell {where['cell']}, {line}" if "cell" in where else line


def _exception_message(error: BaseException) -> str:
    try:
        text = str.__str__(str(error))  # a plain str, whatever subclass __str__ returned
    except BaseException:  # noqa: BLE001 - a learner's exception whose __str__ fails, or exits
        text = "<unprintable message>"
    return text[:2000]


def exception_summary(error: dict[str, Any]) -> str:
    """One line for a learner: what raised what, and where in their file."""
    kind, message, where = error["type"], error["message"], error.get("where")
    place = f" (in `{where['function']}`, {_place(where)})" if where else ""
    if kind in ("ProbeProblem", "Tampering"):
        return message
    if kind == "Refused":
        return f"{message}{place}"
    if kind == "SystemExit":
        return f"your code called sys.exit({message}){place}"
    if kind == "KeyboardInterrupt":
        return f"your code raised KeyboardInterrupt{place}"
    missing = _MISSING_NAME.fullmatch(message) if kind == "AttributeError" else None
    if missing and where is None:
        return f"your file does not define `{missing.group(2)}` (the contract asks for it by that exact name)"
    if kind == "NotImplementedError":
        if where:
            return f"`{where['function']}` is not implemented yet (it raises NotImplementedError, {_place(where)})"
        return "not implemented yet (NotImplementedError)"
    text = f"{kind}: {message}" if message else kind
    hints = [hint for fragment, hint in _KNOWN_ERRORS.items() if fragment in message]
    if error.get("hint"):
        hints.append(error["hint"])
    return text + place + "".join(f". {hint}" for hint in hints)


_MISSING_NAME = re.compile(r"module '([\w.]+)' has no attribute '(\w+)'")

# Torch errors whose usual cause a learner may not guess from the message alone.
_KNOWN_ERRORS = {
    "before Module.__init__() call": "Call super().__init__() at the start of __init__",
    "can't allocate memory": "Your code asked for more memory than the grader allows",
    "a leaf Variable that requires grad is being used in an in-place operation": (
        "Update parameters under torch.no_grad()"
    ),
    "Torch not compiled with CUDA enabled": (
        "Move tensors with the `device` you are given (`.to(device)`), never a hard-coded `.cuda()` or `'cuda'`"
    ),
}



def resolve_device(requested: str) -> str:
    """``auto`` means CUDA when available, else CPU. The grader and the worker both call this."""
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return requested
