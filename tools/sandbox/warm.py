"""What the zygote does once, before it forks anything: import and warm up CadQuery."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from . import isolate

SPARE_PREFIX = "cadagent-spare-"
STALE_S = 600      # a warm-up folder without a pid (an older release's) this old is left over


def preload() -> None:
    """Import everything a job needs: a job reads no Python file (it may not: Landlock and the
    unprivileged user keep it out of the project tree and a private interpreter folder)."""
    import cmath, collections.abc, copy, dataclasses, decimal, encodings.idna, enum, fractions  # noqa: F401,E401
    import functools, itertools, math, random, statistics, typing, traceback, linecache  # noqa: F401,E401

    import cadquery  # noqa: F401
    import numpy.linalg, numpy.random  # noqa: F401,E401
    import OCP.BOPAlgo  # noqa: F401
    import OCP.BRepCheck  # noqa: F401

    from ..geometry import export, iou, report, shapes  # noqa: F401
    from . import guards, hints, job, payload, screen  # noqa: F401

    hints._rules()
    isolate.seccomp_rules()


def thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def warm_up() -> None:
    """Pay the kernel's and CadQuery's first-call costs once, here, instead of in every job.

    Only operations that start no OCCT worker threads (no booleans, no meshing): a parent
    with threads can hand a deadlocked lock to its forked children. Checked by the caller.
    """
    import cadquery as cq

    from ..geometry.report import measure
    from ..geometry.shapes import load_shape, to_shape

    tmp = tempfile.mkdtemp(prefix="cadagent-warmup-")
    try:
        for shape in (to_shape(cq.Workplane("XY").box(10, 10, 10)),
                      to_shape(cq.Workplane("XY").circle(5).extrude(3)),
                      to_shape(cq.Workplane("XY").polyline([(0, 0), (4, 0), (4, 3)]).close()
                               .extrude(2))):
            measure(shape)
            shape.exportBrep(os.path.join(tmp, "w.brep"))
            measure(to_shape(load_shape(os.path.join(tmp, "w.brep"))))
            cq.exporters.export(shape, os.path.join(tmp, "w.step"), exportType="STEP")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def warm_spare(kind: str) -> None:
    """Pay a fresh process's first-call costs (page copies, kernel set-up) while it waits for
    its job, off the job's clock. Trusted code only; a spare may start threads (it never forks
    again). Best effort: a failure here only means a slower first call."""
    import cadquery as cq

    from ..geometry.export import export
    from ..geometry.report import measure
    from ..geometry.shapes import load_shape, to_shape

    # the folder carries the spare's pid: a spare killed while it warms (it may be, at any time)
    # cannot remove it, so the next zygote does (sweep_spare_dirs)
    tmp = tempfile.mkdtemp(prefix=f"{SPARE_PREFIX}{os.getpid()}-")
    try:
        shape = to_shape(cq.Workplane("XY").box(20, 10, 5))
        shape.exportBrep(os.path.join(tmp, "w.brep"))
        if kind == "measure":
            shape = to_shape(load_shape(os.path.join(tmp, "w.brep")))
            measure(shape)
            export(shape, tmp, "w", ["step", "stl", "glb"])
    except Exception:  # noqa: BLE001
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_spare_dirs(root: str | None = None) -> int:
    """Remove the warm-up folders of spares that are gone (killed mid warm-up); returns how many."""
    removed = 0
    base = Path(root or tempfile.gettempdir())
    for path in base.glob(SPARE_PREFIX + "*"):
        m = re.fullmatch(re.escape(SPARE_PREFIX) + r"(\d+)-\w+", path.name)
        try:
            if path.is_symlink() or not path.is_dir() or path.stat().st_uid != os.getuid():
                continue
            stale = (not _alive(int(m.group(1)))) if m else time.time() - path.stat().st_mtime > STALE_S
        except OSError:
            continue
        if stale:
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed
