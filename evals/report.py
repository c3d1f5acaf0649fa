"""Eval reports: Markdown and a self-contained HTML page (tables, matplotlib plots, failures)."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

from .metrics import by_backend, failures

ROWS = [("conversations", "conversations", "{}"), ("turns", "turns", "{}"),
        ("conversation_pass_rate", "conversation pass rate", "{:.1%}"), ("turn_pass_rate", "turn pass rate", "{:.1%}"),
        ("valid_syntax_rate", "valid syntax (first attempt)", "{:.1%}"),
        ("exec_first_attempt", "runs at first attempt", "{:.1%}"), ("exec_after_retries", "runs after retries", "{:.1%}"),
        ("mean_attempts", "mean attempts", "{:.2f}"), ("iou_mean", "IoU mean", "{:.3f}"),
        ("iou_median", "IoU median", "{:.3f}"), ("bbox_error_mm_mean", "bbox error (mm, mean)", "{:.2f}"),
        ("volume_error_rel_mean", "volume error (relative, mean)", "{:.2%}"),
        ("latency_p50_s", "latency p50 (s)", "{:.2f}"), ("latency_p95_s", "latency p95 (s)", "{:.2f}"),
        ("tokens_in", "tokens in", "{:,}"), ("tokens_out", "tokens out", "{:,}"), ("crashes", "crashes", "{}")]


def _fmt(fmt: str, v) -> str:
    return "–" if v is None else fmt.format(v)


def comparison_table(metrics: dict[str, dict]) -> list[list[str]]:
    backends = list(metrics)
    rows = [["metric", *backends]]
    for key, label, fmt in ROWS:
        rows.append([label, *[_fmt(fmt, metrics[b]["overall"].get(key)) for b in backends]])
    return rows


def category_table(metrics: dict[str, dict]) -> list[list[str]]:
    backends = list(metrics)
    cats = sorted({c for m in metrics.values() for c in m["categories"]})
    rows = [["category", *[f"{b}: turns passed" for b in backends]]]
    for c in cats:
        cells = []
        for b in backends:
            m = metrics[b]["categories"].get(c)
            cells.append("–" if m is None else f"{_fmt('{:.0%}', m['turn_pass_rate'])} of {m['turns']}")
        rows.append([c, *cells])
    return rows


def _md_table(rows: list[list[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(lines)


def markdown(results: list[dict], title: str, meta: dict | None = None, max_failures: int = 40,
             metrics: dict | None = None) -> str:
    metrics = metrics or by_backend(results)
    parts = [f"# {title}", ""]
    if meta:
        parts += [" · ".join(f"{k}: {v}" for k, v in meta.items()), ""]
    parts += ["## Backends side by side", "", _md_table(comparison_table(metrics)), "",
              "## Turn pass rate per category", "", _md_table(category_table(metrics)), ""]
    fails = failures(results)
    parts += [f"## Failures ({len(fails)})", ""]
    for f in fails[:max_failures]:
        parts.append(f"- **{f['backend']} · {f['id']} · turn {f['turn']}**: {f['user']}  \n  why: {f['why']}")
    if len(fails) > max_failures:
        parts.append(f"- … {len(fails) - max_failures} more in report.html / results.jsonl")
    return "\n".join(parts) + "\n"


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def plots(results: list[dict], metrics: dict | None = None) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = metrics or by_backend(results)
    backends = list(metrics)
    out = {}
    cats = sorted({c for m in metrics.values() for c in m["categories"]})
    fig, ax = plt.subplots(figsize=(max(6, 0.45 * len(cats) * max(1, len(backends))), 3.6))
    width = 0.8 / max(1, len(backends))
    for i, b in enumerate(backends):
        ys = [(metrics[b]["categories"].get(c) or {}).get("turn_pass_rate") or 0 for c in cats]
        ax.bar([x + i * width for x in range(len(cats))], ys, width, label=b)
    ax.set_xticks([x + width * (len(backends) - 1) / 2 for x in range(len(cats))], cats, rotation=60, ha="right")
    ax.set_ylabel("turn pass rate")
    ax.set_ylim(0, 1.05)
    ax.legend()
    out["pass rate per category"] = _png(fig)

    turns = {b: [t for r in results if r["backend"] == b for t in r.get("turns", []) if not t.get("skipped")]
             for b in backends}
    fig, ax = plt.subplots(figsize=(6, 3.2))
    top = max([t.get("attempts") or 0 for ts in turns.values() for t in ts] + [1])
    ax.hist([[t["attempts"] for t in ts if t.get("generated")] for ts in turns.values()],
            bins=range(1, top + 2), label=backends, align="left")
    ax.set_xlabel("generate attempts per turn")
    ax.set_ylabel("turns")
    ax.legend()
    out["attempts"] = _png(fig)

    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.boxplot([[t["latency_s"] for t in ts if t.get("latency_s") is not None] or [0] for ts in turns.values()],
               tick_labels=backends)
    ax.set_ylabel("seconds per turn")
    out["latency"] = _png(fig)

    fig, ax = plt.subplots(figsize=(6, 3.2))
    ious = [[c["measured"] for t in ts for c in t.get("checks", []) if c["check"] == "iou" and c["measured"] is not None]
            for ts in turns.values()]
    ax.hist(ious, bins=[i / 20 for i in range(21)], label=backends)
    ax.set_xlabel("best IoU vs reference")
    ax.set_ylabel("turns")
    ax.legend()
    out["IoU"] = _png(fig)
    return out


def _html_table(rows: list[list[str]]) -> str:
    head, *body = rows
    h = "".join(f"<th>{html.escape(c)}</th>" for c in head)
    b = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in body)
    return f"<table><thead><tr>{h}</tr></thead><tbody>{b}</tbody></table>"


def _checks_table(failure: dict) -> str:
    """Every check of a failed turn: measured, expected, tolerance and method side by side."""
    rows = [["check", "ok", "measured", "expected", "tolerance", "method"]]
    for c in failure.get("checks") or []:
        rows.append([c["check"], "yes" if c["ok"] else "NO", str(c.get("measured")), str(c.get("expected")),
                     "" if c.get("tolerance") is None else str(c["tolerance"]),
                     (c.get("method") or "") + (f" ({c['detail']})" if c.get("detail") else "")])
    return _html_table(rows) if len(rows) > 1 else "<br>"


def html_page(results: list[dict], title: str, meta: dict | None = None, metrics: dict | None = None) -> str:
    metrics = metrics or by_backend(results)
    images = "".join(f"<figure><img alt='{html.escape(k)}' src='{v}'><figcaption>{html.escape(k)}</figcaption>"
                     f"</figure>" for k, v in plots(results, metrics).items())
    fails = failures(results)
    items = []
    for f in fails:
        code = f"<details><summary>code</summary><pre>{html.escape(f['code'] or '')}</pre></details>" if f.get("code") else ""
        items.append(f"<li><b>{html.escape(f['backend'])} · {html.escape(f['id'])} · turn {f['turn']}</b>: "
                     f"{html.escape(f['user'])}<br><i>why</i>: {html.escape(f['why'])}{_checks_table(f)}<i>reply</i>: "
                     f"<pre>{html.escape(f['answer'] or '')}</pre>{code}</li>")
    meta_line = html.escape(" · ".join(f"{k}: {v}" for k, v in (meta or {}).items()))
    style = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child"
             "{text-align:left}figure{display:inline-block;margin:1em}pre{white-space:pre-wrap;background:#f6f6f6;"
             "padding:6px;max-height:20em;overflow:auto}")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1><p>{meta_line}</p>"
            f"<h2>Backends side by side</h2>{_html_table(comparison_table(metrics))}"
            f"<h2>Turn pass rate per category</h2>{_html_table(category_table(metrics))}"
            f"<h2>Plots</h2>{images}<h2>Failures ({len(fails)})</h2><ol>{''.join(items)}</ol>"
            f"<script type='application/json' id='metrics'>{html.escape(json.dumps(metrics))}</script>"
            "</body></html>")


def write_reports(results: list[dict], out: Path, title: str, meta: dict | None = None,
                  metrics: dict | None = None) -> dict[str, Path]:
    """report.md, report.html and metrics.json (``metrics``: by_backend(results), when already at hand)."""
    out = Path(out)
    metrics = metrics or by_backend(results)
    paths = {"md": out / "report.md", "html": out / "report.html", "metrics": out / "metrics.json"}
    paths["md"].write_text(markdown(results, title, meta, metrics=metrics), encoding="utf-8")
    paths["html"].write_text(html_page(results, title, meta, metrics), encoding="utf-8")
    paths["metrics"].write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    return paths
