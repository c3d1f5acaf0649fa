"""Mutation fuzzer: 320 broken CAD JSON documents. Every one gets validation errors or a clean
compile-and-run (a part or an error *result*), never a traceback, each within a time bound."""

from __future__ import annotations

import copy
import json
import random
import time


from cadagent.tools.cadjson import compile_doc, load_document

from .test_cadjson import BLOCK, ROUNDED_RECT, doc, part, rect

N_DOCS = 320
SEED = 20261122


def _bases() -> list[dict]:
    arcs = {**ROUNDED_RECT,
            "loop_2": {"circle_1": {"Center": [20, 10], "Radius": 4}}}
    multi = doc(part(rect(0, 0, 40, 20), towards=5),
                part(rect(10, 5, 30, 15), towards=10, origin=(0, 0, 5), op="JoinFeatureOperation"),
                part({"loop_1": {"circle_1": {"Center": [20, 10], "Radius": 3}}}, towards=0, opposite=15,
                     origin=(0, 0, 15), op="CutFeatureOperation"),
                part(rect(0, 0, 30, 20), towards=4, opposite=4, euler=(0, 0, -90), origin=(5, 10, 0),
                     op="IntersectFeatureOperation"))
    return [BLOCK, doc(part(arcs, towards=3)), multi]


def _paths(obj, prefix=()):
    """Every (container, key) location in the document."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield obj, k
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield obj, i
            yield from _paths(v, prefix + (i,))


def _numbers(obj):
    return [(c, k) for c, k in _paths(obj) if isinstance(c[k], (int, float)) and not isinstance(c[k], bool)]


WRONG = ["x", None, True, [], {}, [1], {"a": 1}, -1, 0, "NewBodyFeatureOperation"]
BAD_NUMBERS = [float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 0, -5, 1e-12, 10**30]


def mutate(rng: random.Random, d: dict) -> str:
    try:
        return _mutate(rng, copy.deepcopy(d))
    except (KeyError, TypeError, IndexError, AttributeError):  # an earlier mutation removed the target
        d = copy.deepcopy(d)
        d["colour"] = "blue"
        return json.dumps(d)


def _mutate(rng: random.Random, d: dict) -> str:
    op = rng.randrange(12)
    locs = list(_paths(d))
    if op == 0:  # drop a key
        c, k = rng.choice([(c, k) for c, k in locs if isinstance(c, dict)])
        del c[k]
    elif op == 1:  # wrong type
        c, k = rng.choice(locs)
        c[k] = rng.choice(WRONG)
    elif op == 2:  # bad number
        c, k = rng.choice(_numbers(d))
        c[k] = rng.choice(BAD_NUMBERS)
    elif op == 3:  # open a loop / move a point
        c, k = rng.choice(_numbers(d))
        c[k] = c[k] + rng.choice([0.5, -3, 1e-3, 100])
    elif op == 4:  # unknown operation
        ex = rng.choice(list(d["parts"].values()))["extrusion"]
        ex["operation"] = rng.choice(["Cut", "Subtract", "", "NewBody", 7])
    elif op == 5:  # deep nesting (built as text: json.dumps itself would recurse)
        depth = rng.choice([50, 1000, 20000])
        text = json.dumps(d)
        return text[:-1] + ', "nest": ' + "[" * depth + "]" * depth + "}"
    elif op == 6:  # megabyte strings, as a value or as a key
        c, k = rng.choice([(c, k) for c, k in locs if isinstance(c, dict)])
        if rng.random() < 0.5:
            c[k] = "A" * 1_000_000
        else:
            c["B" * 1_000_000] = c.pop(k)
    elif op == 7:  # rename a key
        c, k = rng.choice([(c, k) for c, k in locs if isinstance(c, dict)])
        c[rng.choice(["face_x", "start", "Loop_1", "part-1", "line_1 "])] = c.pop(k)
    elif op == 8:  # unknown key
        c, _ = rng.choice([(c, k) for c, k in locs if isinstance(c, dict)])
        c["colour"] = "blue"
    elif op == 9:  # a cut first / no body
        for p in d["parts"].values():
            p["extrusion"]["operation"] = rng.choice(["CutFeatureOperation", "IntersectFeatureOperation"])
    elif op == 10:  # empty containers
        c, k = rng.choice([(c, k) for c, k in locs if isinstance(c[k], (dict, list))])
        c[k] = type(c[k])()
    else:  # several mutations at once
        for _ in range(3):
            text = mutate(rng, d)
            try:
                d = json.loads(text)
            except (RecursionError, ValueError):
                return text  # too deep to mutate further: that is the test case
            if not isinstance(d, dict) or not isinstance(d.get("parts"), dict) or not d["parts"]:
                return text
    return json.dumps(d)
    return json.dumps(d)


def test_mutation_fuzzer(sandbox):
    rng = random.Random(SEED)
    bases = _bases()
    outcomes = {"invalid": 0, "built": 0, "run_error": 0}
    slowest = 0.0
    for i in range(N_DOCS):
        text = mutate(rng, rng.choice(bases))
        t0 = time.monotonic()
        cad, problems, _ = load_document(text)
        if cad is None:
            errors = [p for p in problems if p.severity == "error"]
            assert errors, f"doc {i}: rejected without an error"
            assert all(p.path.startswith("$") and p.message for p in errors)
            assert all(len(str(p)) < 2000 for p in errors), "messages must stay readable"
            outcomes["invalid"] += 1
        else:
            res = sandbox.run_script(compile_doc(cad), exports=(), timeout=10)
            if res.ok:
                outcomes["built"] += 1
            else:
                assert res.error.type in ("runtime", "not_a_solid", "timeout", "crash"), res.error
                outcomes["run_error"] += 1
        elapsed = time.monotonic() - t0
        slowest = max(slowest, elapsed)
        assert elapsed < 15, f"doc {i} took {elapsed:.1f} s"
    print(f"fuzz outcomes: {outcomes}, slowest {slowest:.2f} s")
    assert sum(outcomes.values()) == N_DOCS
    assert outcomes["invalid"] > N_DOCS // 2 and outcomes["built"] > 10, outcomes
