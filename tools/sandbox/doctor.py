"""What this system offers the sandbox, and what is missing, in words (``cadagent doctor``)."""

from __future__ import annotations

import os
from pathlib import Path

from . import isolate
from .confine import landlock_abi

# protection prefix (as jobs report it) -> what is lost without it
EXPECTED = {
    "landlock-fs": "writes are not confined to the job folder and reads are not narrowed",
    "landlock-net": "TCP is refused only by seccomp (no socket) and the empty network namespace",
    "user:": "jobs run as the caller's user (run cadagent as root to get the 'nobody' user, "
             "or rely on Landlock and seccomp)",
    "no_new_privs": "a job could gain privileges through set-uid programs",
    "seccomp": "ptrace, mount, keyctl, memfd, sockets, mknod and other system calls are not refused "
               "(install libseccomp2 and the pyseccomp package)",
    "pidns": "a job's processes are killed as a process group: one that calls setsid can survive "
             "until its CPU limit",
    "netns": "no empty network namespace (Landlock and seccomp still refuse TCP and sockets)",
    "ipcns": "jobs share System V IPC with the host",
    "utsns": "jobs share the host name (sethostname is still refused by seccomp)",
    "keyring": "jobs share the session keyring (keyctl is still refused by seccomp)",
}


def cgroup_v2() -> tuple[bool, str]:
    """Whether per-job cgroup v2 limits (pids, memory, io) could be used here."""
    for root in (Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/unified")):
        controllers = root / "cgroup.controllers"
        if controllers.exists():
            have = set(controllers.read_text().split())
            missing = {"pids", "memory"} - have
            if not missing:
                return False, (f"cgroup v2 at {root} offers {', '.join(sorted(have))}, but per-job "
                               "cgroups are not used yet: limits hold per process (rlimits), plus "
                               "the job's process count (RLIMIT_NPROC as 'nobody')")
            return False, (f"cgroup v2 at {root} has no {' / '.join(sorted(missing))} controller "
                           "(a cgroup v1 or hybrid system): limits hold per process (rlimits), plus "
                           "the job's process count (RLIMIT_NPROC as 'nobody') and its disk budget")
    return False, "no cgroup v2 hierarchy: limits hold per process (rlimits) and per job (disk budget)"


def report(protections: list[str], disk_mb: int | None = None) -> list[str]:
    """Lines for ``cadagent doctor``: what is active, what is missing and what that means."""
    lines = [*([f"disk budget: {disk_mb} MiB per job, all files together (the job is stopped past it)"]
               if disk_mb else []),
             f"landlock: {'ABI ' + str(landlock_abi()) if landlock_abi() else 'not available'}",
             f"job user: {'uid %d / gid %d (nobody)' % isolate.job_user() if isolate.job_user() else f'the caller (uid {os.geteuid()}): not root'}",
             f"cgroup v2 per-job limits: {cgroup_v2()[1]}"]
    missing = [(key, loss) for key, loss in EXPECTED.items()
               if not any(p.startswith(key) for p in protections)]
    for key, loss in missing:
        lines.append(f"missing {key.rstrip(':')}: {loss}")
    return lines
