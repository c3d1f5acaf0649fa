"""Eval conversations on a Dask cluster: ``--cluster local:N`` starts one on this machine,
``--cluster tcp://scheduler:8786`` uses a running scheduler (``dask scheduler`` / ``dask worker``).

Each conversation is one task running the very same ``run_conversation`` as the process pool, so a
cluster run writes the same rows and the same report. A worker that dies takes only its
conversation with it: the scheduler gives the task to another worker once (``allowed-failures``),
and a conversation that kills a second worker is reported as failed with the reason, while the
others finish. A remote scheduler should run with the same two settings (see ``client_for``).

Dask runs tasks in worker threads, where the per-turn SIGALRM timeout cannot fire: on a cluster a
turn is bounded by the sandbox's own hard limits and the provider's timeouts only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable

ALLOWED_FAILURES = 1   # worker deaths a conversation may cause before it is reported as failed


class ClusterError(RuntimeError):
    """The cluster address is wrong or the scheduler cannot be reached (said plainly)."""


def parse_cluster(spec: str) -> tuple[str, int | str]:
    """``local:N`` → ("local", N); ``tcp://host:port`` → ("remote", address)."""
    if spec.startswith("local:"):
        count = spec.partition(":")[2]
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--cluster {spec!r}: local:N needs a worker count >= 1, e.g. local:2")
        return "local", int(count)
    if spec.startswith(("tcp://", "tls://")):
        return "remote", spec
    raise ClusterError(f"--cluster {spec!r}: expected local:N (workers on this machine) or "
                       "tcp://HOST:PORT (a running Dask scheduler)")


def _worker_setup() -> None:
    """Workers share the cores: one math thread each (torch would start one per core)."""
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)


def client_for(spec: str):
    """A ``distributed.Client`` (and the LocalCluster it owns, if any)."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("evals on a cluster need Dask: pip install -e '.[server]'") from exc
    kind, where = parse_cluster(spec)
    # one conversation per worker thread at a time (no queue on the worker): a worker's death then
    # counts against the conversation it was running only, never against the ones waiting behind it
    dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                     "distributed.scheduler.worker-saturation": 1.0})
    if kind == "local":
        cluster = LocalCluster(n_workers=int(where), threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    else:
        cluster = None
        try:
            client = Client(str(where), timeout="10s")
        except OSError as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {where}: {exc}. Is `dask scheduler` "
                               "running there, and are workers connected?") from exc
    client.run(_worker_setup)
    return client, cluster


def run_on_cluster(todo, connection, settings, work: str, turn_timeout: float,
                   record: Callable[[dict], None], run_conversation, close_agents) -> None:
    """Run every (backend, conversation) of ``todo`` as a task on ``connection`` (what
    ``client_for`` returned; closed here); ``record`` each result as it lands."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    client, cluster = connection
    try:
        futures = {}
        run = uuid.uuid4().hex[:8]
        for b, c in todo:
            fut = client.submit(run_conversation, c.to_dict(), b, settings, work, turn_timeout,
                                key=f"conv-{run}-{b.name}-{c.id}", pure=False)
            futures[fut] = (b, c)
        for fut in as_completed(list(futures)):
            b, c = futures[fut]
            try:
                record(fut.result())
            except KilledWorker:
                record({"backend": b.name, "id": c.id, "category": c.category, "path": c.path, "turns": [],
                        "passed": False, "seconds": 0,
                        "error": "the worker process died while running this conversation "
                                 f"({ALLOWED_FAILURES + 1} times)"})
    finally:
        try:
            client.run(close_agents)   # each worker's agents and their sandbox processes
        except Exception:  # noqa: BLE001 - a dead worker has nothing left to close
            pass
        client.close()
        if cluster is not None:
            cluster.close()
