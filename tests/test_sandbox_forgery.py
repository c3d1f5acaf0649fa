"""Nothing a job says is trusted: forged measurements, payloads, paths and messages.

Most attacks run with ``screen=False`` (arbitrary Python in the job, as if the screen were
beaten): what stops them is the host's side (schema, its own listing of the job folder) and
the measure stage, a fresh process that never ran the script. Each test then runs a benign
job, which must succeed.
"""

from __future__ import annotations

import os
import stat
import time

import pytest

from cadagent.tools.sandbox import jobdir, payload
from cadagent.tools.sandbox.hints import hint_for

from .conftest import assert_still_works

CQ = "import cadquery as cq\n"
# writes one JSON document to every pipe this process holds, then exits before the host's code runs
FORGE = """
import os, json
doc = {DOC}
for fd in map(int, os.listdir('/proc/self/fd')):
    try:
        if os.readlink(f'/proc/self/fd/{fd}').startswith('pipe:'):
            os.write(fd, json.dumps(doc).encode())
    except OSError:
        pass
os._exit(0)
"""


def _run(sandbox, src, job=None, **kw):
    kw.setdefault("exports", ())
    return sandbox.run_script(src, job, screen=False, **kw)


def test_patched_volume_is_not_believed(sandbox):
    res = _run(sandbox, CQ + "cq.Shape.Volume = lambda self: 1e9\nresult = cq.Workplane().box(1, 1, 1)\n")
    assert res.ok and res.report.volume == pytest.approx(1.0, abs=1e-9)
    assert_still_works(sandbox)


def test_patched_solids_do_not_make_a_face_a_solid(sandbox):
    src = CQ + ("box = cq.Workplane().box(1, 1, 1).val()\ncq.Shape.Solids = lambda self: [box]\n"
                "result = cq.Workplane().rect(10, 10).extrude(0.0001).faces('>Z').val()\n")
    res = _run(sandbox, src)
    assert not res.ok and res.error.type == "not_a_solid"
    assert "has no solid: it holds 1 face" in res.error.message
    assert_still_works(sandbox)


def test_solid_subclass_cannot_pass_an_open_shell_as_valid(sandbox):
    src = CQ + ("class Fake(cq.Solid):\n    def Solids(self):\n        return [self]\n"
                "    def isValid(self):\n        return True\n"
                "faces = cq.Workplane().box(10, 10, 10).faces('not >Z').vals()\n"
                "result = Fake(cq.Shell.makeShell(faces).wrapped)\n")
    res = _run(sandbox, src)
    assert not res.ok and res.error.type == "not_a_solid"
    assert "1 shell" in res.error.message
    assert_still_works(sandbox)


def test_fake_answer_on_the_result_pipe_is_rejected(sandbox):
    doc = ('{"ok": True, "report": {"valid": True, "volume": 1e9}, "shape_file": "/etc/passwd",'
           ' "artifacts": {"step": "/proc/self/environ"}}')
    res = _run(sandbox, FORGE.replace("{DOC}", doc))
    assert not res.ok and res.error.type == "internal"
    assert "answer was rejected" in res.error.message and "Additional properties" in res.error.message
    assert res.artifacts == {} and res.shape_file is None and res.report is None
    assert_still_works(sandbox)


def test_well_formed_fake_answer_still_gets_no_result(sandbox):
    # a schema-valid "ok" from the script stage: the measure stage finds no BREP and says so
    doc = '{"stage": "script", "ok": True, "stdout": "", "run_ms": 1.0}'
    res = _run(sandbox, FORGE.replace("{DOC}", doc))
    assert not res.ok and res.error.type == "not_a_solid"
    assert "left no BREP" in res.error.message
    assert_still_works(sandbox)


def test_forged_error_with_extra_keys_is_an_internal_error_not_an_exception(sandbox):
    doc = ('{"stage": "script", "ok": False, "stdout": "", "run_ms": 1.0, "error": {"type": "runtime",'
           ' "message": "x", "evil": 1}}')
    res = _run(sandbox, FORGE.replace("{DOC}", doc))
    assert res.error.type == "internal" and "error" in res.error.message
    assert_still_works(sandbox)


def test_links_and_special_files_never_become_artifacts(sandbox, tmp_path):
    job = tmp_path / "job"
    src = CQ + ("import os\n"
                "def attempt(name, f, *a):\n    try:\n        f(*a)\n        print(name, 'ok')\n"
                "    except OSError as e:\n        print(name, type(e).__name__)\n"
                "attempt('symlink', os.symlink, '/etc/passwd', 'part.glb')\n"
                "attempt('fifo', os.mkfifo, 'part.stl')\n"
                "open('part.step', 'w').write('fake')\n"
                "attempt('setuid', os.chmod, 'part.step', 0o4755)\n"
                "attempt('link', os.link, 'part.step', 'copy.step')\n"
                "result = cq.Workplane().box(2, 2, 2)\n")
    res = _run(sandbox, src, job, exports=("step",))
    assert res.ok, res.error
    # mknod (fifo) and set-uid chmod are refused by seccomp; the symlink and the hard link
    # are made, then removed by the host; part.step is the measure stage's own export
    assert res.stdout.split("\n")[:4] == ["symlink ok", "fifo PermissionError", "setuid PermissionError",
                                          "link ok"]
    names = sorted(p.name for p in job.iterdir())
    assert "part.glb" not in names
    assert set(res.artifacts) == {"step"} and res.artifacts["step"].read_text().startswith("ISO-10303")
    assert res.report.volume == pytest.approx(8.0, abs=1e-9)
    assert_still_works(sandbox)


def test_host_listing_skips_hard_links_setuid_and_symlinks(tmp_path):
    job = tmp_path / "job"
    job.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("key")
    os.link(outside, job / "part.step")              # a hard link to a host file
    os.symlink("/etc/passwd", job / "part.stl")       # a symlink
    (job / "part.glb").write_text("glb")
    os.chmod(job / "part.glb", 0o4755)                # set-uid
    (job / "part.brep").write_text("brep")
    os.mkfifo(job / "pipe")
    assert jobdir.artifacts(job, "part", ["step", "stl", "glb", "brep"], 1 << 20) == {
        "brep": job / "part.brep"}
    removed = jobdir.take_back(job, None)
    assert sorted(removed) == ["part.glb", "part.step", "part.stl", "pipe"]
    assert outside.read_text() == "key"               # the target of the hard link is untouched
    assert sorted(p.name for p in job.iterdir()) == ["part.brep"]


def test_huge_exception_message_is_capped_not_a_crash(sandbox):
    for size in (6_000_000, 9_000_000):
        res = sandbox.run_script(f"raise ValueError('x' * {size})\n", exports=())
        assert res.error.type == "runtime" and res.error.exception == "ValueError"
        assert len(res.error.message) <= payload.MESSAGE_CAP
        assert "more characters cut" in res.error.message
    assert_still_works(sandbox)


def test_hint_patterns_run_in_bounded_time():
    evil = "StdFail_NotDone " + "a" * 5_000_000
    t0 = time.perf_counter()
    assert hint_for("StdFail_NotDone", evil) is not None  # still finds the kernel failure hint
    assert hint_for("ValueError", "fillet" * 1_000_000) is not None
    assert time.perf_counter() - t0 < 2.0


def test_payload_size_is_checked_before_parsing():
    with pytest.raises(payload.BadPayload, match="the limit is 100"):
        payload.parse(b"[" * 1000, "script", 100)
    with pytest.raises(payload.BadPayload, match="not JSON"):
        payload.parse(b"[" * 99, "script", 100)
    with pytest.raises(payload.BadPayload, match="stage"):
        payload.parse(b'{"stage": "measure", "ok": true, "stdout": "", "run_ms": 0}', "script", 1000)


def test_fresh_measure_off_trades_trust_for_speed(tmp_path):
    """With fresh_measure off the job measures itself: a patched volume then gets through.
    This is why it is on by default; the test pins what the setting really means."""
    from cadagent.tools.sandbox import Limits, Sandbox

    with Sandbox(Limits(timeout_s=10, fresh_measure=False), jobs_root=tmp_path) as sb:
        honest = sb.run_script(CQ + "result = cq.Workplane().box(2, 2, 2)\n", exports=("step",))
        assert honest.ok and honest.report.volume == pytest.approx(8.0, abs=1e-9)
        assert set(honest.artifacts) == {"step"}
        forged = _run(sb, CQ + "cq.Shape.Volume = lambda self: 1e9\n" + "result = cq.Workplane().box(1, 1, 1)\n")
        assert forged.ok and forged.report.volume == pytest.approx(1e9)


def test_doctor_says_what_is_missing():
    from cadagent.tools.sandbox.doctor import report

    lines = report(["rlimit-cpu 32s", "landlock-fs(abi 7): writes only in the job directory"], disk_mb=64)
    text = "\n".join(lines)
    assert "disk budget: 64 MiB per job" in text
    assert "missing seccomp: ptrace, mount" in text and "missing pidns" in text
    assert "missing landlock-fs" not in text
    assert "cgroup v2 per-job limits:" in text


def test_a_stale_result_in_a_reused_folder_is_never_reported(sandbox, tmp_path):
    job = tmp_path / "out"
    first = sandbox.run_script(CQ + "result = cq.Workplane().box(3, 3, 3)\n", job, exports=("step",))
    assert first.ok and (job / "part.brep").exists()
    doc = '{"stage": "script", "ok": True, "stdout": "", "run_ms": 1.0}'  # claims a result, writes none
    res = _run(sandbox, FORGE.replace("{DOC}", doc), job)
    assert res.error.type == "not_a_solid" and "left no BREP" in res.error.message
    assert not (job / "part.step").exists()
