"""Process confinement for one sandbox job: resource limits and Landlock.

Everything here runs inside the freshly forked job process, before the untrusted script.
Each protection is best effort: what the OS does not offer is skipped and *reported*, so
the exec report and ``cadagent doctor`` can say exactly which protections were active.

Landlock is driven through three raw syscalls with ``ctypes`` (no root needed):
writes are confined to the job directory, reads to the interpreter, its libraries and
the job directory; on ABI >= 4 TCP bind/connect are refused, on ABI >= 6 signals to and
abstract sockets of processes outside the job are refused.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import sys
import sysconfig
from dataclasses import dataclass

# syscall numbers are the same on x86_64 and aarch64 (the generic table)
_SYS_CREATE_RULESET = 444
_SYS_ADD_RULE = 445
_SYS_RESTRICT_SELF = 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

# filesystem rights, by the ABI that introduced them
_FS_EXECUTE = 1 << 0
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_ABI1_ALL = (1 << 13) - 1
_FS_REFER = 1 << 13  # ABI 2
_FS_TRUNCATE = 1 << 14  # ABI 3
_FS_IOCTL_DEV = 1 << 15  # ABI 5
_NET_ALL = (1 << 0) | (1 << 1)  # bind + connect TCP, ABI 4
_SCOPE_ALL = (1 << 0) | (1 << 1)  # abstract unix sockets + signals, ABI 6

_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


_libc = None


def _syscall():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
    return _libc.syscall


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable."""
    if platform.system() != "Linux":
        return 0
    try:
        abi = _syscall()(ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0),
                         ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return max(int(abi), 0)


def _fs_rights(abi: int) -> int:
    rights = _FS_ABI1_ALL
    if abi >= 2:
        rights |= _FS_REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def read_only_paths() -> list[str]:
    """What a job may read: the interpreter, the stdlib, site-packages, shared libraries and a
    few devices. Not the project tree, not the venv's other folders, not other ``sys.path``
    entries (everything a job runs is imported by the zygote before it forks)."""
    paths = {os.path.realpath(sys.executable), "/usr", "/lib", "/lib64", "/etc/ld.so.cache",
             "/etc/localtime", "/dev/null", "/dev/urandom", "/proc/self", "/sys/devices/system/cpu"}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        paths.add(sysconfig.get_path(key))
    paths.update(p for p in sys.path if p and os.path.isabs(p) and _is_library_dir(p))
    return sorted(p for p in paths if p and os.path.exists(p))


def _is_library_dir(path: str) -> bool:
    """stdlib, lib-dynload or a site-packages folder (never a project checkout)."""
    parts = os.path.normpath(path).split(os.sep)
    return ("site-packages" in parts or "dist-packages" in parts or "lib-dynload" in parts
            or os.path.normpath(path) == os.path.normpath(sysconfig.get_path("stdlib")))


def _add_path_rule(ruleset_fd: int, path: str, access: int) -> None:
    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    try:
        if not os.path.isdir(path):
            access &= _FILE_RIGHTS
        attr = _PathBeneathAttr(allowed_access=access, parent_fd=fd)
        res = _syscall()(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset_fd),
                         ctypes.c_int(_RULE_PATH_BENEATH), ctypes.byref(attr), ctypes.c_uint32(0))
        if res != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_add_rule({path}): {os.strerror(err)}")
    finally:
        os.close(fd)


def apply_landlock(writable: str, readable: list[str]) -> list[str]:
    """Confine this process (and its future children). Returns the protections applied."""
    abi = landlock_abi()
    if abi < 1:
        return []
    fs = _fs_rights(abi)
    attr = _RulesetAttr(handled_access_fs=fs, handled_access_net=_NET_ALL if abi >= 4 else 0,
                        scoped=_SCOPE_ALL if abi >= 6 else 0)
    size = 8 if abi < 4 else (16 if abi < 6 else 24)
    ruleset_fd = _syscall()(ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr),
                            ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset_fd < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"landlock_create_ruleset: {os.strerror(err)}")
    try:
        read = _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR
        for path in readable:
            try:
                _add_path_rule(ruleset_fd, path, read)
            except FileNotFoundError:
                continue     # a read path gone since the worker started (a deleted checkout) grants nothing: skip it
        _add_path_rule(ruleset_fd, writable, fs)
        libc = _syscall()
        if ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if libc(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset_fd), ctypes.c_uint32(0)) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"landlock_restrict_self: {os.strerror(err)}")
    finally:
        os.close(ruleset_fd)
    applied = [f"landlock-fs(abi {abi}): writes only in the job directory"]
    if abi >= 4:
        applied.append("landlock-net: no TCP bind/connect")
    if abi >= 6:
        applied.append("landlock-scope: no signals or abstract sockets outside the job")
    return applied


@dataclass(frozen=True)
class Limits:
    """Resource limits of one job (plain numbers, set by the caller from the settings)."""

    timeout_s: float = 30.0
    memory_mb: int = 2048
    output_kb: int = 64
    max_file_mb: int = 256
    max_procs: int = 64
    disk_mb: int = 256       # what one job may write to its folder, all files together
    max_script_kb: int = 1024  # larger scripts are refused before anything runs
    fresh_measure: bool = True  # measure in a process that never ran the script (unforgeable)


def apply_rlimits(limits: Limits, base_vm_bytes: int) -> list[str]:
    """CPU, address space (on top of what the warm parent already maps), file size, processes."""
    applied = []
    cpu = int(limits.timeout_s) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    applied.append(f"rlimit-cpu {cpu}s")
    if limits.memory_mb > 0:
        cap = base_vm_bytes + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        applied.append(f"rlimit-as +{limits.memory_mb} MiB")
    fsize = min(limits.max_file_mb, limits.disk_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    applied.append(f"rlimit-fsize {fsize >> 20} MiB")
    try:
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.max_procs, limits.max_procs))
        if os.geteuid() != 0:  # root ignores RLIMIT_NPROC
            applied.append(f"rlimit-nproc {limits.max_procs}")
    except (ValueError, OSError):
        pass
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return applied


def current_vm_bytes() -> int:
    """Virtual memory size of this process (Linux), 0 when unknown."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
