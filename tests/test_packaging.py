"""Installing CadAgent puts one name at the top of site-packages: ``cadagent``."""

from __future__ import annotations

import re
import shutil
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


def test_package_data_is_read_under_the_import_root():
    """``resources.files("agent")`` finds the folder only from a checkout; installed, it is cadagent.agent."""
    bare = re.compile(rf"resources\.files\(\s*[\"']({'|'.join(FOLDERS)})[\"']")
    offenders = [f"{p.relative_to(ROOT)}" for f in (*FOLDERS, "cadagent") for p in (ROOT / f).rglob("*.py")
                 if bare.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.slow
def test_the_wheel_installs_only_the_cadagent_package(tmp_path):
    # build from a copy of the tracked files: setuptools writes build/ and *.egg-info beside the sources
    src = tmp_path / "src"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in tracked.splitlines():
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(src)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("cadagent-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"cadagent"}
    # the mapped folders, their data files and the prompts are in it
    for must in ("cadagent/agent/runtime.py", "cadagent/tools/sandbox/zygote.py", "cadagent/agent/prompts/generate.md",
                 "cadagent/tools/part/data/threads.yaml", "cadagent/cli.py"):
        assert must in names, must
