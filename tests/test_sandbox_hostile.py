"""Hostile scripts written with the sandbox's code open: screen escapes (eval and write
paths) and attacks on the confinement layer (``screen=False``: arbitrary Python in the job).

Every case asserts the exact outcome (error type, and the exception or message that proves
which layer stopped it), then a benign job, which must succeed.
"""

from __future__ import annotations

import os
import platform
import time
import uuid
from pathlib import Path

import pytest

from cadagent.tools.sandbox.isolate import job_user

from .conftest import ROOT, assert_still_works

CQ = "import cadquery as cq\n"
BOX = "result = cq.Workplane().box(1, 1, 1)\n"
X86 = platform.machine() == "x86_64"
LIBC = "import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\n"

# (id, script, expected error type, needle in the message): the screen is on
SCREEN_ESCAPES = [
    ("get-type-hints", "import typing\ndef f(x: \"__import__('os').system('id')\"):\n    pass\n"
     "typing.get_type_hints(f, globalns={})\n", "refused", "string annotation"),
    ("get-type-hints-plain", "import typing\nh = typing.get_type_hints\n", "refused", "evaluates strings"),
    ("forward-ref", "import typing\nr = typing.ForwardRef('x')\n", "refused", "evaluates strings"),
    ("singledispatch-register", "import functools\n@functools.singledispatch\ndef g(x):\n    return 1\n"
     "def h(x: 'int'):\n    return 2\ng.register(h)\n", "refused", "singledispatch"),
    ("make-dataclass-namespace", "import dataclasses\nC = dataclasses.make_dataclass('C', [], "
     "namespace={'__array_interface__': {}})\n", "refused", "module 'dataclasses'"),
    ("dunder-dict-key", "d = {'__array_interface__': {'data': (0, False)}}\n", "refused", "dunder names"),
    ("dunder-keyword", "d = dict(__class__=1)\n", "refused", "keyword names"),
    ("copy-reduce", "import copy\nx = copy.copy(1)\n", "refused", "module 'copy'"),
    ("copy-dispatch-table", "from functools import partial\nimport collections\n"
     "t = collections.dispatch_table\n", "refused", "evaluates strings"),
    ("enum-functional", "import enum\nE = enum.Enum('E', 'a b')\n", "refused", "module 'enum'"),
    ("patch-volume", CQ + "cq.Shape.Volume = lambda self: 1e9\n" + BOX, "refused",
     "may not modify the class 'Shape'"),
    ("patch-solids", CQ + "cq.Shape.Solids = lambda self: []\n" + BOX, "refused",
     "may not modify the class 'Shape'"),
    ("patch-workplane", CQ + "cq.Workplane.box = None\n", "refused", "class 'Workplane'"),
    ("patch-solid-via-alias", CQ + "S = cq.occ_impl.shapes.Solid\nS.isValid = lambda self: True\n",
     "refused", "class 'Solid'"),
    ("del-class-attr", CQ + "del cq.Shape.Volume\n", "refused", "class 'Shape'"),
    ("patch-instance", CQ + "w = cq.Workplane()\nw.ctx = None\n", "refused", "Workplane object"),
    ("patch-numpy-class", "import numpy as np\nnp.ndarray.sum = None\n", "refused", "class 'ndarray'"),
    ("numpy-strides", "import numpy as np\na = np.zeros(3)\na.strides = (0,)\n", "refused",
     "attributes of a numpy array"),
    ("module-registry-write", "import numpy as np\nnp.typecodes['All'] = 'x'\n", "refused",
     "mappingproxy"),
    ("decimal-context", "import decimal\ndecimal.getcontext().prec = 5\n", "refused", "Context object"),
    ("string-annotation-var", "x: 'int' = 1\n", "refused", "string annotation"),
    ("string-return-annotation", "def f() -> 'os':\n    pass\n", "refused", "string annotation"),
]


@pytest.mark.parametrize("case_id, script, kind, needle", SCREEN_ESCAPES, ids=[c[0] for c in SCREEN_ESCAPES])
def test_screen_closes_eval_and_write_paths(sandbox, case_id, script, kind, needle):
    res = sandbox.run_script(script, exports=())
    assert not res.ok and res.error.type == kind, f"{case_id}: {res.error}"
    assert needle in res.error.message, f"{case_id}: {res.error.message}"
    assert_still_works(sandbox)


def test_script_classes_stay_writable(sandbox):
    src = CQ + ("class Plate:\n    pass\np = Plate()\np.width = 20\nPlate.height = 3\nxs = [0, 0]\n"
                "xs[1] = 5\nd = {}\nd['k'] = 1\nimport numpy as np\na = np.zeros(2)\na[0] = 4\n"
                "result = cq.Workplane().box(p.width, Plate.height + xs[1], a[0] + d['k'])\n")
    res = sandbox.run_script(src, exports=())
    assert res.ok, res.error
    assert res.report.volume == pytest.approx(20 * 8 * 5, abs=1e-6)


def test_solid_subclass_with_the_screen_on_is_measured_honestly(sandbox):
    src = CQ + ("class Fake(cq.Solid):\n    def Solids(self):\n        return [self]\n"
                "faces = cq.Workplane().box(10, 10, 10).faces('not >Z').vals()\n"
                "result = Fake(cq.Shell.makeShell(faces).wrapped)\n")
    res = sandbox.run_script(src, exports=())
    assert res.error.type == "not_a_solid" and "1 shell" in res.error.message
    assert_still_works(sandbox)


# (id, script, expected error type, expected exception or a message needle): screen=False
CONFINEMENT = [
    ("read-project-tree", f"open({str(ROOT / '.git' / 'config')!r}).read()\n", "runtime", "PermissionError"),
    ("read-project-source", f"open({str(ROOT / 'tools' / 'sandbox' / 'pool.py')!r}).read()\n", "runtime",
     "PermissionError"),
    ("read-host-environ", "open('/proc/1/environ').read()\n", "runtime", "PermissionError"),
    ("read-etc-shadow", "open('/etc/shadow').read()\n", "runtime", "PermissionError"),
    ("write-jobs-root", "open('../escape.txt', 'w').write('x')\n", "runtime", "PermissionError"),
    ("write-dev-shm", "open('/dev/shm/cadagent-x', 'w').write('x')\n", "runtime", "PermissionError"),
    ("unix-socket", "import socket\ns = socket.socket(socket.AF_UNIX)\ns.connect('/run/x.sock')\n",
     "runtime", "PermissionError"),
    ("udp-socket", "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n", "runtime",
     "PermissionError"),
    ("memfd-exec", "import os\nfd = os.memfd_create('x')\n", "runtime", "PermissionError"),
    ("sethostname", "import socket\nsocket.sethostname('pwned')\n", "runtime", "PermissionError"),
    ("setuid-root", "import os\nos.setuid(0)\n", "runtime", "PermissionError"),
    ("mknod-device", "import os, stat\nos.mknod('dev', stat.S_IFCHR | 0o666, os.makedev(1, 3))\n",
     "runtime", "PermissionError"),
    ("setuid-bit", "open('s', 'w').write('x')\nimport os\nos.chmod('s', 0o4755)\n", "runtime",
     "PermissionError"),
    ("chmod-outside", "import os\nos.chmod('/usr/bin/env', 0o777)\n", "runtime", "PermissionError"),
    ("sparse-huge-file", "f = open('big', 'wb')\nf.truncate(1 << 40)\n", "runtime", "File too large"),
    ("keyctl", LIBC + f"r = libc.syscall({250 if X86 else 219}, 0, -3, 0)\n"
     "assert r == -1 and ctypes.get_errno() == 1, (r, ctypes.get_errno())\n" + CQ + "result = 1\n",
     "not_a_solid", "is a int"),
    ("ptrace", LIBC + "r = libc.ptrace(16, 1, 0, 0)\nassert r == -1 and ctypes.get_errno() == 1\n"
     "result = 1\n", "not_a_solid", "is a int"),
    ("mount", LIBC + "r = libc.mount(b'none', b'.', b'tmpfs', 0, None)\n"
     "assert r == -1 and ctypes.get_errno() == 1\nresult = 1\n", "not_a_solid", "is a int"),
    ("unshare-userns", LIBC + "r = libc.unshare(0x10000000)\nassert r == -1 and ctypes.get_errno() == 1\n"
     "result = 1\n", "not_a_solid", "is a int"),
    ("clear-pdeathsig", LIBC + "r = libc.prctl(1, 0, 0, 0, 0)\nassert r == -1 and ctypes.get_errno() == 1\n"
     "result = 1\n", "not_a_solid", "is a int"),
    ("kill-everyone", "import os\nos.kill(-1, 9)\n", "runtime", "ProcessLookupError"),
    ("parent-invisible", "import os\nassert os.getppid() == 0 and os.getpid() == 1\nresult = 1\n",
     "not_a_solid", "is a int"),
    ("fork-bomb", "import os\nwhile True:\n    os.fork()\n", "runtime", "BlockingIOError"),  # RLIMIT_NPROC
    ("brep-symlink", CQ + "import os\ncq.Shape.exportBrep = lambda self, path: os.symlink('/etc/passwd', path)\n"
     "result = cq.Workplane().box(1, 1, 1)\n",
     "not_a_solid", "left no BREP"),
    ("hostile-str", "class E(Exception):\n    def __str__(self):\n        while True:\n            pass\n"
     "raise E()\n", "timeout", "stopped after 1.5 s"),
    ("write-proc-sys", "open('/proc/sys/kernel/hostname', 'w').write('pwned')\n", "runtime", "PermissionError"),
    ("abstract-socket", "import socket\ns = socket.socket(socket.AF_UNIX)\ns.connect('\\0x')\n", "runtime",
     "PermissionError"),
    ("hardlink-outside", "import os\nos.link('/etc/passwd', 'p')\n", "runtime", "PermissionError"),
    ("rename-outside", "open('x', 'w').write('x')\nimport os\nos.rename('x', '/tmp/cadagent-moved')\n",
     "runtime", "PermissionError"),
    ("child-holds-pipe", "import os, time\nif os.fork() == 0:\n    time.sleep(60)\nos._exit(0)\n",
     "crash", "exit code 0"),
]


@pytest.mark.parametrize("case_id, script, kind, needle", CONFINEMENT, ids=[c[0] for c in CONFINEMENT])
def test_confinement_holds_without_the_screen(sandbox, tmp_path, case_id, script, kind, needle):
    if job_user() is None and case_id in ("setuid-bit", "chmod-outside", "read-project-source"):
        pytest.skip("needs root to run jobs as nobody")
    if not any(p.startswith("pidns") for p in sandbox.protections) and case_id in (
            "parent-invisible", "kill-everyone", "fork-bomb", "child-holds-pipe"):
        pytest.skip("no PID namespace here: kill(-1) would reach the caller's own processes")
    job = tmp_path / "job"
    # a fork is slow on a busy machine: the fork bomb gets time to reach its cap
    timeout = 1.5 if kind == "timeout" else (20 if case_id == "fork-bomb" else 3)
    res = sandbox.run_script(script, job, exports=(), screen=False, timeout=timeout)
    assert not res.ok and res.error.type == kind, f"{case_id}: {res.error}"
    assert needle in (res.error.exception or "") + " " + res.error.message, f"{case_id}: {res.error}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job"]  # nothing written beside the job
    assert not Path("/dev/shm/cadagent-x").exists() and not Path("/tmp/cadagent-moved").exists()
    assert_still_works(sandbox)


def test_no_job_process_survives(sandbox):
    """After all of the above (and a fork bomb), nothing runs as the job user."""
    if job_user() is None:
        pytest.skip("jobs run as the caller's user here")
    res = sandbox.run_script("import os, time\nfor _ in range(20):\n    if os.fork() == 0:\n"
                             "        os.setsid()\n        time.sleep(60)\n", exports=(), screen=False)
    assert res.error.type == "no_result"
    zygote = sandbox._all[0].proc.pid
    deadline = time.monotonic() + 5  # a killed process may still be exiting on a busy machine
    while True:
        mine = [pid for pid in filter(str.isdigit, os.listdir("/proc"))
                if _descends_from(int(pid), zygote) and _state(pid) not in ("Z", "X", None)]
        left = [pid for pid in mine if _uid(pid) == job_user()[0]]  # spares stay root until a job
        if (len(mine) <= 3 and not left) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(mine) <= 3, mine  # only the spares: the next script job (warden + job) and measure
    assert left == []
    assert_still_works(sandbox)


def _state(pid: str) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _uid(pid: str) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None


def _descends_from(pid: int, ancestor: int) -> bool:
    while pid > 1:
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return False
        if pid == ancestor:
            return True
    return False


def test_job_cannot_read_another_jobs_folder(sandbox, tmp_path):
    first = tmp_path / "first"
    res = sandbox.run_script(CQ + "print('secret-' * 3)\n" + BOX, first, exports=("step",))
    assert res.ok
    spy = sandbox.run_script(f"print(open({str(first / 'part.step')!r}).read()[:20])\n",
                             tmp_path / "second", exports=(), screen=False)
    assert spy.error.exception == "PermissionError" and "ISO-10303" not in spy.stdout


def test_disk_budget_stops_a_job_that_floods_its_folder(tmp_path):
    from cadagent.tools.sandbox import Limits, Sandbox

    with Sandbox(Limits(timeout_s=10, disk_mb=8), jobs_root=tmp_path / "jobs") as sb:
        src = "for i in range(100):\n    open(f'f{i}', 'wb').write(b'x' * 1_000_000)\n    import time\n" \
              "    time.sleep(0.01)\n"
        res = sb.run_script(src, tmp_path / "job", exports=(), screen=False)
        assert res.error.type == "output_limit" and "more than 8 MiB" in res.error.message
        assert len(list((tmp_path / "job").glob("f*"))) < 40
        assert_still_works(sb)


def test_escape_marker_never_written(sandbox):
    marker = Path("/tmp") / f"cadagent-escape-{uuid.uuid4().hex}"
    res = sandbox.run_script(f"open({str(marker)!r}, 'w').write('x')\n", exports=(), screen=False)
    assert res.error.exception == "PermissionError" and not marker.exists()


def test_job_cannot_renice_or_limit_the_zygote(sandbox):
    zygote = sandbox._all[0].proc.pid
    before = (os.getpriority(os.PRIO_PROCESS, zygote), __import__("resource").prlimit(zygote, 7))
    src = (f"import os, resource\nfor f in (lambda: os.setpriority(os.PRIO_PROCESS, {zygote}, 19),\n"
           f"          lambda: resource.prlimit({zygote}, resource.RLIMIT_NOFILE, (8, 8))):\n"
           "    try:\n        f()\n        print('done')\n    except OSError as e:\n"
           "        print(type(e).__name__)\n")
    res = sandbox.run_script(src, exports=(), screen=False)
    assert res.stdout.split() == ["PermissionError", "PermissionError"]  # seccomp: not our own pid
    after = (os.getpriority(os.PRIO_PROCESS, zygote), __import__("resource").prlimit(zygote, 7))
    assert after == before and sandbox._all[0].proc.pid == zygote
    assert_still_works(sandbox)


def test_forks_are_capped_per_job(sandbox):
    if job_user() is None:
        pytest.skip("root ignores RLIMIT_NPROC: jobs must run as nobody for the cap to hold")
    src = ("import os, time\nn = 0\nfor _ in range(150):\n    try:\n        pid = os.fork()\n"
           "    except OSError:\n        break\n    if pid == 0:\n        time.sleep(30)\n        os._exit(0)\n"
           "    n += 1\nprint(n)\n")
    res = sandbox.run_script(src, exports=(), screen=False, timeout=30)  # a fork is slow on a busy machine
    assert res.error.type == "no_result", res.error
    assert int(res.stdout.split()[-1]) < 64  # RLIMIT_NPROC 64, counted for the job user
    assert_still_works(sandbox)
