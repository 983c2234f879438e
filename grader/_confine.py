"""What learner code may touch: the files it may read and write, the programs, processes and network.

A worker confines itself with :func:`confine` after it has imported everything it needs and
before it imports the learner's file. Two layers enforce one :class:`Policy`:

- **Landlock** (the Linux kernel's sandbox for unprivileged processes, Linux 5.13 and later),
  where the kernel offers it: files outside the readable hierarchies cannot be opened for reading,
  nothing outside the scratch folder can be created, written, renamed or removed; from ABI 4 on,
  no TCP connection or listening port; from ABI 6 on, no signal to a process outside the
  sandbox (the grader, other learners' workers) and no abstract UNIX socket outside it.
  Processes the learner starts, and programs they run, inherit it. It cannot be undone.
- **An audit hook** (:func:`sys.addaudithook`, every Python, cannot be removed): the same file
  rules for everything Python itself opens, renames or removes, plus no other programs, no
  network sockets, no signals to processes outside the learner's own, no ``ctypes``, no tracing
  or profiling hooks, no ``gc`` referrer walks, and no replacing the code of torch's, NumPy's or
  the grader's functions. It sees only what goes through Python: native code (torch's C++ file
  functions among them) bypasses it, which is why Landlock matters.

Readable: the Python installation (prefixes and ``sys.path``), the grader package, the system's
library and configuration folders, ``/proc`` and ``/sys`` (other processes' entries excepted),
``/dev``, the learner's own folder and the scratch folder; never the kit's references nor the
hidden suites' test modules, wherever they are. Everything else (other learners' folders,
the output folder, home folders, ``/tmp``) is unreadable unless it lies inside one of those.
Writable: the scratch folder, ``/dev/shm`` (torch's DataLoader workers share tensors there) and
the harmless device files.
"""

from __future__ import annotations

import ctypes
import errno
import os
import socket
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

SYSTEM_READABLE = ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/proc", "/sys", "/dev")
DEVICE_FILES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")
SHARED_MEMORY = "/dev/shm"
DISABLE_LANDLOCK = "GRADER_LANDLOCK"
"""Set to ``0`` in the grader's environment to rely on the audit hook alone (for debugging)."""


@dataclass(frozen=True)
class Policy:
    """The rules for one worker; paths are absolute and resolved."""

    readable: tuple[str, ...]
    """Hierarchies learner code may read (minus :attr:`protected`)."""
    writable: tuple[str, ...]
    """Hierarchies where it may create, write, rename and remove files."""
    devices: tuple[str, ...]
    """Single files it may read and write (``/dev/null``, GPU device nodes)."""
    protected: tuple[str, ...]
    """Never readable, even inside a readable hierarchy: the references and the hidden tests."""
    supervisor: int
    """The worker's supervising process: learner processes are its descendants."""
    max_processes: int
    """How many processes learner code may run at once, its first included."""


def build_policy(
    *,
    scratch: str,
    learner_dir: str,
    kit_root: str,
    package_dir: str,
    supervisor: int,
    max_processes: int,
) -> Policy:
    """The policy for a worker whose learner file lives in ``learner_dir``."""
    kit = _real(kit_root)
    protected = protected_paths(kit_root, package_dir)
    python_dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
                   os.path.dirname(_real(sys.executable)), *[entry for entry in sys.path if entry]}
    readable = set(SYSTEM_READABLE) | {_real(package_dir)}
    # A checkout's root (an editable install puts it on sys.path) may hold a roster or the grading
    # results beside the references: never grant it, or anything above it, whole. An installed kit
    # lies inside the package (grader/_kit): site-packages above it must stay readable (NumPy's lazy
    # imports read it), and its references are protected like any others.
    checkout = not _within(kit, _real(package_dir))
    for entry in python_dirs:
        path = _real(entry)
        if not (checkout and _within(kit, path)):
            readable.add(path)
    readable.add(_real(learner_dir))
    readable.add(_real(scratch))
    devices = [*DEVICE_FILES, *_gpu_devices()]
    return Policy(
        readable=tuple(sorted(p for p in readable if os.path.exists(p))),
        writable=tuple(p for p in (_real(scratch), SHARED_MEMORY) if os.path.isdir(p)),
        devices=tuple(d for d in devices if os.path.exists(d)),
        protected=protected,
        supervisor=supervisor,
        max_processes=max_processes,
    )


def protected_paths(kit_root: str, package_dir: str) -> tuple[str, ...]:
    """The references and the hidden suites' test modules, in every copy of the kit this
    interpreter can see: beside the package (a checkout), inside it (a wheel's ``grader/_kit``),
    and in any other ``grader`` package on ``sys.path`` (a second install, a stale build's copy).

    The probes stay readable: they ship to learners anyway and hold no expected answers, and
    torch reads their source lines whenever it formats a stack (``torch.manual_seed`` does).
    """
    packages = {_real(package_dir)} | {
        _real(os.path.join(entry, "grader")) for entry in sys.path if entry and os.path.isdir(os.path.join(entry, "grader"))
    }
    found = {_real(os.path.join(kit_root, "solutions"))}
    for package in packages:
        found.add(os.path.join(package, "_kit"))
        found.add(os.path.join(os.path.dirname(package), "solutions"))
        for folder, folders, files in os.walk(os.path.join(package, "suites")):
            found.update(_real(os.path.join(folder, name)) for name in files
                         if name.startswith("test_") or name in ("conftest.py", "pytest.ini"))
            found.update(_real(os.path.join(folder, name)) for name in folders if name == "__pycache__")
    return tuple(sorted(found))


def _gpu_devices() -> list[str]:
    try:
        names = os.listdir("/dev")
    except OSError:
        return []
    found = [f"/dev/{name}" for name in names if name.startswith(("nvidia", "kfd"))]
    if os.path.isdir("/dev/dri"):
        found += [f"/dev/dri/{name}" for name in os.listdir("/dev/dri")]
    return found


def _real(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _within(path: str, root: str) -> bool:
    """Whether ``path`` is ``root`` or lies under it (both resolved)."""
    return path == root or path.startswith(root.rstrip("/") + "/")


# -- Landlock -------------------------------------------------------------------------------------

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_PR_SET_NO_NEW_PRIVS = 38
_PR_CAPBSET_DROP = 24
_RULE_PATH_BENEATH = 1

_EXECUTE, _WRITE_FILE, _READ_FILE, _READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_REMOVE_DIR, _REMOVE_FILE, _MAKE_CHAR, _MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
_MAKE_REG, _MAKE_SOCK, _MAKE_FIFO, _MAKE_BLOCK, _MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
_REFER, _TRUNCATE = 1 << 13, 1 << 14
_NET_BIND_TCP, _NET_CONNECT_TCP = 1 << 0, 1 << 1
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1 << 0, 1 << 1
_FILE_RIGHTS = _EXECUTE | _WRITE_FILE | _READ_FILE | _TRUNCATE


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def landlock_abi() -> int:
    """The kernel's Landlock ABI version; 0 where it has none (or a seccomp filter hides it)."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        version = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    except (OSError, AttributeError):
        return 0
    return max(0, int(version))


def apply_landlock(policy: Policy) -> int:
    """Restrict this process (and what it starts) to ``policy``; the ABI used, or 0 if not possible."""
    if os.environ.get(DISABLE_LANDLOCK, "1") == "0":
        return 0
    abi = landlock_abi()
    if abi < 1:
        return 0
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    write_rights = (_WRITE_FILE | _REMOVE_DIR | _REMOVE_FILE | _MAKE_CHAR | _MAKE_DIR | _MAKE_REG | _MAKE_SOCK
                    | _MAKE_FIFO | _MAKE_BLOCK | _MAKE_SYM | (_REFER if abi >= 2 else 0) | (_TRUNCATE if abi >= 3 else 0))
    handled = _READ_FILE | write_rights
    attr = _RulesetAttr(handled, _NET_BIND_TCP | _NET_CONNECT_TCP if abi >= 4 else 0,
                        _SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return 0
    try:
        grants: list[tuple[str, int]] = []
        for root in policy.readable:
            grants += [(path, _READ_FILE) for path in _split(root, policy.protected)]
        grants += [(path, _READ_FILE | write_rights) for path in policy.writable]
        grants += [(path, _READ_FILE | _WRITE_FILE | (_TRUNCATE if abi >= 3 else 0)) for path in policy.devices]
        for path, rights in grants:
            _add_rule(libc, int(ruleset), path, rights & handled)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return 0
        if libc.syscall(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return 0
    finally:
        os.close(int(ruleset))
    return abi


def _add_rule(libc: Any, ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            rights &= _FILE_RIGHTS
        rule = _PathBeneathAttr(rights, fd)
        libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                     ctypes.byref(rule), ctypes.c_uint32(0))
    finally:
        os.close(fd)


def _split(root: str, protected: Iterable[str]) -> Iterator[str]:
    """``root``, or where it holds a protected path, every entry beside the way down to it."""
    inside = [p for p in protected if _within(p, root)]
    if any(p == root for p in inside):
        return
    if not inside:
        yield root
        return
    try:
        entries = os.listdir(root)
    except OSError:
        return
    for entry in entries:
        path = os.path.join(root, entry)
        if not os.path.islink(path):  # a link would grant its target, wherever that is
            yield from _split(path, inside)


def drop_privileges() -> None:
    """No capabilities (a grader run as root must not lend root's powers to learner code), and no
    way to gain any: no set-user-ID programs, no file capabilities."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        for capability in range(64):
            if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0 and ctypes.get_errno() == errno.EINVAL:
                break
        header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
        data = (ctypes.c_uint32 * 6)()
        libc.capset(header, data)
    except (OSError, AttributeError):
        pass


# -- the audit hook ---------------------------------------------------------------------------------

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_CHANGE_EVENTS = {
    "os.rename": 2, "os.remove": 1, "os.rmdir": 1, "os.mkdir": 1, "os.link": 2, "os.truncate": 1, "os.chmod": 1,
    "os.chown": 1, "os.utime": 1, "os.chflags": 1, "os.setxattr": 1, "os.removexattr": 1, "os.mkfifo": 1,
    "os.mknod": 1, "shutil.copyfile": 2, "shutil.copymode": 2, "shutil.copystat": 2, "shutil.copytree": 2,
    "shutil.chown": 1, "shutil.rmtree": 1, "shutil.move": 2, "shutil.make_archive": 1, "shutil.unpack_archive": 2,
    "tempfile.mkstemp": 1, "tempfile.mkdtemp": 1,
}
"""Events that change the file system, and how many of their first arguments are paths to check."""
_PROGRAM_EVENTS = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.forkpty", "pty.spawn",
                   "os.startfile")
_REFUSED_EVENTS = {
    "sys.settrace": "tracing hooks (sys.settrace) are not available while grading",
    "sys.setprofile": "profiling hooks (sys.setprofile) are not available while grading",
    "sys.addaudithook": "audit hooks are not available while grading",
    "gc.get_referrers": "gc.get_referrers is not available while grading",
    "gc.get_referents": "gc.get_referents is not available while grading",
    "gc.get_objects": "gc.get_objects is not available while grading",
    "sys._current_frames": "sys._current_frames is not available while grading",
}
_PROTECTED_FUNCTION_ATTRIBUTES = ("__code__", "__defaults__", "__kwdefaults__")
_PROTECTED_PACKAGES = ("grader", "torch", "numpy")


class Refused(PermissionError):
    """What learner code gets for something the grader does not allow."""


def install_audit_hook(policy: Policy, report: Callable[[str], None] | None = None) -> None:
    """Enforce ``policy`` on everything Python does from now on, in this process and its forks.

    ``report`` hears, once per kind, what was refused (for the grader's incident list). Every
    function the hook calls is bound here, before any learner code runs: rebinding
    ``os.path.realpath``, ``builtins.open`` or this module's names cannot change its decisions.
    """
    _isinstance, _any, _int, _len, _range, _set, _getattr, _tuple = isinstance, any, int, len, range, set, getattr, tuple
    _str, _bytes, write_flags, change_events = str, bytes, _WRITE_FLAGS, dict(_CHANGE_EVENTS)
    program_events, refused_events = frozenset(_PROGRAM_EVENTS), dict(_REFUSED_EVENTS)
    function_attributes, protected_packages = frozenset(_PROTECTED_FUNCTION_ATTRIBUTES), frozenset(_PROTECTED_PACKAGES)
    _os_open, _close, _readlink, _fspath = os.open, os.close, os.readlink, os.fspath
    _getpid, _listdir, _open, _path_like, _refused = os.getpid, os.listdir, open, os.PathLike, Refused
    _as_str, _decode, encoding = str.__str__, bytes.decode, sys.getfilesystemencoding()
    o_path = os.O_PATH | os.O_CLOEXEC
    _thread_local, _add_hook, af_unix = threading.local, sys.addaudithook, socket.AF_UNIX
    readable, writable, devices, protected = policy.readable, policy.writable, _set(policy.devices), policy.protected
    supervisor, max_processes = policy.supervisor, policy.max_processes
    within = _within  # its only lookups are str methods, which learner code cannot replace
    busy = _thread_local()
    reported: set[str] = _set()

    def resolve(path: str) -> str | None:
        try:
            fd = _os_open(path, o_path)
        except OSError:
            return None
        try:
            return _readlink(f"/proc/self/fd/{fd}")
        except OSError:
            return None
        finally:
            _close(fd)

    def real(path: str) -> str | None:
        """What the kernel resolves ``path`` to (links, ``..``, /proc's magic links included), or,
        for a file yet to be created, its resolved folder and its name; None when the folder does
        not exist either (the call will fail on its own)."""
        busy.active = True
        try:
            found = resolve(path)
            if found is not None:
                return found
            cut = path.rstrip("/").rfind("/")
            name = path.rstrip("/")[cut + 1:]
            folder = resolve(path[:cut + 1] if cut >= 0 else ".")
            if folder is None:
                return None
            return folder.rstrip("/") + "/" + name if name not in ("", ".", "..") else ""
        finally:
            busy.active = False

    def own_read(path: str) -> bytes | None:
        """Read a /proc file for a decision; the hook does not check its own reads."""
        busy.active = True
        try:
            with _open(path, "rb") as file:
                return file.read()
        except OSError:
            return None
        finally:
            busy.active = False

    def parent(pid: int) -> int | None:
        data = own_read(f"/proc/{pid}/stat")
        try:
            return _int(data.rsplit(b")", 1)[1].split()[1]) if data else None
        except (ValueError, IndexError):
            return None

    def is_descendant(pid: int, ancestor: int) -> bool:
        for _ in _range(256):
            pid = parent(pid)
            if pid is None or pid <= 1:
                return False
            if pid == ancestor:
                return True
        return False

    def processes_below(root: int) -> int:
        """Live processes below ``root`` (zombies left out), from /proc's lists of children."""
        count, pending = 0, [root]
        while pending:
            pid = pending.pop()
            try:
                tasks = _listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for task in tasks:
                listing = own_read(f"/proc/{pid}/task/{task}/children") or b""
                for child in [_int(child) for child in listing.split()]:
                    data = own_read(f"/proc/{child}/stat") or b")"
                    state = (data.rsplit(b")", 1)[1].split() or [b"X"])[0]
                    if state not in (b"Z", b"X"):
                        count += 1
                        pending.append(child)
        return count

    def may_read(path: str) -> bool:
        resolved = real(path)
        if resolved is None:
            return True
        if not resolved or _any(within(resolved, p) for p in protected):
            return False
        if resolved in devices or _any(within(resolved, root) for root in writable):
            return True
        if within(resolved, "/proc"):
            parts = resolved.split("/")
            if _len(parts) >= 3 and parts[2].isdigit():
                pid = _int(parts[2])
                if pid != _getpid() and not is_descendant(pid, _getpid()):
                    return False
        return _any(within(resolved, root) for root in readable)

    def may_write(path: str) -> bool:
        resolved = real(path)
        if resolved is None:
            return True
        return bool(resolved) and (resolved in devices or _any(within(resolved, root) for root in writable))

    def refuse(kind: str, message: str) -> None:
        if report is not None and kind not in reported:
            reported.add(kind)
            report(message)
        raise _refused(message)

    def plain(path: Any) -> str | None:
        """``path`` as a plain str (never a learner's subclass of it), or None for a descriptor."""
        if _isinstance(path, _path_like):
            path = _fspath(path)
        if _isinstance(path, _bytes):
            return _decode(path, encoding, "surrogateescape")
        return _as_str(path) if _isinstance(path, _str) else None

    def check_read(path: Any) -> None:
        text = plain(path)
        if text is not None and not may_read(text):
            refuse(f"read {text}", f"reading {text} is not allowed while grading")

    def check_write(path: Any) -> None:
        text = plain(path)
        if text is not None and not may_write(text):
            refuse(f"write {text}", f"changing {text} is not allowed while grading: "
                                    "only the working directory (a scratch folder) is writable")

    def hook(event: str, args: tuple[Any, ...]) -> None:
        # Only the hook's own /proc reads are let through unchecked; learner code that runs
        # inside a decision (a path's __fspath__, say) is checked like any other.
        if not _getattr(busy, "active", False):
            decide(event, args)

    def decide(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path, mode, flags = (_tuple(args) + (None, None, None))[:3]
            writing = (_isinstance(flags, _int) and flags & write_flags) or (_isinstance(mode, _str) and _any(c in mode for c in "wax+"))
            if writing:
                check_write(path)
            else:
                check_read(path)
        elif event in change_events:
            for path in args[: change_events[event]]:
                check_write(path)
        elif event == "os.symlink":
            check_write(args[1])
        elif event == "sqlite3.connect":
            if args and args[0] not in (":memory:", b":memory:", ""):
                check_write(args[0])
        elif event in program_events:
            refuse("program", "running other programs is not allowed while grading")
        elif event == "os.fork":
            if processes_below(supervisor) >= max_processes:
                refuse("fork", f"learner code may run at most {max_processes} processes while grading")
        elif event in ("os.kill", "os.killpg"):
            pid = args[0]
            own = pid == _getpid() or (pid > 0 and is_descendant(pid, _getpid()))
            if event == "os.killpg" or not own:
                refuse("signal", "signalling processes other than your own is not allowed while grading")
        elif event == "socket.__new__":
            if _len(args) > 1 and args[1] != af_unix:
                refuse("network", "network access is not allowed while grading")
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.gethostbyname_ex"):
            refuse("network", "network access is not allowed while grading")
        elif event.startswith("ctypes."):
            refuse("ctypes", "ctypes is not available while grading")
        elif event in refused_events:
            refuse(event, refused_events[event])
        elif event == "object.__setattr__" and _len(args) >= 2 and args[1] in function_attributes:
            owner = _getattr(args[0], "__module__", None)
            if _isinstance(owner, _str) and owner.split(".")[0] in protected_packages:
                refuse("code", f"replacing the {args[1]} of {owner}.{_getattr(args[0], '__qualname__', '?')} "
                               "is not allowed while grading")

    _add_hook(hook)


def confine(policy: Policy, report: Callable[[str], None] | None = None) -> str:
    """Apply every layer; returns a line saying which are in force."""
    abi = apply_landlock(policy)
    drop_privileges()
    install_audit_hook(policy, report)
    return f"Landlock ABI {abi} and an audit hook" if abi else "an audit hook only (the kernel offers no Landlock)"
