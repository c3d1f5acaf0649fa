"""``check(expectations, measured)``: what the spec (or a plan) promised against what the
measurer read from the B-rep, as precise problems: "asked 4 holes Ø5 through, found 3 Ø5
through and 1 Ø6 through"."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from .emit import num

LEN_TOL = 0.01        # mm, diameters, radii, sizes
REL_VOL_EXACT = 1e-5
REL_VOL_ESTIMATE = 0.05


@dataclass
class CheckProblem:
    what: str          # bbox | volume | holes | fillets | chamfers | walls
    message: str
    expected: str = ""
    found: str = ""
    features: tuple = ()

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict:
        return asdict(self)


def _kind(h: dict) -> str:
    text = "through" if h["through"] else (f"{num(h['depth'])} deep" if h.get("depth") is not None else "blind")
    if h.get("cbore"):
        text += f", counterbored Ø{num(h['cbore']['diameter'])}"
    if h.get("csink"):
        text += f", countersunk Ø{num(h['csink']['diameter'])}"
    return text


def _matches(e: dict, m: dict) -> bool:
    if abs(e["diameter"] - m["diameter"]) > LEN_TOL or bool(e["through"]) != bool(m["through"]):
        return False
    if not e["through"] and e.get("depth") is not None and abs(e["depth"] - m["depth"]) > LEN_TOL:
        return False
    for extra in ("cbore", "csink"):
        if bool(e.get(extra)) != bool(m.get(extra)):
            return False
        if e.get(extra) and abs(e[extra]["diameter"] - m[extra]["diameter"]) > LEN_TOL:
            return False
    return True


def _describe(holes: list[dict]) -> str:
    groups = Counter(f"Ø{num(h['diameter'])} {_kind(h)}" for h in holes)
    parts = [f"{n} {g}" for g, n in sorted(groups.items())]
    return " and ".join(parts) if parts else "none"


def check_holes(expected: list[dict], measured: list[dict]) -> list[CheckProblem]:
    left = list(measured)
    short = []
    for e in expected:
        got = [m for m in left if _matches(e, m)]
        for m in got[: e["count"]]:
            left.remove(m)
        if len(got) < e["count"]:
            short.append((e, len(got)))
        elif len(got) > e["count"]:
            pass  # the surplus stays in `left` and is reported below
    problems = []
    for e, n in short:
        near = [m for m in left if bool(m["through"]) == bool(e["through"]) or abs(m["diameter"] - e["diameter"]) < 1]
        found = f"{n} Ø{num(e['diameter'])} {_kind(e)}" + (f" and {_describe(near)}" if near else "")
        asked = f"{e['count']} hole{'s' if e['count'] != 1 else ''} Ø{num(e['diameter'])} {_kind(e)}"
        problems.append(CheckProblem("holes", f"asked {asked}, found {found}",
                                     f"{e['count']} Ø{num(e['diameter'])} {_kind(e)}", found, tuple(e.get("features", ()))))
    if left and not short:
        problems.append(CheckProblem("holes", f"found holes nobody asked for: {_describe(left)}", "no other holes",
                                     _describe(left)))
    return problems


def _sizes(expected: list[dict], measured: list[dict], key: str, what: str, sign: str) -> list[CheckProblem]:
    problems = []
    have = [m[key] for m in measured]
    for e in expected:
        if not any(abs(e[key] - h) <= LEN_TOL for h in have):
            found = ", ".join(f"{sign}{num(h)}" for h in have) or "none"
            problems.append(CheckProblem(what, f"asked {what[:-1]} {sign}{num(e[key])} ({e.get('feature')}), found "
                                         f"{'only ' + found if have else 'no ' + what}", f"{sign}{num(e[key])}", found,
                                         (e.get("feature"),)))
    return problems


def check(expected: dict, measured: dict) -> list[CheckProblem]:
    """Every difference between the promise and the measurement (empty: the part is what was asked)."""
    problems: list[CheckProblem] = []
    if expected.get("bbox_min") is not None:
        tol = LEN_TOL if expected.get("bbox_exact", True) else 0.02 * max(
            b - a for a, b in zip(expected["bbox_min"], expected["bbox_max"]))
        for name, idx in (("min", "bbox_min"), ("max", "bbox_max")):
            for axis, e, m in zip("xyz", expected[idx], measured[idx]):
                if abs(e - m) > tol + 1e-4 * abs(e):
                    size_e = [b - a for a, b in zip(expected["bbox_min"], expected["bbox_max"])]
                    problems.append(CheckProblem("bbox", f"the bounding box {name} {axis} is {num(m)} mm, asked {num(e)} "
                                                 f"(asked size {' x '.join(num(s) for s in size_e)}, found "
                                                 f"{' x '.join(num(s) for s in measured['size'])})", num(e), num(m)))
    if expected.get("volume") is not None:
        e, m = expected["volume"], measured["volume"]
        rel = REL_VOL_EXACT if expected.get("volume_exact") else REL_VOL_ESTIMATE
        if abs(e - m) > rel * abs(e) + 1e-3:
            how = "exactly" if expected.get("volume_exact") else "about"
            problems.append(CheckProblem("volume", f"volume is {num(round(m, 1))} mm³, the spec gives {how} "
                                         f"{num(round(e, 1))} mm³ ({(m - e) / e:+.2%})", num(round(e, 3)), num(round(m, 3))))
    if "holes" in expected:
        # the inside of a shelled cylinder (a cup) is a round cavity, not a hole nobody asked for
        cav = expected.get("cavities") or []
        found = [m for m in measured["holes"] if not any(
            not m["through"] and abs(m["diameter"] - c["diameter"]) <= LEN_TOL and abs(m["depth"] - c["depth"]) <= LEN_TOL
            for c in cav)]
        # a hole in a cup's floor opens into the cavity: the cavity reads as its counterbore
        found = [{**m, "cbore": None} if isinstance(m.get("cbore"), dict) and any(
            abs(m["cbore"].get("diameter", 0) - c["diameter"]) <= LEN_TOL and abs(m["cbore"].get("depth", 0) - c["depth"])
            <= LEN_TOL for c in cav) else m for m in found]
        problems += check_holes(expected["holes"], found)
    problems += _sizes(expected.get("fillets", []), measured["fillets"], "radius", "fillets", "R")
    problems += _sizes(expected.get("chamfers", []), measured["chamfers"], "size", "chamfers", "")
    hollow = expected.get("hollow")
    thinnest = (measured.get("min_wall") or {}).get("value")
    if hollow and (thinnest is None or thinnest >= 0.5 * hollow):
        problems.append(CheckProblem("walls", f"asked hollow, but the thinnest wall is {num(thinnest or hollow)} mm of its "
                                     f"{num(hollow)} mm smallest size: the part is solid", "hollow", "solid"))
    wall = expected.get("min_wall")
    if wall and measured.get("min_wall") and abs(measured["min_wall"]["value"] - wall) > max(LEN_TOL, 0.02 * wall):
        problems.append(CheckProblem("walls", f"the thinnest wall is {num(measured['min_wall']['value'])} mm, asked "
                                     f"{num(wall)} mm", num(wall), num(measured["min_wall"]["value"])))
    return problems
