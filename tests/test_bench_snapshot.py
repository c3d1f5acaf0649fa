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
