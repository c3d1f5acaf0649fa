"""Bad and hostile scripts: each gets a specific error result in bounded time, writes
nothing outside its job directory, and the next job still runs."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest

from .conftest import assert_still_works

CQ = "import cadquery as cq\n"
BOX = CQ + "r = cq.Workplane().box(10, 10, 10)\n"

# (id, script, expected error type, substring of the message — case-insensitive)
CASES = [
    ("syntax-error", "x = 1\ny = (2 +\n", "syntax", "never closed"),
    ("nul-byte", "x = 1\x00\n", "syntax", ""),
    ("deep-nesting", "x = " + "(" * 3000 + "1" + ")" * 3000 + "\n", "syntax", ""),
    ("runtime-error", CQ + "a = 1\nb = a / 0\n", "runtime", "division by zero"),
    ("no-result", BOX, "no_result", "variable named result"),
    ("result-number", "result = 42\n", "not_a_solid", "is a int"),
    ("result-none", "result = None\n", "not_a_solid", "is None"),
    ("result-2d-wire", CQ + "result = cq.Workplane().rect(10, 10)\n", "not_a_solid", "has no solid"),
    ("result-sketch", CQ + "result = cq.Sketch().circle(5)\n", "not_a_solid", "2D Sketch"),
    ("result-empty-compound", CQ + "result = cq.Compound.makeCompound([])\n", "not_a_solid", "empty"),
    ("infinite-loop", "while True:\n    pass\n", "timeout", "stopped after"),
    ("boolean-storm", CQ + "r = cq.Workplane().box(100, 100, 10)\nwhile True:\n"
     "    r = r.faces('>Z').workplane().rarray(1.1, 1.1, 60, 60).hole(0.5)\n", "timeout", "stopped after"),
    ("memory-bomb-list", "a = [0] * (10 ** 10)\n", "memory", "memory"),
    ("memory-bomb-growing", "a = []\nwhile True:\n    a.append('x' * 10 ** 8)\n", "memory", "memory"),
    ("recursion-bomb", "def f(n):\n    return f(n + 1)\nf(0)\n", "recursion", "recursion"),
    ("print-flood", "for i in range(10 ** 7):\n    print('x' * 1000)\n", "output_limit", "printed more"),
    ("exit", "raise SystemExit(3)\n", "runtime", "tried to exit"),
    ("import-os-fork-bomb", "import os\nwhile True:\n    os.fork()\n", "refused", "module 'os'"),
    ("import-multiprocessing", "import multiprocessing\n", "refused", "multiprocessing"),
    ("import-subprocess", "import subprocess\nsubprocess.run(['ls'])\n", "refused", "subprocess"),
    ("import-socket", "import socket\ns = socket.socket()\n", "refused", "socket"),
    ("import-ctypes", "import ctypes\n", "refused", "ctypes"),
    ("import-importlib", "import importlib\nimportlib.import_module('os')\n", "refused", "importlib"),
    ("import-sys-modules", "import sys\nos = sys.modules['os']\n", "refused", "module 'sys'"),
    ("dunder-import", "os = __import__('os')\n", "refused", "starts with"),
    ("open-file", "data = open('/etc/passwd').read()\n", "refused", "'open'"),
    ("exec", "exec('import os')\n", "refused", "'exec'"),
    ("eval", "x = eval('1 + 1')\n", "refused", "'eval'"),
    ("compile", "c = compile('1', 'x', 'eval')\n", "refused", "'compile'"),
    ("getattr-builtin", CQ + "e = getattr(cq, 'exporters')\n", "refused", "'getattr'"),
    ("class-subclasses", "x = ().__class__.__bases__[0].__subclasses__()\n", "refused", "__class__"),
    ("func-globals", CQ + "g = cq.Workplane.box.__globals__\n", "refused", "__globals__"),
    ("class-dict", "class A:\n    pass\nd = A.__dict__\n", "refused", "__dict__"),
    ("globals-builtin", "b = globals()['__builtins__']\n", "refused", "'globals'"),
    ("vars-locals", "v = vars()\nl = locals()\n", "refused", "'vars'"),
    ("type-builtin", "t = type(1)\n", "refused", "'type'"),
    ("generator-frame", "g = (x for x in [1])\nf = g.gi_frame.f_globals\n", "refused", "gi_frame"),
    ("format-string-escape", "s = '{0.__class__}'.format(1)\n", "refused", "format"),
    ("from-cadquery-exporters", "from cadquery import exporters\n", "refused", "exporters"),
    ("cq-exporters-write", BOX + "cq.exporters.export(r, '{ESCAPE}')\n", "refused", "files"),
    ("export-method-write", BOX + "r.val().exportStep('{ESCAPE}')\n", "refused", "files"),
    ("importers-read", CQ + "s = cq.importers.importStep('/etc/passwd')\n", "refused", "files"),
    ("numpy-save", "import numpy as np\nnp.save('{ESCAPE}', np.zeros(3))\n", "refused", "files"),
    ("numpy-ctypeslib", "import numpy as np\nc = np.ctypeslib\n", "refused", "operating system"),
    ("numpy-lib-memmap", "import numpy as np\nm = np.lib.format\n", "refused", "operating system"),
    ("module-attr-of-allowed-module", CQ + "w = cq.occ_impl.shapes.warnings\n", "refused",
     "module 'warnings'"),
    ("ocp-class-via-module", CQ + "t = cq.occ_impl.shapes.TopoDS\n", "refused", "OCP"),
    ("ocp-function-via-module", CQ + "bt = cq.occ_impl.shapes.BRepTools\n", "refused", "OCP"),
    ("import-ocp", "from OCP.BRepTools import BRepTools\n", "refused", "module 'OCP.BRepTools'"),
    ("star-import", "from cadquery import *\n", "refused", "imports are not allowed"),
    ("relative-import", "from . import secrets\n", "refused", "relative import"),
    ("module-write", "import math\nmath.pi = 3\n", "refused", "modify the module"),
    ("breakpoint", "breakpoint()\n", "refused", "'breakpoint'"),
    ("input", "x = input()\n", "refused", "'input'"),
]


@pytest.mark.parametrize("case_id, script, kind, needle", CASES, ids=[c[0] for c in CASES])
def test_hostile_script(sandbox, tmp_path, case_id, script, kind, needle):
    escape = Path("/tmp") / f"cadagent-escape-{uuid.uuid4().hex}"
    job = tmp_path / "job"
    t0 = time.monotonic()
    res = sandbox.run_script(script.replace("{ESCAPE}", str(escape)), job, exports=())
    elapsed = time.monotonic() - t0
    assert not res.ok, f"{case_id} should fail"
    assert res.error.type == kind, f"{case_id}: {res.error}"
    assert needle.lower() in res.error.message.lower(), f"{case_id}: {res.error.message}"
    assert elapsed < sandbox.limits.timeout_s + 5, f"{case_id} took {elapsed:.1f} s"
    assert not escape.exists() and not Path(str(escape) + ".npy").exists()
    leftovers = {p.name for p in tmp_path.iterdir()}
    assert leftovers <= {"job"}, leftovers


def test_refusal_lists_every_problem_with_lines(sandbox):
    res = sandbox.run_script("import os\nimport cadquery as cq\nx = open('f')\ny = ().__class__\n",
                             exports=())
    assert res.error.type == "refused" and res.error.line == 1
    for needle in ("line 1", "'os'", "line 3", "'open'", "line 4", "__class__"):
        assert needle in res.error.message


def test_refused_module_error_names_the_allowed_ones(sandbox):
    res = sandbox.run_script("import requests\n", exports=())
    assert "allowed: cadquery" in res.error.message and "numpy" in res.error.message
    assert res.error.hint


def test_huge_script_is_handled(sandbox):
    big = "s = '" + "a" * 900_000 + "'\n"  # under the 1 MiB limit: screened in the job, runs
    res = sandbox.run_script(big, exports=())
    assert res.error.type == "no_result"
    too_big = "s = '" + "a" * 5_000_000 + "'\n"  # refused by the host before any process sees it
    res = sandbox.run_script(too_big, exports=())
    assert res.error.type == "refused" and "the limit is 1024 KiB" in res.error.message
    assert res.elapsed_ms < 5000  # refused by the host: no job ran


def test_next_job_runs_after_all_of_the_above(sandbox):
    assert_still_works(sandbox)
