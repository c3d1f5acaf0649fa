"""Server mode against real servers: a Postgres (one on 127.0.0.1:5432, or Debian's binaries started
here) and a Chroma server (``chroma run``) started by the test. They skip, with the reason, when
neither can be had; ``.ci/run`` makes sure a Postgres is there in CI.

The agent processes are real ones (:data:`DRIVER`), each with a workspace of its own and one shared
files folder, so only Postgres can keep their turns apart and their version numbers unique."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cadagent.bench.servers import ChromaServer, Postgres, Unavailable

from .conftest import ROOT

PLATE = "a 60 x 40 mm plate, 5 mm thick"
SPIN = "import cadquery as cq\nwhile True:\n    pass\nresult = cq.Workplane().box(1, 1, 1)\n"

# One agent process: a JSON command a line on stdin ({"thread", "message", "code"?}), a JSON answer a
# line on stdout (the turn's events, then the thread's versions as this process reads them).
DRIVER = r'''
import json, sys
from cadagent.agent.contract import Message, RunCode
from cadagent.agent.runtime import Agent
from cadagent.config import load_settings
agent = Agent(load_settings())
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    cmd = json.loads(line)
    try:
        events, result = [], None
        for e in agent.stream(cmd["thread"], RunCode(cmd["code"]) if cmd.get("code") else Message(cmd["message"])):
            events.append([e.node, e.text])
            result = e.result or result
        versions = agent.versions(cmd["thread"])
        print(json.dumps({"events": events, "saved": result.version.number if result and result.version else None,
                          "answer": result.answer if result else "", "versions": [v.number for v in versions],
                          "sizes": {v.number: v.size for v in versions}}), flush=True)
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
agent.close()
'''


@pytest.fixture(scope="module")
def pg_url():
    try:
        with Postgres() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(f"no Postgres to test against: {exc}")


@pytest.fixture(scope="module")
def kb_url(kb, tmp_path_factory):
    """A Chroma server started here, serving a copy of the session's embedded store (built once)."""
    served = tmp_path_factory.mktemp("served") / "chroma"
    shutil.copytree(kb.store.path, served)
    try:
        with ChromaServer(served) as url:
            yield url
    except Unavailable as exc:
        pytest.skip(f"no Chroma server to test against: {exc}")


class AgentProcess:
    def __init__(self, tmp: Path, name: str, url: str, kb_url: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CADAGENT_WORKSPACE": str(tmp / f"ws-{name}"),
               "CADAGENT_FILES": str(tmp / "files"), "CADAGENT_CHECKPOINT_URL": url, "CADAGENT_KB_URL": kb_url,
               "CADAGENT_SANDBOX__WORKERS": "1"}
        self.proc = subprocess.Popen([sys.executable, "-c", DRIVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=tmp, env=env)

    def ready(self) -> None:
        line = self.proc.stdout.readline()
        assert line, f"the agent process did not start: {self.proc.stderr.read()[-2000:]}"
        assert json.loads(line) == {"ready": True}

    def send(self, thread: str, message: str, code: str | None = None) -> None:
        self.proc.stdin.write(json.dumps({"thread": thread, "message": message, "code": code}) + "\n")
        self.proc.stdin.flush()

    def answer(self) -> dict:
        line = self.proc.stdout.readline()
        assert line, f"the agent process died: {self.proc.stderr.read()[-2000:]}"
        return json.loads(line)

    def turn(self, thread: str, message: str) -> dict:
        self.send(thread, message)
        return self.answer()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # its sandbox's processes die with it (PR_SET_PDEATHSIG)
        self.proc.wait()


@pytest.fixture(scope="module")
def agent_processes(tmp_path_factory, pg_url, kb_url):
    """Two agent processes for the module (each start loads the agent, its sandbox and the embedder), with
    their shared files folder; the kill -9 test ends the first one, so it comes last."""
    tmp = tmp_path_factory.mktemp("agents")
    made = [AgentProcess(tmp, name, pg_url, kb_url) for name in ("a", "b")]
    for p in made:  # started together, waited for together
        p.ready()
    yield made, tmp / "files"
    for p in made:
        p.kill()


def _saved(answer: dict) -> list[int]:
    """The version the turn saved, as a list (empty when it saved none)."""
    assert "error" not in answer, answer["error"]
    return [answer["saved"]] if answer["saved"] is not None else []


def test_two_agent_processes_on_one_thread_serialise_their_turns_and_give_v1_and_v2(agent_processes, pg_url):
    from cadagent.agent.pg import Postgres as Db

    (a, b), files = agent_processes
    db = Db(pg_url)
    try:
        held = db.turn_lock("shared")  # the test holds the thread: both turns must queue behind it
        assert held.try_acquire()
        a.send("shared", PLATE)
        b.send("shared", "a 30 x 20 mm plate, 4 mm thick")
        time.sleep(1.5)
        assert not list((files / "sessions").glob("shared/v*")), "a turn ran while the thread was held"
        held.release()
        answers = [a.answer(), b.answer()]
        assert sorted(_saved(answers[0]) + _saved(answers[1])) == [1, 2]
        assert all(any(node == "wait" for node, _ in ans["events"]) for ans in answers)  # both said they waited
        assert db.claimed("shared") == [1, 2]
        folders = sorted(p.name for p in (files / "sessions" / "shared").iterdir())
        assert folders == ["v1", "v2"] and all((files / "sessions" / "shared" / f / "report.json").is_file()
                                               for f in folders)
        # the process that made v1 resumes the thread from v2, which the other one wrote
        first = a if _saved(answers[0]) == [1] else b
        v2 = (answers[1] if first is a else answers[0])["sizes"]["2"]
        last = first.turn("shared", "make it 8 mm thick")
        assert _saved(last) == [3] and last["versions"] == [1, 2, 3]
        assert last["sizes"]["3"] == pytest.approx([v2[0], v2[1], 8.0], abs=1e-6)
    finally:
        db.close()


def test_kill_9_mid_turn_and_the_other_process_goes_on_with_nothing_lost(agent_processes, pg_url):
    import psycopg

    (a, b), files = agent_processes
    assert _saved(a.turn("killed", PLATE)) == [1]
    jobs_before = set((files / "jobs").glob("job-*"))
    a.send("killed", "run my script", code=SPIN)
    deadline = time.monotonic() + 60
    while not (set((files / "jobs").glob("job-*")) - jobs_before):  # its job is running
        assert time.monotonic() < deadline, "the spinning turn never started its job"
        time.sleep(0.05)
    with psycopg.connect(pg_url, autocommit=True) as conn:  # it holds the thread's turn lock
        held = conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted").fetchone()[0]
    assert held >= 1
    a.proc.send_signal(signal.SIGKILL)
    a.proc.wait()
    # the server drops the dead client's session, and its advisory lock with it, once it notices the connection is
    # gone (under load that takes a moment): the lock must go by itself, with nobody releasing it
    deadline = time.monotonic() + 15
    with psycopg.connect(pg_url, autocommit=True) as conn:
        while conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted").fetchone()[0]:
            assert time.monotonic() < deadline, "the killed process's turn lock was never released"
            time.sleep(0.1)
    t0 = time.monotonic()
    answer = b.turn("killed", "make it 10 mm longer")
    assert time.monotonic() - t0 < 30
    assert _saved(answer) == [2], answer
    assert not any(node == "wait" for node, _ in answer["events"])  # the dead process's lock went with it
    assert answer["versions"] == [1, 2]
    assert answer["sizes"]["2"][0] == pytest.approx(70.0, abs=1e-6)
    assert answer["sizes"]["1"][0] == pytest.approx(60.0, abs=1e-6)


OPEN = "import sys; from cadagent.agent.pg import Postgres; db = Postgres(sys.argv[1]); print(db.claim('t', 1)); db.close()"


def test_six_processes_opening_a_fresh_database_at_once_set_it_up_once_and_take_distinct_numbers(pg_url):
    """The setup lock is polled: waiting on it would deadlock with the saver's CREATE INDEX CONCURRENTLY."""
    import psycopg

    base, fresh = pg_url.rsplit("/", 1)[0], f"{pg_url.rsplit('/', 1)[1]}_fresh"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{fresh}"')
    try:
        procs = [subprocess.Popen([sys.executable, "-c", OPEN, f"{base}/{fresh}"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
                 for _ in range(6)]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, [err[-300:] for _, err in outs]
        assert sorted(int(out) for out, _ in outs) == [1, 2, 3, 4, 5, 6]
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_an_unreachable_postgres_is_said_at_start_with_no_fallback(tmp_path):
    from cadagent.agent.runtime import Agent, WorkspaceError
    from cadagent.bench.servers import free_port
    from cadagent.config import load_settings

    url = f"postgresql://cad:secret@127.0.0.1:{free_port()}/cad"
    with pytest.raises(WorkspaceError, match=r"cannot use the Postgres database postgresql://cad:\*\*\*@127\.0\.0\.1") \
            as info:
        Agent(load_settings(workspace=tmp_path / "ws", checkpoint_url=url), kb=None)
    assert "secret" not in str(info.value)
    assert not (tmp_path / "ws" / "checkpoints.sqlite").exists()  # no silent SQLite instead



def test_a_database_gone_between_turns_is_said_at_the_next_turn(sandbox, kb, tmp_path):
    import psycopg

    from cadagent.agent.runtime import Agent, WorkspaceError
    from cadagent.config import load_settings

    try:
        server = Postgres()
        url = server.__enter__()  # a database of this test's own, dropped under the running agent
    except Unavailable as exc:
        pytest.skip(f"no Postgres to test against: {exc}")
    try:
        agent = Agent(load_settings(workspace=tmp_path / "ws", checkpoint_url=url), kb=kb, sandbox=sandbox)
        try:
            assert agent.turn("gone", PLATE).version.number == 1
            base, name = url.rsplit("/", 1)
            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            with pytest.raises(WorkspaceError, match=rf"cannot use the Postgres database {base}/{name} \(.*does not "
                                                     r"exist\)\. Start the server, or fix CADAGENT_CHECKPOINT_URL"):
                agent.turn("gone", "make it 10 mm longer")
        finally:
            agent.close()
    finally:
        server.__exit__(None, None, None)


# -- the knowledge base on a Chroma server ----------------------------------------------------------
QUERIES = ("flange with 6 bolt holes", "spur gear with 20 teeth", "L bracket with two mounting holes",
           "enclosure box with a lid", "fillet failed on an edge")


def _cli(args: list[str], env: dict[str, str], monkeypatch):
    from typer.testing import CliRunner

    from cadagent.cli import app

    for key in ("CADAGENT_CHECKPOINT_URL", "CADAGENT_KB_URL", "CADAGENT_FILES"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return CliRunner().invoke(app, args)


def test_a_chroma_server_gives_the_same_top_hits_as_the_embedded_store(kb, kb_url, embedder, tmp_path):
    from cadagent.knowledge.search import KnowledgeBase

    served = KnowledgeBase(tmp_path / "ws", embedder=embedder, store_url=kb_url)
    assert served.store.url == kb_url and served.store.count() == kb.store.count() > 100
    for query in QUERIES:
        for mode in ("vector", "hybrid"):
            want = kb.search(query, k=5, mode=mode)
            got = served.search(query, k=5, mode=mode)
            assert [h.id for h in got] == [h.id for h in want] and len(got) == 5, (query, mode)
            assert [h.score for h in got] == pytest.approx([h.score for h in want], abs=1e-6)
    assert not (tmp_path / "ws" / "kb").exists()  # nothing was kept locally


def test_kb_build_url_writes_into_the_chroma_server(kb_url, tmp_path, monkeypatch):
    from cadagent.knowledge.store import COLLECTION, server_client

    col = server_client(kb_url).get_collection(COLLECTION)
    total = col.count()
    gone = col.get(limit=3)["ids"]
    col.delete(ids=gone)
    assert col.count() == total - 3
    res = _cli(["kb", "build", "--no-verify", "--url", kb_url], {"CADAGENT_WORKSPACE": str(tmp_path / "ws")},
               monkeypatch)
    assert res.exit_code == 0, res.output
    assert f"store {kb_url}" in res.output
    assert f"3 added, 0 updated, 0 removed, {total - 3} unchanged (3 embedded)" in res.output
    assert col.count() == total and set(gone) <= set(col.get(ids=gone)["ids"])
    assert not (tmp_path / "ws" / "kb").exists()


def test_an_unreachable_chroma_server_is_said_and_nothing_local_is_used_instead(tmp_path, monkeypatch):
    from cadagent.bench.servers import free_port

    url = f"http://127.0.0.1:{free_port()}"
    env = {"CADAGENT_WORKSPACE": str(tmp_path / "ws")}
    res = _cli(["kb", "build", "--no-verify", "--url", url], env, monkeypatch)
    assert res.exit_code == 2
    assert f"cannot reach the Chroma server at {url}" in res.output and "chroma run --path" in res.output
    res = _cli(["kb", "search", "flange"], {**env, "CADAGENT_KB_URL": url}, monkeypatch)
    assert res.exit_code == 2 and f"cannot reach the Chroma server at {url}" in res.output
    assert not (tmp_path / "ws" / "kb").exists()  # no silent fallback to an embedded store
    res = _cli(["kb", "build", "--url", "ftp://example.org/kb"], env, monkeypatch)
    assert res.exit_code == 2 and "expected a folder or http://host:port of a Chroma server" in res.output


def test_doctor_says_which_backend_each_store_uses_and_whether_it_is_reachable(pg_url, kb_url, tmp_path,
                                                                              monkeypatch):
    from cadagent.bench.servers import free_port

    env = {"CADAGENT_WORKSPACE": str(tmp_path / "ws"), "CADAGENT_FILES": str(tmp_path / "files"),
           "CADAGENT_CHECKPOINT_URL": pg_url, "CADAGENT_KB_URL": kb_url}
    res = _cli(["doctor"], env, monkeypatch)
    assert res.exit_code == 0, res.output
    lines = {line.split()[0]: line for line in res.output.split("stores:")[1].strip().splitlines()}
    assert "postgres" in lines["checkpoints"] and ": ok (PostgreSQL " in lines["checkpoints"]
    assert "postgres" in lines["turn"]
    assert f"chroma server   {kb_url}: ok (" in lines["knowledge"] and "records)" in lines["knowledge"]
    assert f"{tmp_path / 'files'}: ok (versions and jobs" in lines["files"]
    down = f"postgresql://cad:secret@127.0.0.1:{free_port()}/cad"
    res = _cli(["doctor"], {**env, "CADAGENT_CHECKPOINT_URL": down}, monkeypatch)
    assert res.exit_code == 1
    assert "UNREACHABLE (cannot use the Postgres database postgresql://cad:***@" in res.output
    assert "secret" not in res.output
    from cadagent.agent.backends import checks
    from cadagent.config import load_settings

    for key in ("CADAGENT_CHECKPOINT_URL", "CADAGENT_KB_URL", "CADAGENT_FILES"):
        monkeypatch.delenv(key)
    embedded = {c.store: c for c in checks(load_settings(workspace=tmp_path / "ws2"))}  # the default
    assert [(c.backend, c.ok) for c in embedded.values()] == [("sqlite", True), ("file locks", True),
                                                               ("chroma folder", True), ("folder", True)]
    assert embedded["checkpoints"].where == str(tmp_path / "ws2" / "checkpoints.sqlite")


def test_store_urls_are_checked_when_the_settings_are_read(tmp_path):
    from cadagent.agent.checkpoints import sqlite_path
    from cadagent.config import load_settings

    with pytest.raises(ValueError, match="expected a SQLite file path or postgresql://user:password@host:port/"
                                         "dbname, got a mysql:// URL"):
        load_settings(checkpoint_url="mysql://db/cad")
    with pytest.raises(ValueError, match="expected a folder or http://host:port of a Chroma server"):
        load_settings(kb_url="http://")
    settings = load_settings(workspace=tmp_path / "ws")
    assert settings.checkpoint_url is None and settings.kb_url is None and settings.files_dir() == tmp_path / "ws"
    assert sqlite_path(None, tmp_path / "ws") == tmp_path / "ws" / "checkpoints.sqlite"
    assert sqlite_path(f"sqlite://{tmp_path}/c.db", tmp_path / "ws") == tmp_path / "c.db"
    with load_settings(files=tmp_path / "shared").sandbox_factory() as sandbox:
        assert sandbox.jobs_root == (tmp_path / "shared" / "jobs").resolve()


def test_a_connection_lost_mid_turn_reads_as_the_database_being_unusable():
    import psycopg
    from psycopg_pool import PoolTimeout

    from cadagent.agent.pg import BackendUnavailable, fault

    url = "postgresql://cad:secret@db.example:5432/cad"
    lost = fault(psycopg.OperationalError("server closed the connection unexpectedly"), url)
    assert isinstance(lost, BackendUnavailable)
    assert str(lost).startswith("cannot use the Postgres database postgresql://cad:***@db.example:5432/cad (server "
                                "closed the connection unexpectedly). Start the server")
    assert isinstance(fault(PoolTimeout("couldn't get a connection after 30.00 sec"), url), BackendUnavailable)
    assert fault(ValueError("a bug"), url) is None
    assert fault(psycopg.OperationalError("x"), "/tmp/checkpoints.sqlite") is None
