"""Metrics over eval results, overall, per category and per backend."""

from __future__ import annotations

import statistics
from collections import defaultdict


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 4) if values else None


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))], 4)


def _check(turn: dict, name: str) -> dict | None:
    return next((c for c in turn.get("checks", []) if c["check"] == name), None)


def summarize(results: list[dict]) -> dict:
    """One metrics dict for a set of conversation results (any mix of categories)."""
    turns = [t for r in results for t in r.get("turns", [])]
    ran = [t for t in turns if not t.get("skipped")]
    gen = [t for t in ran if t.get("generated")]
    ious = [c["measured"] for t in ran if (c := _check(t, "iou")) and c["measured"] is not None]
    bbox_err = []
    for t in ran:
        c = _check(t, "bbox")
        if c and c["measured"]:
            bbox_err.append(max(abs(a - b) for a, b in zip(c["measured"], c["expected"])))
    vol_err = [abs(c["measured"] - c["expected"]) / c["expected"] for t in ran
               if (c := _check(t, "volume")) and c["measured"] is not None]
    latency = [t["latency_s"] for t in ran if t.get("latency_s") is not None and not t.get("crash")]
    tokens_in = sum((t.get("usage") or {}).get("input_tokens", 0) for t in ran)
    tokens_out = sum((t.get("usage") or {}).get("output_tokens", 0) for t in ran)
    return {
        "conversations": len(results), "turns": len(turns),
        "conversation_pass_rate": _rate([bool(r.get("passed")) for r in results]),
        "turn_pass_rate": _rate([bool(t.get("passed")) for t in turns]),
        "valid_syntax_rate": _rate([bool(t["first_syntax_ok"]) for t in gen]),
        "exec_first_attempt": _rate([bool(t["first_exec_ok"]) for t in gen]),
        "exec_after_retries": _rate([bool(t["exec_ok"]) for t in gen]),
        "mean_attempts": _mean([t["attempts"] for t in gen]),
        "iou_mean": _mean(ious), "iou_median": _median(ious), "iou_n": len(ious),
        "bbox_error_mm_mean": _mean(bbox_err), "volume_error_rel_mean": _mean(vol_err),
        "latency_p50_s": _pct(latency, 0.5), "latency_p95_s": _pct(latency, 0.95),
        "tokens_in": tokens_in, "tokens_out": tokens_out,
        "crashes": sum(1 for t in ran if t.get("crash")),
    }


def by_backend(results: list[dict]) -> dict[str, dict]:
    """{backend: {"overall": metrics, "categories": {category: metrics}}}."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups[r["backend"]].append(r)
    out = {}
    for backend, rs in groups.items():
        cats: dict[str, list[dict]] = defaultdict(list)
        for r in rs:
            cats[r["category"]].append(r)
        out[backend] = {"overall": summarize(rs), "categories": {c: summarize(v) for c, v in sorted(cats.items())}}
    return out


def describe_check(c: dict) -> str:
    """One line: what was measured against what, within what tolerance, and how."""
    text = f"{c['check']}: expected {c['expected']}, measured {c['measured']}"
    if c.get("tolerance") is not None:
        text += f", tolerance {c['tolerance']}"
    if c.get("method"):
        text += f" [{c['method']}]"
    return text + (f" ({c['detail']})" if c.get("detail") else "")


def failures(results: list[dict]) -> list[dict]:
    """Every failed turn with what it said, its code and its error / failed checks."""
    out = []
    for r in results:
        if r.get("error") and not r.get("turns"):
            out.append({"backend": r["backend"], "id": r["id"], "turn": 0, "user": "", "answer": "",
                        "code": None, "why": r["error"]})
        for i, t in enumerate(r.get("turns", []), 1):
            if t.get("passed") or t.get("skipped"):
                continue
            why = [describe_check(c) for c in t.get("checks", []) if not c["ok"]]
            if t.get("crash"):
                why.insert(0, f"{t['crash']['type']}: {t['crash']['message']}")
            out.append({"backend": r["backend"], "id": r["id"], "turn": i, "user": t.get("user", ""),
                        "answer": t.get("answer", ""), "code": t.get("code"), "error": t.get("error"),
                        "why": "; ".join(why), "checks": t.get("checks", [])})
    return out
