"""Every knowledge-base example runs in the sandbox and matches its declared bbox — every run."""

from __future__ import annotations

import pytest

from cadagent.knowledge.library import load_library
from cadagent.knowledge.verify import verify_example

ENTRIES, PROBLEMS = load_library()
EXAMPLES = [e for e in ENTRIES if e.kind == "example"]


def test_library_loads_cleanly():
    assert PROBLEMS == []
    assert len(EXAMPLES) >= 80
    families = {e.family for e in EXAMPLES}
    assert len(families) >= 15
    for needed in ("plates", "brackets", "enclosures", "standoffs", "washers", "flanges", "shafts", "pulleys",
                   "gears", "bearings", "hinges", "clips", "knobs", "pipe-fittings", "heat-sinks", "pcb-mounts",
                   "cable-clips", "holes", "revolve-loft-sweep", "patterns", "shells", "text"):
        assert needed in families, needed
    assert len({e.id for e in EXAMPLES}) == len(EXAMPLES)
    assert sum(e.kind == "doc" for e in ENTRIES) >= 10
    assert sum(e.kind == "error_fix" for e in ENTRIES) >= 10


@pytest.mark.parametrize("entry", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example_runs_and_matches_bbox(sandbox, entry):
    verdict = verify_example(entry, sandbox, timeout=30)
    assert verdict.ok, verdict.message
