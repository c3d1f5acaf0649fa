"""Every README snippet runs: the Python blocks and the tour's commands."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PY_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)
TOUR = [line.split("#")[0].strip() for block in re.findall(r"```bash\n(.*?)```", README, re.S)
        for line in block.splitlines() if line.startswith(".venv/bin/cadagent")]


@pytest.mark.parametrize("block", PY_BLOCKS)
def test_python_snippet(block, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "assert " in block, "README snippets check their own results"
    exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102


@pytest.fixture(scope="module")
def tour_dir(tmp_path_factory):
    """One folder for the whole tour, in order: later lines use what earlier ones wrote (out/plate)."""
    folder = tmp_path_factory.mktemp("tour")
    (folder / "examples").symlink_to(ROOT / "examples")
    (folder / "evals").symlink_to(ROOT / "evals")
    return folder


def test_the_tour_has_commands():
    assert len(TOUR) >= 5


@pytest.mark.parametrize("line", TOUR)
def test_tour_command(line, tour_dir):
    """Each line on its own clock (the whole tour is a few minutes on a loaded machine)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = shlex.split(line)[1:]
    if args[0] == "bench":
        args.append("--help")  # the full benchmark takes a minute; `make bench` runs it
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", *args], cwd=tour_dir, env=env,
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180)
    expected = 1 if "not_a_solid" in line else 0
    assert p.returncode == expected, f"{line}\n{p.stdout}\n{p.stderr}"
    assert "Traceback" not in p.stderr, line
