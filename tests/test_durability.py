"""Durability and concurrency of threads: damaged checkpoint databases, versions the checkpoint
missed, two turns at once on one thread, many sessions at once, forged artifact paths."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from cadagent.agent.locking import TurnBusy
from cadagent.agent.sessions import SessionStore, UnsafeArtifact
from cadagent.agent.contract import RunCode
from .conftest import state_of

PLATE = "a 60 x 40 mm plate, 5 mm thick"
BOX = "import cadquery as cq\nresult = cq.Workplane().box({}, 20, 10)\n"


def _numbers(agent, thread: str) -> list[int]:
    return [v["version"] for v in state_of(agent, thread).get("versions") or []]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "zero-length"])
def test_a_damaged_checkpoint_database_keeps_every_version(agents, tmp_path, damage):
    a = agents()
    assert "v1 saved" in a.turn("t", PLATE).answer
    assert "v2 saved" in a.turn("t", "make it 10 mm longer").answer
    a.close()
    db = tmp_path / "ws" / "checkpoints.sqlite"
    data = db.read_bytes()
    assert data[:16] == b"SQLite format 3\x00" and not (tmp_path / "ws" / "checkpoints.sqlite-wal").exists()
    db.write_bytes({"truncated": data[: len(data) // 2], "garbage": b"\x8f\x13 not sqlite at all " * 4096,
                    "zero-length": b""}[damage])

    b = agents()
    state = state_of(b, "t")
    assert [v["version"] for v in state["versions"]] == [1, 2] and state["current"] == 2
    assert state["versions"][1]["size"] == pytest.approx([70, 40, 5]) and "length = 70" in state["versions"][1]["code"]
    if damage == "garbage":
        moved = [p.name for p in db.parent.iterdir() if p.name.startswith("checkpoints.sqlite.broken-")]
        assert moved and any(f"moved to {moved[0]}" in n for n in b.notes)
    events = list(b.stream("t", "make it 8 mm thick"))
    answer = next(e.data["answer"] for e in events if e.node == "respond")
    assert "v3 saved (v2 kept)" in answer and "bbox 70.0 x 40.0 x 8.0" in answer
    assert any(e.node == "recover" and "Restored v1, v2" in e.text for e in events)
    assert _numbers(b, "t") == [1, 2, 3]
    assert "v1 saved" in b.turn("another thread", PLATE).answer


def test_a_checkpoint_database_damaged_while_running_is_moved_aside_and_the_turn_retried(agents, tmp_path):
    import sqlite3

    a = agents()
    assert list(a.stream("t", RunCode(BOX.format(30))))[-1].data["answer"].startswith("v1 saved")
    other = sqlite3.connect(tmp_path / "ws" / "checkpoints.sqlite")  # damage it under the running agent
    version = other.execute("PRAGMA schema_version").fetchone()[0]
    other.execute("PRAGMA writable_schema = ON")
    other.execute("UPDATE sqlite_master SET rootpage = 9999 WHERE name = 'checkpoints'")
    other.execute(f"PRAGMA schema_version = {version + 1}")
    other.commit()
    other.close()
    events = list(a.stream("t", RunCode(BOX.format(40))))
    recovered = [e.text for e in events if e.node == "recover"]
    assert "was damaged (malformed database schema" in recovered[0] and "moved to checkpoints.sqlite.broken-" in recovered[0]
    assert "Restored v1 from the workspace" in recovered[1]
    assert events[-1].data["answer"].startswith("v2 saved (v1 kept)")
    assert [v["size"] for v in state_of(a, "t")["versions"]] == [pytest.approx([30, 20, 10]), pytest.approx([40, 20, 10])]


def test_the_checkpoint_database_uses_wal_and_waits_when_busy(agents):
    a = agents()
    assert a._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert a._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000


def test_versions_the_checkpoint_missed_are_restored_and_numbers_never_clash(agents, sandbox):
    a = agents()
    assert "v1 saved" in a.turn("t", PLATE).answer
    # A turn killed after its version folder was renamed into place, before the checkpoint write ...
    res = sandbox.run_script(BOX.format(45))
    a.sessions.save("t", 2, BOX.format(45), res.to_dict(), {"request": "run my script", "intent": "run_code",
                                                            "title": "box", "parent": 1})
    # ... and one killed between claiming v3 and writing it (an empty claim).
    (a.sessions.thread_dir("t") / "v3").mkdir()
    answer = a.turn("t", "go back to v1").answer
    assert "Restored v1 as a new version" in answer and "v3 saved" in answer
    state = state_of(a, "t")
    assert [v["version"] for v in state["versions"]] == [1, 2, 3]
    assert state["versions"][1]["size"] == pytest.approx([45, 20, 10])
    assert state["versions"][2]["size"] == pytest.approx([60, 40, 5])
    assert any("Restored v2 from the workspace" in text for _, text in a.messages("t"))


def test_version_numbers_are_claimed_atomically(tmp_path):
    store = SessionStore(tmp_path, jobs_root=tmp_path / "jobs")
    claimed: list[str] = []
    threads = [threading.Thread(target=lambda: claimed.append(store.claim("t", 1).name)) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed, key=lambda n: int(n[1:])) == [f"v{i}" for i in range(1, 17)]


def test_two_turns_at_once_on_one_thread_give_v1_and_v2(agents):
    a, b = agents(), agents()  # two agents on one workspace: two connections, two lock handles, as two processes
    start = threading.Barrier(2)
    events: dict[int, list] = {}

    def turn(i, agent, text):
        start.wait()
        events[i] = list(agent.stream("t", text))

    threads = [threading.Thread(target=turn, args=(0, a, PLATE)),
               threading.Thread(target=turn, args=(1, b, "a 30 x 20 mm plate, 4 mm thick"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    answers = sorted(next(e.data["answer"] for e in ev if e.node == "respond") for ev in events.values())
    assert any("v1 saved" in x for x in answers) and any("v2 saved" in x for x in answers)
    assert sum(any(e.node == "wait" for e in ev) for ev in events.values()) == 1
    state = state_of(a, "t")
    assert [v["version"] for v in state["versions"]] == [1, 2]
    assert sorted(tuple(v["size"]) for v in state["versions"]) == [(30, 20, 4), (60, 40, 5)]
    assert "v3 saved" in a.turn("t", "make it 10 mm longer").answer  # the thread goes on


def test_a_turn_is_refused_clearly_while_another_process_holds_the_thread(agents, tmp_path):
    a = agents(agent={"turn_wait_s": 0.3})
    lock = tmp_path / "ws" / "locks" / "t.lock"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom filelock import FileLock\n"
                               "held = FileLock(sys.argv[1])\nheld.acquire()\nprint('held', flush=True)\ntime.sleep(60)\n",
                               str(lock)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(TurnBusy, match="previous turn on this conversation is still running after 0.3 s; "
                                           "this message was not sent"):
            list(a.stream("t", PLATE))
    finally:
        holder.kill()  # kill -9 of the holder: the kernel drops its lock
        holder.wait()
    assert "v1 saved" in a.turn("t", PLATE).answer
    assert _numbers(a, "t") == [1]


def test_eight_sessions_at_once_each_see_only_their_own_versions(agents):
    a = agents()
    lengths = {f"s{i}": 20 + 5 * i for i in range(8)}
    errors: list[str] = []
    start = threading.Barrier(len(lengths))

    def session(sid, length):
        try:
            start.wait()
            assert "v1 saved" in a.turn(sid, f"a {length} x 30 mm plate, 4 mm thick").answer
            assert "v2 saved" in a.turn(sid, "make it 10 mm longer").answer
        except Exception as exc:  # noqa: BLE001 - collected, asserted below
            errors.append(f"{sid}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=session, args=item) for item in lengths.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for sid, length in lengths.items():
        versions = state_of(a, sid)["versions"]
        assert [v["version"] for v in versions] == [1, 2]
        assert [v["size"] for v in versions] == [pytest.approx([length, 30, 4]), pytest.approx([length + 10, 30, 4])]
        assert all(v["dir"].endswith(f"sessions/{sid}/v{v['version']}") for v in versions)


# -- the session store copies only regular files from a job folder ----------------------------------------
@pytest.fixture()
def job(tmp_path):
    jobs = tmp_path / "jobs"
    folder = jobs / "job-0001"
    folder.mkdir(parents=True)
    (folder / "part.step").write_text("ISO-10303-21; a real export\n")
    return SessionStore(tmp_path / "ws", jobs_root=jobs), folder


def _result(**artifacts) -> dict:
    return {"ok": True, "artifacts": {k: str(v) for k, v in artifacts.items()}, "shape_file": None, "report": None}


def test_the_session_store_copies_a_jobs_own_files(job):
    store, folder = job
    path = store.save("t", 1, "code", _result(step=folder / "part.step"), {})
    assert (path / "part.step").read_text() == "ISO-10303-21; a real export\n"


@pytest.mark.parametrize("forged", ["/etc/passwd", "/proc/self/environ", "escape", "symlink", "hardlink",
                                    "linked-job", "fifo"])
def test_the_session_store_refuses_forged_artifact_paths(job, tmp_path, forged):
    store, folder = job
    secret = tmp_path / "secret.txt"
    secret.write_text("API_KEY=do-not-copy")
    if forged.startswith("/"):
        src = forged
    elif forged == "escape":
        src = f"{folder}/../../secret.txt"
    elif forged == "symlink":
        src = folder / "part.glb"
        src.symlink_to("/etc/passwd")
    elif forged == "hardlink":
        src = folder / "part.stl"
        os.link(secret, src)
    elif forged == "linked-job":
        (folder.parent / "job-0002").symlink_to(tmp_path)
        src = folder.parent / "job-0002" / "secret.txt"
    else:
        src = folder / "part.stl"
        os.mkfifo(src)
    with pytest.raises(UnsafeArtifact, match="refused"):
        store.save("t", 1, "code", _result(step=folder / "part.step", glb=src), {})
    assert not (store.thread_dir("t") / "v1").exists()  # nothing half-written, no claim left
    copied = [p for p in store.root.rglob("*") if p.is_file()]
    assert not any("do-not-copy" in p.read_text(errors="replace") or "root:" in p.read_text(errors="replace")
                   for p in copied)
