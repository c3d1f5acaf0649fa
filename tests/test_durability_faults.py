"""Disk and provider faults: a full disk and a read-only workspace (a real small tmpfs in a private
mount namespace), the knowledge store backing off instead of rebuilding, a truncated HTTP body,
and the workspace pruner."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = r'''
import os, subprocess, sys
from pathlib import Path
from cadagent.config import load_settings
from cadagent.agent.runtime import Agent, WorkspaceError
from cadagent.tools.sandbox import Limits, Sandbox
from cadagent.agent.contract import RunCode

ws, jobs, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
BOX = "import cadquery as cq\nresult = cq.Workplane().box({}, 20, 10)\n"

def turn(agent, n):
    try:
        return next(e.data["answer"] for e in agent.stream("t", RunCode(BOX.format(n))) if e.node == "respond")
    except WorkspaceError as exc:
        return "ERROR " + str(exc)

with Sandbox(Limits(timeout_s=20), jobs_root=jobs) as sb:
    agent = Agent(load_settings(workspace=ws), kb=None, sandbox=sb)
    print("TURN1", turn(agent, 30), flush=True)
    if mode == "full":
        fd = os.open(ws / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == 28, exc
        try:
            while True:
                os.write(fd, b"\0" * 512)
        except OSError:
            os.close(fd)
        print("TURN2", turn(agent, 40), flush=True)
        os.unlink(ws / "filler")
        print("TURN3", turn(agent, 50), flush=True)
    else:
        # the workspace turns read-only under the running agent (a read-only bind mount over it)
        subprocess.run(["mount", "--bind", str(ws), str(ws)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ws)], check=True)
        print("TURN2", turn(agent, 40), flush=True)
    print("VERSIONS", [v.number for v in agent.versions("t")], flush=True)
    agent.close()
    if mode == "read-only":
        try:
            Agent(load_settings(workspace=ws), kb=None, sandbox=sb)
            print("START ok")
        except WorkspaceError as exc:
            print("START", exc, flush=True)
        cli = subprocess.run([sys.executable, "-m", "cadagent.cli", "run", "a 20 mm cube"], capture_output=True,
                             text=True, env={**os.environ, "CADAGENT_WORKSPACE": str(ws)})
        print("CLI", cli.returncode, (cli.stdout + cli.stderr).replace("\n", " "), flush=True)
'''


def _unshare() -> list[str] | None:
    """A private mount namespace (root: plain; otherwise as root of a user namespace), or None."""
    if sys.platform != "linux" or not shutil.which("unshare"):
        return None
    cmd = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    probe = subprocess.run([*cmd, "true"], capture_output=True)
    return cmd if probe.returncode == 0 else None


def _in_small_tmpfs(tmp_path: Path, mode: str) -> dict[str, str]:
    cmd = _unshare()
    if cmd is None:
        pytest.skip("needs a private mount namespace (unshare -m) for a small tmpfs")
    ws, jobs = tmp_path / "ws", tmp_path / "jobs"
    ws.mkdir()
    jobs.mkdir()
    script = tmp_path / "fault.py"
    script.write_text(SCRIPT)
    shell = (f"mount -t tmpfs -o size=4m tmpfs {ws} && exec {sys.executable} {script} {ws} {jobs} {mode}")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([*cmd, "sh", "-c", shell], capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
    lines = {}
    for line in out.stdout.splitlines():
        key, _, rest = line.partition(" ")
        lines[key] = rest
    assert "Traceback" not in out.stdout + out.stderr, out.stdout + out.stderr
    assert "VERSIONS" in lines, out.stdout + out.stderr
    return lines


def test_a_full_disk_gives_a_clear_message_and_the_thread_goes_on(tmp_path):
    lines = _in_small_tmpfs(tmp_path, "full")
    assert lines["TURN1"].startswith("v1 saved")
    message = lines["TURN2"]
    assert message.startswith(f"ERROR The disk holding the workspace {tmp_path / 'ws'} is full")
    assert "Nothing was saved for this turn; earlier versions are kept" in message
    assert "Free some space" in message and "CADAGENT_WORKSPACE" in message
    assert lines["TURN3"].startswith("v2 saved") and "bbox 50.0 x 20.0 x 10.0" in lines["TURN3"]
    assert lines["VERSIONS"] == "[1, 2]"


def test_a_read_only_workspace_gives_a_clear_message(tmp_path):
    lines = _in_small_tmpfs(tmp_path, "read-only")
    ws = tmp_path / "ws"
    assert lines["TURN1"].startswith("v1 saved")
    assert lines["TURN2"].startswith(f"ERROR The workspace {ws} is read-only or not writable")
    assert "Make the folder writable" in lines["TURN2"] and "CADAGENT_WORKSPACE" in lines["TURN2"]
    assert lines["VERSIONS"] == "[1]"  # v1 is still readable
    assert lines["START"].startswith(f"The workspace {ws} is read-only or not writable by this user: writing "
                                     f"{ws}/.write-probe-")
    assert lines["CLI"].startswith(f"2 error: The workspace {ws} is read-only")  # exit 2, no traceback


def test_the_disk_fault_messages_name_the_path_and_the_fix(tmp_path):
    from cadagent.agent.diskfaults import describe

    full = describe(OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "sessions/t/v3")), tmp_path)
    assert f"writing {tmp_path}/sessions/t/v3 failed" in full and "is full" in full
    assert "is full" in describe(sqlite3.OperationalError("database or disk is full"), tmp_path)
    assert "read-only" in describe(sqlite3.OperationalError("attempt to write a readonly database"), tmp_path)
    assert "file-size limit" in describe(OSError(errno.EFBIG, "File too large"), tmp_path)
    assert describe(OSError(errno.ENOENT, "No such file"), tmp_path) is None
    assert describe(ValueError("x"), tmp_path) is None


# -- the knowledge store backs off on a disk fault --------------------------------------------------------
def test_the_knowledge_store_backs_off_on_a_disk_fault_instead_of_rebuilding(tmp_path, embedder):
    from cadagent.knowledge.store import StoreUnavailable, Store

    class FullDiskStore(Store):
        opened = 0

        def _open_client(self):
            FullDiskStore.opened += 1
            raise sqlite3.OperationalError("database or disk is full")

    store = FullDiskStore(tmp_path / "kb" / "chroma", embedder)
    with pytest.raises(StoreUnavailable, match="cannot be written .*free disk space.*not rebuilt") as info:
        store.count()
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(store.path)
    with pytest.raises(StoreUnavailable):
        store.count()  # within the backoff: not tried again
    assert FullDiskStore.opened == 1
    assert not list((tmp_path / "kb").glob("chroma.broken-*")) and store.notes == []
    store._retry_at = time.monotonic() - 1  # the backoff has passed
    with pytest.raises(StoreUnavailable, match="Tried again in 10 s"):
        store.count()
    assert FullDiskStore.opened == 2


# -- a truncated HTTP body ---------------------------------------------------------------------------------
def _truncating_server() -> tuple[int, socket.socket]:
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)

    def serve():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = next((int(x.split(b":")[1]) for x in head.split(b"\r\n") if x.lower().startswith(b"content-length")), 0)
            while len(body) < length:
                body += conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n"
                         b'{"id": "chatcmpl-1", "object": "chat.completion", "choi')
            conn.shutdown(socket.SHUT_WR)
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return srv.getsockname()[1], srv


def test_a_truncated_http_body_is_not_called_an_unreachable_server(tmp_path):
    from cadagent.agent.providers import chat_model, explain_failure
    from cadagent.config import load_settings

    port, srv = _truncating_server()
    try:
        settings = load_settings(workspace=tmp_path).with_agent(llm="openai", base_url=f"http://127.0.0.1:{port}/v1",
                                                                 model="m", retries=0)
        with pytest.raises(Exception) as info:
            chat_model(settings).invoke("hi")
    finally:
        srv.close()
    message = explain_failure(info.value, settings)
    assert "closed the connection before the answer was complete (a truncated HTTP body)" in message
    assert "cannot reach" not in message and f"127.0.0.1:{port}" in message


# -- pruning -----------------------------------------------------------------------------------------------
def _make(path: Path, size: int, age_h: float, now: float) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "part.step").write_bytes(b"x" * size)
    os.utime(path / "part.step", (now - age_h * 3600,) * 2)
    os.utime(path, (now - age_h * 3600,) * 2)
    return path


def test_pruning_keeps_the_newest_jobs_and_respects_the_size_budget(tmp_path):
    from cadagent.agent.pruning import disk_report, disk_use, prune
    from cadagent.config import StorageSettings

    now = time.time()
    ws = tmp_path / "ws"
    jobs = [_make(ws / "jobs" / f"job-{i:03d}", 100_000, age_h=0.1 * (30 - i), now=now) for i in range(30)]
    old_job = _make(ws / "jobs" / "job-old", 1000, age_h=48, now=now)
    upload = _make(ws / "uploads" / "abc", 50_000, age_h=30, now=now)
    broken = _make(ws / "kb" / "chroma.broken-1700000000", 50_000, age_h=2.55, now=now)
    temp = _make(ws / "sessions" / "t" / ".v3-tmpabc", 1000, age_h=2.45, now=now)
    version = _make(ws / "sessions" / "t" / "v1", 500_000, age_h=100, now=now)
    live = _make(ws / "kb" / "chroma", 10_000, age_h=100, now=now)
    before = disk_use(ws)
    assert before["jobs"] >= 3_001_000 and before["sessions"] >= 500_000

    report = prune(ws, StorageSettings(keep_jobs=5, max_age_h=24, max_mb=1.0), now=now)
    left = sorted(p.name for p in (ws / "jobs").iterdir())
    assert left == [p.name for p in jobs[-len(left):]]              # the newest, in order
    assert set(p.name for p in jobs[-5:]) <= set(left)               # at least the newest N
    assert not old_job.exists() and not upload.exists() and not temp.exists() and not broken.exists()
    assert version.exists() and live.exists()                        # never pruned
    assert report.remaining <= 1_000_000 and len(left) == 10
    assert disk_use(ws)["jobs"] <= 1_000_000
    line = disk_report(ws, StorageSettings(max_mb=1.0))
    assert line.startswith(f"workspace {ws.resolve()}: ") and "jobs 1.0 MB" in line and "sessions 0.5 MB" in line
    assert "of a 1 MB budget (storage.max_mb)" in line and "GB free on its disk" in line

    kept = prune(ws, StorageSettings(keep_jobs=12, max_age_h=24, max_mb=0.1), now=now)
    assert len(list((ws / "jobs").iterdir())) == 10 and kept.removed == []  # keep_jobs wins over the budget
