"""``cadagent kb build|search|list|check|eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .config import load_settings
from .cli_common import ConfigOpt, settings_from

app = typer.Typer(help="The knowledge base: worked CadQuery examples, doc notes and error fixes, "
                       "searched by meaning and keywords.", no_args_is_help=True)


def _kb(config, url: str | None = None):
    settings = settings_from(config)
    if url is not None:
        try:
            settings = load_settings(config, kb_url=url)  # checked as CADAGENT_KB_URL is
        except ValueError as exc:
            typer.secho(f"error: --url {url!r}: expected a folder or http://host:port of a Chroma server",
                        fg="red", err=True)
            raise typer.Exit(2) from exc
    return settings, settings.knowledge_base()


def _notes(kb, report=None) -> None:
    for note in (report.notes if report else [str(p) for p in kb.problems]):
        typer.secho(f"note: {note}", fg="yellow", err=True)


@app.command("build")
def build_cmd(
    verify: bool = typer.Option(True, "--verify/--no-verify",
                                help="run new or changed user examples in the sandbox first"),
    url: Optional[str] = typer.Option(None, "--url", help="build into this store: a folder, or http://host:port "
                                      "of a Chroma server (default: CADAGENT_KB_URL, else the workspace)"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Embed what changed (idempotent: a second run embeds nothing)."""
    from cadagent.knowledge.store import StoreUnavailable

    settings, kb = _kb(config, url)
    entries = kb.entries()
    typer.echo(f"{len(entries)} entries ({sum(e.origin == 'user' for e in entries)} from "
               f"{kb.user_examples}); store {kb.store.where}")

    def progress(done: int, total: int) -> None:
        typer.echo(f"  embedded {done}/{total}", err=True)

    try:
        kb.store.count()  # a server that does not answer is said before anything is embedded
        if verify:
            with settings.sandbox_factory() as sandbox:
                report = kb.build(progress, sandbox=sandbox)
        else:
            report = kb.build(progress)
    except StoreUnavailable as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    _notes(kb, report)
    typer.secho(report.summary(), fg="green")


@app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="what you are looking for, in plain words"),
    k: int = typer.Option(4, "-k", min=1, max=50, help="how many results"),
    kind: Optional[list[str]] = typer.Option(None, "--kind", help="example | doc | error_fix (repeatable)"),
    family: Optional[str] = typer.Option(None, "--family", help="only this family (see `kb list`)"),
    mode: str = typer.Option("hybrid", "--mode", help="hybrid | vector | keyword"),
    as_json: bool = typer.Option(False, "--json"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Ranked examples and notes with title, tags, score and where they live."""
    from cadagent.knowledge.search import QueryError
    from cadagent.knowledge.store import StoreUnavailable

    _, kb = _kb(config)
    try:
        built = kb.ensure_built()
        hits = kb.search(query, k=k, kinds=kind, family=family, mode=mode)
    except (QueryError, StoreUnavailable) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    if built is not None:
        typer.secho(f"note: built the knowledge base first ({built.summary()})", fg="yellow", err=True)
        _notes(kb, built)
    if as_json:
        typer.echo(json.dumps([{k2: v for k2, v in h.__dict__.items() if k2 != "body"} for h in hits], indent=2))
        return
    if not hits:
        typer.echo("no matches")
    for i, h in enumerate(hits, 1):
        typer.secho(f"{i}. {h.title}  [{h.kind}: {h.id}]  score {h.score:.4f}", bold=True)
        typer.echo(f"   family {h.family}; tags {', '.join(h.tags[:8])}")
        typer.echo(f"   {h.source}")


@app.command("list")
def list_cmd(config: Optional[Path] = ConfigOpt) -> None:
    """Families and their examples; doc notes and error fixes counted."""
    _, kb = _kb(config)
    entries = kb.entries()
    families: dict[str, list] = {}
    for e in entries:
        if e.kind == "example":
            families.setdefault(e.family, []).append(e)
    for fam in sorted(families):
        typer.secho(f"{fam} ({len(families[fam])})", bold=True)
        for e in families[fam]:
            typer.echo(f"  {e.id:34s} {e.title}" + ("  [user]" if e.origin == "user" else ""))
    docs = sum(e.kind == "doc" for e in entries)
    fixes = sum(e.kind == "error_fix" for e in entries)
    typer.echo(f"{sum(map(len, families.values()))} examples in {len(families)} families, {docs} doc notes, "
               f"{fixes} error fixes")
    _notes(kb)


@app.command("check")
def check_cmd(
    only: Optional[list[str]] = typer.Argument(None, help="example ids (default: all)"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Run every example in the sandbox and compare its size with the declared bbox."""
    from cadagent.knowledge.verify import verify_example

    settings, kb = _kb(config)
    examples = [e for e in kb.entries() if e.kind == "example" and (not only or e.id in only)]
    failed = 0
    with settings.sandbox_factory() as sandbox:
        for i, e in enumerate(examples, 1):
            v = verify_example(e, sandbox)
            failed += not v.ok
            mark = typer.style("ok  ", fg="green") if v.ok else typer.style("FAIL", fg="red")
            typer.echo(f"[{i}/{len(examples)}] {mark} {e.id}" + ("" if v.ok else f": {v.message}"))
    _notes(kb)
    typer.echo(f"{len(examples) - failed}/{len(examples)} examples run and match their bbox")
    raise typer.Exit(1 if failed or kb.problems else 0)


@app.command("eval")
def eval_cmd(
    queries: Optional[Path] = typer.Option(None, "--queries", help="YAML query set (default: the built-in one)"),
    k: int = typer.Option(4, "-k", min=1),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Retrieval quality: recall@k and MRR for vector-only, keyword-only and hybrid."""
    from cadagent.knowledge.evaluate import evaluate, load_queries

    _, kb = _kb(config)
    try:
        qs = load_queries(queries)
        scores = evaluate(kb, qs, k=k)
    except (ValueError, OSError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"{len(qs)} queries, k={k}")
    typer.echo(f"{'mode':<8} {'recall@' + str(k):>9} {'MRR':>6} {'hit@' + str(k):>6} {'median ms':>10}")
    for s in scores:
        typer.echo(f"{s.mode:<8} {s.recall:>9.3f} {s.mrr:>6.3f} {s.hit_rate:>6.3f} {s.median_ms:>10.1f}")
    hybrid = next(s for s in scores if s.mode == "hybrid")
    for q, want, got in hybrid.misses:
        typer.echo(f"  hybrid miss: {q!r}: wanted {', '.join(want)}; got {', '.join(got)}")
