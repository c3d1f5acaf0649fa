"""Installing CadAgent puts one name at the top of site-packages: ``cadagent``."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("agent", "tools", "knowledge", "ui", "evals", "bench", "finetune")


def test_no_module_imports_a_top_level_folder_by_its_bare_name():
    """``from tools.x import`` would work only from a checkout (and shadow others' ``tools``)."""
    bare = re.compile(rf"^\s*(from|import)\s+({'|'.join(FOLDERS)})(\.|\s|$)", re.M)
    offenders = []
    for path in [*ROOT.glob("*.py"), *(p for f in (*FOLDERS, "cadagent", "tests") for p in (ROOT / f).rglob("*.py"))]:
        for m in bare.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}: {m.group(0).strip()}")
    assert offenders == []


@pytest.mark.slow
def test_the_wheel_installs_only_the_cadagent_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("cadagent-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"cadagent"}
    # the mapped folders, their data files and the prompts are in it
    for must in ("cadagent/agent/nodes.py", "cadagent/tools/sandbox/zygote.py", "cadagent/agent/prompts/generate.md",
                 "cadagent/tools/part/data/threads.yaml", "cadagent/cli.py"):
        assert must in names, must
