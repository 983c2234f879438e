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


def find_probe(probes: ModuleType, name: str) -> Callable[..., Any]:
    function = getattr(probes, name, None)
    if function is None or not getattr(function, _MARK, False):
        raise LookupError(f"{probes.__name__} has no probe named {name!r}")
    return function


@contextlib.contextmanager
def clean_torch_state(device: str) -> Iterator[None]:
    """Run a probe from the same torch state every time, and put the caller's state back."""
    devices = [torch.device(device)] if torch.device(device).type == "cuda" else []
    default_dtype = torch.get_default_dtype()
    grad_enabled = torch.is_grad_enabled()
    with torch.random.fork_rng(devices=devices, device_type="cuda" if devices else "cpu"):
        torch.manual_seed(SEED)
        torch.set_default_dtype(torch.float32)
        torch.set_grad_enabled(True)
        try:
            yield
        finally:
            torch.set_default_dtype(default_dtype)
            torch.set_grad_enabled(grad_enabled)


def call_probe(probes: ModuleType, name: str, module: ModuleType, device: str, kwargs: dict[str, Any]) -> Any:
    """Run the probe ``name`` on ``module`` from a clean, seeded torch state."""
    function = find_probe(probes, name)
    with clean_torch_state(device):
        return function(module, device, **kwargs)


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
    return {
        "type": type(error).__name__,
        "message": message,
        "where": where,
        "traceback": "\n".join(lines) if where else "",
    }


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
        text = str(error)
    except Exception:  # noqa: BLE001 - a learner's exception whose __str__ fails
        text = "<unprintable message>"
    return text[:2000]


def exception_summary(error: dict[str, Any]) -> str:
    """One line for a learner: what raised what, and where in their file."""
    kind, message, where = error["type"], error["message"], error.get("where")
    place = f" (in `{where['function']}`, {_place(where)})" if where else ""
    if kind == "ProbeProblem":
        return message
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
    return text + place + "".join(f". {hint}" for hint in hints)


_MISSING_NAME = re.compile(r"module '([\w.]+)' has no attribute '(\w+)'")

# Torch errors whose usual cause a learner may not guess from the message alone.
_KNOWN_ERRORS = {
    "before Module.__init__() call": "Call super().__init__() at the start of __init__",
    "can't allocate memory": "Your code asked for more memory than the grader allows",
    "a leaf Variable that requires grad is being used in an in-place operation": (
        "Update parameters under torch.no_grad()"
    ),
}



def resolve_device(requested: str) -> str:
    """``auto`` means CUDA when available, else CPU. The grader and the worker both call this."""
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return requested
