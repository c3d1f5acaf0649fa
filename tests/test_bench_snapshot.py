"""bench/snapshot.py: a commit's engine unpacked and imported instead of the checkout's editable install (the runner
asserts that ``cadagent.agent`` comes from the snapshot; before, a snapshot's bench imported the checkout's engine)."""

import shutil
import subprocess

import pytest

from cadagent.bench import snapshot


@pytest.mark.skipif(shutil.which("git") is None or subprocess.run(
    ["git", "-C", str(snapshot.REPO), "rev-parse", "HEAD"], capture_output=True).returncode != 0,
    reason="needs the git checkout")
def test_a_snapshot_runs_its_own_code(tmp_path):
    dest = snapshot.unpack("HEAD", tmp_path / "snap")
    assert (dest / "pkg" / "cadagent" / "agent" / "offline" / "engine.py").is_file()
    assert not (dest / "agent").exists()
    # the runner fails (an assertion) unless cadagent.agent is imported from the snapshot
    assert snapshot.run(dest, "cadagent.bench.understand_bench", ["--help"]) == 0


class _TwoBoxes:
    """An engine whose one draft is two separate boxes (as a slot across a whole bar leaves)."""

    def draft(self, ctx):
        from types import SimpleNamespace
        code = ("import cadquery as cq\n"
                "result = cq.Workplane('XY').box(10, 10, 10).union(cq.Workplane('XY').box(10, 10, 10)"
                ".translate((30, 0, 0)))\n")
        return SimpleNamespace(code=code, spec={"body": {"kind": "box"}, "features": []}, note="two boxes", path="spec",
                               assumed=[])


def test_the_bench_never_counts_two_solids_as_one_part(sandbox):
    """As the agent's design node: a part that falls apart in two is no part (the bench marked it ok)."""
    from cadagent.bench.understand_bench import drive
    out = drive(_TwoBoxes(), sandbox, {"user": "a block", "expect": {"intent": "new_design"}}, [], [])
    assert out["ok"] is False and out["attempts"] == 3
