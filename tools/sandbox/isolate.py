"""Who a job runs as, and what it can see: namespaces, an unprivileged user, seccomp.

Everything here runs in forked sandbox processes, never in the caller. Each step is best
effort: what the system does not allow is skipped and left out of the list of protections
that the measure stage reports (and ``cadagent doctor`` shows).

- :func:`unshare_namespaces`: new PID, IPC, UTS and network namespaces (the job becomes
  PID 1 of its own namespace: when it dies, every process it started dies with it).
- :func:`drop_privileges`: a new session keyring, an empty capability bounding set, the
  unprivileged user ``nobody`` (65534) when we are root, and ``no_new_privs``.
- :func:`load_seccomp`: refuse the system calls listed in ``seccomp.yaml`` (libseccomp
  through the PyPI ``pyseccomp`` binding; no hand-made BPF).
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import signal
from functools import lru_cache
from importlib import resources

import yaml

JOB_UID = 65534  # nobody
JOB_GID = 65534  # nogroup
_CLONE_NEWUTS = 0x04000000
_CLONE_NEWIPC = 0x08000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000
_PR_SET_PDEATHSIG = 1
_PR_CAPBSET_DROP = 24
_PR_SET_NO_NEW_PRIVS = 38
_KEYCTL_JOIN_SESSION_KEYRING = 1
_SYS_KEYCTL = {"x86_64": 250, "aarch64": 219}

_libc = None


def libc():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


def linux() -> bool:
    return platform.system() == "Linux"


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to kill this process when its parent dies (PR_SET_PDEATHSIG)."""
    return linux() and libc().prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0


def unshare_namespaces() -> list[str]:
    """New PID + IPC + UTS + network namespaces for the children of this process."""
    if not linux():
        return []
    applied = []
    for flag, text in ((_CLONE_NEWPID, "pidns: own PID namespace (no process survives the job)"),
                       (_CLONE_NEWIPC, "ipcns: own IPC namespace"),
                       (_CLONE_NEWUTS, "utsns: own host name"),
                       (_CLONE_NEWNET, "netns: empty network namespace")):
        if libc().unshare(flag) == 0:
            applied.append(text)
    return applied


def _new_session_keyring() -> bool:
    number = _SYS_KEYCTL.get(platform.machine())
    if number is None:
        return False
    lib = libc()
    lib.syscall.restype = ctypes.c_long
    return lib.syscall(ctypes.c_long(number), ctypes.c_int(_KEYCTL_JOIN_SESSION_KEYRING),
                       ctypes.c_void_p(0)) >= 0


def drop_privileges() -> list[str]:
    """Become an unprivileged user with no capabilities; set ``no_new_privs``."""
    if not linux():
        return []
    applied = []
    if _new_session_keyring():
        applied.append("keyring: new session keyring")
    lib = libc()
    if os.geteuid() == 0:
        cap = 0
        while lib.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) == 0:
            cap += 1
        os.setgroups([])
        os.setresgid(JOB_GID, JOB_GID, JOB_GID)
        os.setresuid(JOB_UID, JOB_UID, JOB_UID)  # clears the permitted and effective capabilities
        # a change of user clears the parent-death signal (prctl(2)): arm it again, or a job whose
        # warden is killed is re-parented to init and spins on
        die_with_parent()
        applied.append(f"user: uid {JOB_UID} / gid {JOB_GID}, no capabilities ({cap} dropped from the bounding set)")
    if lib.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0:
        applied.append("no_new_privs")
    return applied


def job_user() -> tuple[int, int] | None:
    """The uid / gid jobs run as (None: the caller's own, when it is not root)."""
    return (JOB_UID, JOB_GID) if linux() and os.geteuid() == 0 else None


@lru_cache(maxsize=1)
def seccomp_rules() -> list[dict]:
    text = resources.files(__package__).joinpath("seccomp.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["deny"]


def build_seccomp():
    """A libseccomp filter (not loaded yet), or the reason there is none."""
    if not linux():
        return None, "seccomp: not Linux"
    try:
        import pyseccomp as seccomp
    except (ImportError, OSError) as exc:  # the binding or libseccomp.so.2 is missing
        return None, f"seccomp unavailable: {exc}"
    ops = {"eq": seccomp.EQ, "ne": seccomp.NE, "gt": seccomp.GT, "ge": seccomp.GE,
           "lt": seccomp.LT, "le": seccomp.LE, "masked_eq": seccomp.MASKED_EQ}
    try:
        flt = seccomp.SyscallFilter(seccomp.ALLOW)  # other ABIs (i386, x32) are killed: ACT_BADARCH
    except OSError as exc:
        return None, f"seccomp unavailable: {exc}"
    try:
        flt.set_attr(seccomp.Attr.CTL_OPTIMIZE, 2)  # a binary tree: each system call pays O(log n)
    except (OSError, AttributeError):
        pass
    skipped = []
    for rule in seccomp_rules():
        args = []
        if rule.get("when"):
            index, op, *values = rule["when"]
            args.append(seccomp.Arg(index, ops[op], *values))
        try:
            flt.add_rule(seccomp.ERRNO(errno.EPERM), rule["name"], *args)
        except (OSError, ValueError, RuntimeError):  # a call this architecture / libseccomp lacks
            skipped.append(rule["name"])
    return flt, skipped


def load_seccomp(flt) -> list[str]:
    if flt is None:
        return []
    try:
        flt.load()
    except OSError as exc:
        return [f"seccomp failed to load: {exc}"]
    return [f"seccomp: {len(seccomp_rules())} rules refuse ptrace, mount, keyctl, memfd, "
            "sockets, mknod, sethostname, other processes' nice / limits, ..."]
