"""Knowledge base: headers, user examples, the Chroma store (idempotent, recoverable) and search."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from cadagent.knowledge.evaluate import evaluate, load_queries
from cadagent.knowledge.library import HeaderError, load_library, parse_example
from cadagent.knowledge.search import KnowledgeBase, QueryError
from cadagent.knowledge.store import Store

from .conftest import ROOT

GOOD = textwrap.dedent('''\
    """
    id: my-spacer
    title: My custom spacer
    description: A company-standard spacer ring for the conveyor frames.
    family: spacers
    tags: [spacer, conveyor, ring]
    parameters:
      outer_d: {default: 12, unit: mm, meaning: outside diameter}
    bbox: [12, 12, 5]
    """
    import cadquery as cq

    outer_d = 12  # mm
    result = cq.Workplane("XY").circle(outer_d / 2).circle(3).extrude(5)
    ''')


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# ---- headers -----------------------------------------------------------------------------

@pytest.mark.parametrize("mutate, needle", [
    (lambda s: s.replace('    """\n    id', '    """\n    xid', 1).replace("id: my-spacer", "xid: my-spacer"), "lacks id"),
    (lambda s: s.replace("id: my-spacer", "id: My Spacer"), "lowercase"),
    (lambda s: s.replace("bbox: [12, 12, 5]", "bbox: [12, 12]"), "bbox must be three"),
    (lambda s: s.replace("outer_d = 12  # mm", "OUTER = 12"), "not a top-level"),
    (lambda s: s.replace("outer_d = 12  # mm", "outer_d = 14"), "the header says 12"),
    (lambda s: s.replace("result = ", "part = "), "never assigns `result`"),
    (lambda s: s.replace("tags: [spacer, conveyor, ring]", "tags: [spacer, conveyor"), "not valid YAML"),
    (lambda s: s.split('"""', 2)[2], "no header"),
    (lambda s: s.replace("{default: 12, unit: mm, meaning: outside diameter}", "{default: 12}"), "needs default, unit"),
])
def test_header_errors_say_what_is_wrong(tmp_path, mutate, needle):
    path = write(tmp_path / "ex.py", mutate(textwrap.dedent(GOOD)))
    with pytest.raises(HeaderError, match=needle):
        parse_example(path)


def test_good_header_parses(tmp_path):
    e = parse_example(write(tmp_path / "ex.py", GOOD), origin="user")
    assert (e.id, e.family, e.origin, e.meta["bbox"]) == ("my-spacer", "spacers", "user", [12, 12, 5])
    assert "conveyor" in e.text and e.meta["parameters"]["outer_d"]["unit"] == "mm"


def test_user_folder_problems_are_reported_and_skipped(tmp_path):
    write(tmp_path / "good.py", GOOD)
    write(tmp_path / "dup.py", GOOD)                       # same id again
    write(tmp_path / "broken.py", "x = (\n")               # does not parse
    entries, problems = load_library(tmp_path)
    users = [e for e in entries if e.origin == "user"]
    assert [e.id for e in users] == ["my-spacer"]
    messages = " | ".join(str(p) for p in problems)
    assert "duplicate id 'my-spacer'" in messages and "does not parse" in messages
    assert "skipped" in messages


def test_doc_notes_and_fixes_are_entries():
    entries, _ = load_library()
    docs = {e.id: e for e in entries if e.kind == "doc"}
    assert "doc-cadquery-concepts-selectors" in docs and ">Z" in docs["doc-cadquery-concepts-selectors"].body
    fixes = [e for e in entries if e.kind == "error_fix"]
    assert any("No pending wires" in f.title for f in fixes)


# ---- store -------------------------------------------------------------------------------

def test_build_is_idempotent_and_incremental(tmp_path, embedder):
    entries, _ = load_library()
    sample = entries[:6]
    store = Store(tmp_path / "chroma", embedder)
    first = store.sync(sample)
    assert (first.added, first.embedded) == (6, 6)
    again = store.sync(sample)
    assert (again.added, again.updated, again.removed, again.embedded, again.unchanged) == (0, 0, 0, 0, 6)
    changed = list(sample)
    changed[0] = type(sample[0])(**{**sample[0].__dict__, "text": sample[0].text + " edited"})
    third = store.sync(changed[:5])
    assert (third.updated, third.removed, third.embedded) == (1, 1, 1)
    assert store.count() == 5


def test_store_built_with_another_model_is_rebuilt(tmp_path, embedder):
    entries, _ = load_library()
    store = Store(tmp_path / "chroma", embedder)
    store.sync(entries[:3])
    store.collection().modify(metadata={"model": "some-other-model", "schema": "1"})
    fresh = Store(tmp_path / "chroma", embedder)
    report = fresh.sync(entries[:3])
    assert report.added == 3
    assert any("some-other-model" in n and "rebuilding" in n for n in report.notes)


def test_corrupted_store_is_moved_aside_and_rebuilt(tmp_path):
    # in a fresh process: chroma caches clients per path, process-wide
    code = textwrap.dedent(f"""
        from pathlib import Path
        from cadagent.knowledge.embedder import Embedder
        from cadagent.knowledge.library import load_library
        from cadagent.knowledge.store import Store
        entries, _ = load_library()
        path = Path({str(tmp_path / 'chroma')!r})
        emb = Embedder()
        Store(path, emb).sync(entries[:2])
        (path / "chroma.sqlite3").write_bytes(b"this is not a database" * 50)
        report = Store(path, emb).sync(entries[:2])
        print(report.added, report.notes[0])
        """)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("2 ") and "was unusable" in p.stdout and "rebuilt" in p.stdout
    assert list(tmp_path.glob("chroma.broken-*"))


# ---- search ------------------------------------------------------------------------------

def test_search_returns_typed_ranked_hits(kb):
    hits = kb.search("flange with 6 bolt holes", k=4)
    assert hits[0].id == "flange-6-bolt"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top = hits[0]
    assert top.kind == "example" and top.family == "flanges" and top.source.endswith("flange-6-bolt.py")
    assert top.vector_score is not None and top.keyword_score is not None and "polarArray" in top.body


def test_filters_by_kind_and_family(kb):
    fixes = kb.search("StdFail_NotDone: BRep_API: command not done in .fillet(6)", k=3, kinds=("error_fix",))
    assert fixes and all(h.kind == "error_fix" for h in fixes)
    assert "fix-fillet-too-large" in [h.id for h in fixes[:2]]
    gears = kb.search("wheel with teeth", k=10, family="gears")
    assert gears and {h.family for h in gears} == {"gears"}
    docs = kb.search("which way does cutBlind cut", k=2, kinds=["doc"])
    assert docs[0].id == "doc-cadquery-concepts-cutthruall-vs-cutblind-and-hole"


@pytest.mark.parametrize("args, needle", [
    (("",), "empty"), (("   ",), "empty"),
    (("gear",), None),
])
def test_query_validation(kb, args, needle):
    if needle:
        with pytest.raises(QueryError, match=needle):
            kb.search(*args)
    else:
        assert kb.search(*args)


def test_bad_kind_and_mode(kb):
    with pytest.raises(QueryError, match="unknown kind"):
        kb.search("gear", kinds=("recipes",))
    with pytest.raises(QueryError, match="unknown mode"):
        kb.search("gear", mode="magic")


def test_retrieval_quality_meets_the_target(kb):
    queries = load_queries()
    assert len(queries) >= 60
    scores = {s.mode: s for s in evaluate(kb, queries, k=4)}
    assert scores["hybrid"].recall >= 0.9
    assert scores["hybrid"].mrr >= scores["vector"].mrr
    assert scores["hybrid"].recall >= scores["keyword"].recall


def test_user_examples_are_verified_embedded_and_found(tmp_path, embedder, sandbox):
    ws = tmp_path / "ws"
    write(ws / "examples" / "my_spacer.py", GOOD)
    write(ws / "examples" / "wrong_size.py", GOOD.replace("my-spacer", "wrong-size").replace(
        "bbox: [12, 12, 5]", "bbox: [50, 50, 5]"))
    kb = KnowledgeBase(ws, embedder=embedder)
    report = kb.build(sandbox=sandbox)
    assert any("wrong_size.py" in n and "bbox is 12.000 x 12.000 x 5.000 mm" in n for n in report.notes)
    hits = kb.search("conveyor frame spacer ring", k=3)
    assert hits[0].id == "my-spacer" and hits[0].origin == "user"
    assert "wrong-size" not in {h.id for h in kb.search("conveyor spacer", k=10)}
    # nothing changed: a second build embeds nothing
    assert KnowledgeBase(ws, embedder=embedder).build().embedded == 0


def test_missing_store_is_built_on_first_search(tmp_path, embedder):
    kb = KnowledgeBase(tmp_path / "ws", embedder=embedder)
    assert kb.store.count() == 0
    assert kb.search("knurled knob", k=1)[0].family == "knobs"
    assert kb.store.count() > 100
    shutil.rmtree(tmp_path / "ws")


def test_one_query_is_embedded_once_per_turn(kb, monkeypatch):
    """A turn searches examples, then docs, with the same query: the second search reuses the vector."""
    calls = []
    real = kb.embedder.encode
    monkeypatch.setattr(kb.embedder, "encode", lambda texts, *a, **k: calls.append(list(texts)) or real(texts, *a, **k))
    query = "a flange with six bolt holes on a 90 mm circle, cached once"
    examples = kb.search(query, k=4, kinds=["example"])
    docs = kb.search(query, k=2, kinds=["doc"])
    assert calls == [[query]] and examples and docs
    assert [h.id for h in kb.search(query, k=4, kinds=["example"])] == [h.id for h in examples]
