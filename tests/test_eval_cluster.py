"""Evals on a local Dask cluster: the same rows and metrics as a local run; a dead worker loses only
its conversation, which is retried once or reported."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed", reason="the [server] extra (Dask) is not installed")

from cadagent.evals.cluster import ClusterError, client_for, parse_cluster, run_on_cluster  # noqa: E402
from cadagent.evals.conversations import load_all, select  # noqa: E402
from cadagent.evals.metrics import by_backend  # noqa: E402
from cadagent.evals.runner import Backend, close_agents, run_eval  # noqa: E402

from .conftest import ROOT  # noqa: E402


@pytest.mark.parametrize("spec,why", [("local:0", "worker count >= 1"), ("local:two", "worker count >= 1"),
                                      ("dask://x", "expected local:N"), ("8786", "expected local:N")])
def test_bad_cluster_addresses_are_refused(spec, why):
    with pytest.raises(ClusterError, match=why):
        parse_cluster(spec)


def test_unreachable_scheduler_is_said_plainly(tmp_path):
    from .test_cli import run

    p = run(["eval", str(ROOT / "evals" / "conversations"), "--filter", "plain-rod", "--cluster",
             "tcp://127.0.0.1:9", "--out", str(tmp_path / "r")], tmp_path)
    assert p.returncode == 2, p.stdout + p.stderr
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in p.stderr


class _Conv:
    def __init__(self, cid):
        self.id, self.category, self.path = cid, "c", f"{cid}.yaml"

    def to_dict(self):
        return {"id": self.id}


def test_a_dead_worker_loses_only_its_conversation(tmp_path):
    marker = tmp_path / "killed-once"

    def fake_conversation(conv_d, backend, settings, work, timeout):
        """'crash' kills every worker it runs on; 'flaky' kills the first one only."""
        import os as _os

        if conv_d["id"] == "crash" or (conv_d["id"] == "flaky" and not _os.path.exists(marker)):
            open(marker, "w").close()
            _os._exit(1)
        return {"backend": backend.name, "id": conv_d["id"], "turns": [], "passed": True, "error": None}

    recorded = []
    todo = [(Backend("offline", "offline"), _Conv(cid)) for cid in ("a", "crash", "flaky", "b")]
    run_on_cluster(todo, client_for("local:2"), None, str(tmp_path), 10.0, recorded.append, fake_conversation,
                   lambda: None)
    by_id = {r["id"]: r for r in recorded}
    assert set(by_id) == {"a", "crash", "flaky", "b"}
    assert by_id["a"]["passed"] and by_id["b"]["passed"] and by_id["flaky"]["passed"]   # retried
    assert not by_id["crash"]["passed"] and "worker process died" in by_id["crash"]["error"]


def _rows(results):
    return {r["id"]: [(t.get("passed"), [(c["check"], c["ok"], c["measured"]) for c in t.get("checks", [])])
                      for t in r["turns"]] for r in results}


def test_cluster_run_gives_the_same_rows_and_metrics_as_a_local_run(tmp_path, kb):
    import shutil

    from cadagent.config import load_settings

    convs = select(load_all([ROOT / "evals" / "conversations"]), filter="-iou")
    assert len(convs) >= 2
    shutil.copytree(kb.workspace / "kb", tmp_path / "ws" / "kb")   # the session's built store: no rebuild
    settings = load_settings(workspace=tmp_path / "ws")
    backends = [Backend.parse("offline")]
    local = run_eval(convs, backends, tmp_path / "local", settings, workers=1)
    close_agents()
    cluster = run_eval(convs, backends, tmp_path / "cluster", settings, cluster="local:2")
    assert _rows(cluster) == _rows(local)
    drop = ("latency_p50_s", "latency_p95_s")
    m_local, m_cluster = by_backend(local)["offline"]["overall"], by_backend(cluster)["offline"]["overall"]
    assert {k: v for k, v in m_cluster.items() if k not in drop} == {k: v for k, v in m_local.items() if k not in drop}
    # resuming skips the finished rows: nothing runs again, the same results come back
    again = run_eval(convs, backends, tmp_path / "cluster", settings, cluster="local:9")
    assert _rows(again) == _rows(cluster)
    assert len((tmp_path / "cluster" / "results.jsonl").read_text().splitlines()) == len(convs)
