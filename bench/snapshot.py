"""Run a bench on the engine as it was at a commit, isolated from the editable install of the checkout.

    python -m cadagent.bench.snapshot COMMIT DIR -- userset /path/to/set --out report.md --json report.json

``git archive COMMIT`` is unpacked into DIR with the package folders moved under ``DIR/pkg/cadagent`` (the layout
setup.py installs), and the bench runs in a fresh interpreter whose import system no longer holds the editable
install's finder, so ``cadagent.*`` is the snapshot's code, not the checkout's. (Without this, a snapshot's
``python -m bench.understand_bench`` imported ``cadagent.tools`` from the checkout: two "snapshots" measured the same
engine.) Held-out sets are run this way, before and after, turn by turn.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

FOLDERS = ("agent", "tools", "knowledge", "ui", "evals", "bench", "finetune")
REPO = Path(__file__).resolve().parents[1]

_RUNNER = """
import runpy, sys
snap = sys.argv[1]
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in (getattr(f, "__module__", "") or "").lower()
                    and "editable" not in (getattr(f, "__name__", "") or "").lower()]
sys.path_hooks[:] = [h for h in sys.path_hooks if "Editable" not in repr(h)]
sys.path_importer_cache.clear()
for k in [k for k in sys.modules if k == "cadagent" or k.startswith("cadagent.")]:
    del sys.modules[k]
sys.path.insert(0, snap + "/pkg")
import cadagent.agent
assert cadagent.agent.__file__.startswith(snap), cadagent.agent.__file__
mod = sys.argv[2]
sys.argv = [mod] + sys.argv[3:]
runpy.run_module(mod, run_name="__main__", alter_sys=True)
"""


def unpack(commit: str, dest: Path) -> Path:
    """The commit's tree in ``dest`` (replaced), its packages under ``dest/pkg/cadagent``."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "pkg").mkdir(parents=True)
    data = subprocess.run(["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    shutil.move(str(dest / "cadagent"), str(dest / "pkg" / "cadagent"))
    for f in FOLDERS:
        if (dest / f).exists():
            shutil.move(str(dest / f), str(dest / "pkg" / "cadagent" / f))
    shared = REPO.parent / "shared"
    if shared.exists():
        (dest / "pkg" / "shared").symlink_to(shared)      # the Text2CAD samples, where bench paths look for them
    return dest


def run(dest: Path, module: str, args: list[str]) -> int:
    return subprocess.run([sys.executable, "-c", _RUNNER, str(dest), module, *args], cwd=dest).returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commit")
    ap.add_argument("dest", type=Path)
    ap.add_argument("--module", default="cadagent.bench.understand_bench")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="after --: the bench's own arguments (absolute paths)")
    a = ap.parse_args(argv)
    args = a.args[1:] if a.args[:1] == ["--"] else a.args
    dest = unpack(a.commit, a.dest.resolve())
    return run(dest, a.module, args)


if __name__ == "__main__":
    raise SystemExit(main())
