"""Throwaway servers for the server-mode tests and ``cadagent bench server``: a Postgres (one already
listening on 127.0.0.1:5432, or Debian's binaries started in a temp folder) and a Chroma server
(``chroma run``, which ships in the chromadb wheel). Each gives a URL and cleans up after itself;
:class:`Unavailable` says why one cannot be had."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

READY_S = 30.0


class Unavailable(RuntimeError):
    """The server cannot be had on this machine (the reason is the message)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def pg_bin(name: str) -> str | None:
    """A PostgreSQL program: on PATH, or under Debian's /usr/lib/postgresql/<version>/bin (newest)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return candidates[-1] if candidates else None


class Postgres:
    """``with Postgres() as url:`` a fresh database on a reachable Postgres, dropped afterwards."""

    def __init__(self) -> None:
        self.url: str | None = None
        self._dir: Path | None = None
        self._pg_ctl: list[str] | None = None
        self._admin: str | None = None
        self._db: str | None = None

    def __enter__(self) -> str:
        try:
            import psycopg
        except ImportError as exc:
            raise Unavailable("psycopg is not installed (pip install -e '.[server]')") from exc
        admin = "postgresql://postgres@127.0.0.1:5432/postgres"
        if not (_listening(5432) and self._usable(admin)):
            admin = self._start()
        self._admin = admin
        self._db = f"cadagent_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self._db}"')
        self.url = admin.rsplit("/", 1)[0] + "/" + self._db
        return self.url

    @staticmethod
    def _usable(url: str) -> bool:
        import psycopg

        try:
            psycopg.connect(url, connect_timeout=3).close()
            return True
        except psycopg.Error:
            return False

    def _start(self) -> str:
        initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
        if not (initdb and pg_ctl):
            raise Unavailable("no Postgres on 127.0.0.1:5432 and no initdb / pg_ctl (Debian: apt-get install "
                              "postgresql)")
        self._dir = Path(tempfile.mkdtemp(prefix="cadagent-pg-"))
        as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
            import pwd

            runuser = shutil.which("runuser")
            if not runuser:
                raise Unavailable("running as root and runuser is missing (needed to start Postgres as postgres)")
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise Unavailable("running as root and there is no postgres user to run Postgres as") from exc
            os.chown(self._dir, pw.pw_uid, pw.pw_gid)
            as_user = [runuser, "-u", "postgres", "--"]
        port = free_port()
        data = self._dir / "data"
        init = subprocess.run([*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                              capture_output=True, text=True)
        if init.returncode != 0:
            raise Unavailable(f"initdb failed: {init.stderr.strip()[-300:]}")
        self._pg_ctl = [*as_user, pg_ctl, "-D", str(data)]
        opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {self._dir} -c fsync=off -c max_connections=200"
        start = subprocess.run([*self._pg_ctl, "-w", "-t", str(int(READY_S)), "-l", str(self._dir / "log"),
                                "-o", opts, "start"], capture_output=True, text=True)
        if start.returncode != 0:
            log = (self._dir / "log").read_text(errors="replace")[-300:] if (self._dir / "log").exists() else ""
            raise Unavailable(f"pg_ctl start failed: {start.stderr.strip()[-300:]} {log}")
        return f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def __exit__(self, *exc) -> None:
        import psycopg

        if self._pg_ctl is not None:
            subprocess.run([*self._pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        elif self._admin and self._db:
            try:
                with psycopg.connect(self._admin, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{self._db}" WITH (FORCE)')
            except psycopg.Error:
                pass
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)


class ChromaServer:
    """``with ChromaServer(path) as url:`` ``chroma run`` on a free port, serving the store in ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> str:
        exe = Path(sys.executable).with_name("chroma")
        exe = str(exe) if exe.exists() else shutil.which("chroma")
        if not exe:
            raise Unavailable("the `chroma` command is missing (it ships in the chromadb wheel)")
        port = free_port()
        self.path.mkdir(parents=True, exist_ok=True)
        self._log = open(self.path.parent / f"chroma-{port}.log", "wb")
        self.proc = subprocess.Popen([exe, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port",
                                      str(port)], stdout=self._log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        deadline = time.monotonic() + READY_S
        while not _listening(port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise Unavailable(f"`chroma run` did not start listening on port {port}")
            time.sleep(0.05)
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "_log", None):
            self._log.close()
