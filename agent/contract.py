"""The agent's contract with its callers (CLI, UI, evals, fine-tuning, benches).

A turn's input is a :class:`Message` (words, maybe with a file) or a command (:class:`Restore`,
:class:`RunCode`, :class:`Explain`, :class:`SetParameters`): the UI and the CLI send commands and
never encode them as sentences. A turn answers with :class:`Event` objects while it runs and
one :class:`TurnResult` at the end. Saved designs are :class:`Version` records; their files are
named by the session store, so no caller knows the on-disk layout.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Union


# -- what a turn is given ---------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    """Words from the user, optionally with an attached file (a CAD JSON document, ...)."""

    text: str
    attachment: str | None = None


@dataclass(frozen=True)
class Restore:
    """Make version ``version`` current again, as a new version (nothing is deleted)."""

    version: int


@dataclass(frozen=True)
class RunCode:
    """Run this script (the user's own or an edited one) as the next version."""

    code: str


@dataclass(frozen=True)
class Explain:
    """Explain a CAD JSON file (and build it), or the current design when ``path`` is None."""

    path: str | None = None
    question: str = ""


@dataclass(frozen=True)
class SetParameters:
    """Change parameters of a version's part spec (``{"body.length": 90, "holes.count": 6}``) and
    rebuild it through the sandbox, with no model call. ``version`` None: the current one."""

    changes: dict
    version: int | None = None


Command = Union[Restore, RunCode, Explain, SetParameters]
TurnInput = Union[Message, Command]


def as_input(value: TurnInput | str) -> TurnInput:
    """Plain text is a message."""
    if isinstance(value, str):
        return Message(value)
    if isinstance(value, (Message, Restore, RunCode, Explain, SetParameters)):
        return value
    raise TypeError(f"a turn takes a message (str or Message) or a command (Restore, RunCode, Explain, "
                    f"SetParameters), not {type(value).__name__}")


# -- what is saved -----------------------------------------------------------------------------
@dataclass
class Version:
    """One saved design. ``spec``: the part spec it was compiled from (None when it came from code)."""

    number: int
    code: str
    title: str = "part"
    request: str = ""                # the words it was built from (a reply read with the request it completes)
    said: str | None = None          # the message's own words, when ``request`` is not them
    summary: str = ""
    size: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    volume: float = 0.0
    parent: int | None = None
    spec: dict | None = None
    assumed: list[str] = field(default_factory=list)  # what was assumed when it was made ("no thickness: 5 mm")
    cadjson: str | None = None       # the CAD JSON document it was built from, when it was
    dir: str = ""                    # its folder (the session store's; use ``files``)
    files: dict[str, str] = field(default_factory=dict)  # format -> path: step, stl, glb, script, report, ...

    def to_dict(self) -> dict:
        d = asdict(self)
        d["version"] = d.pop("number")
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Version:
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in d.items() if k in known}
        data["number"] = int(d["version"])
        return cls(**data)

    def file(self, kind: str) -> Path | None:
        path = self.files.get(kind)
        return Path(path) if path else None


# -- what a turn gives back ----------------------------------------------------------------------
@dataclass
class Event:
    """One step of a turn as it happens. ``ok``: False for a failed step, None when not a check."""

    node: str
    text: str
    data: dict = field(default_factory=dict)
    title: str = ""
    ok: bool | None = None
    elapsed_s: float = 0.0           # this step's own duration
    result: TurnResult | None = None  # set on the last event of a turn (node "done")


@dataclass
class TurnResult:
    thread: str
    intent: str                      # new_design | modify | explain | question | undo | run_code | set_parameters
    answer: str
    ok: bool                         # the turn did what was asked (a version saved, a question answered)
    version: Version | None = None   # the version this turn saved, if any
    problems: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    usage: dict = field(default_factory=dict)
    decided_by: str = ""             # who read the intent: "model" | "parser" | "command"
    attempts: list[dict] = field(default_factory=list)  # each attempt: {"code", "spec", "error", "problems"}
    code: str | None = None          # the last attempt's script (also when nothing was saved)
    measured: dict | None = None     # the last run's geometry report (size, volume, solids, bbox_min, ...)
    path: str = ""                   # how the last attempt was made: spec | example | edit | model | ...

    @property
    def saved(self) -> bool:
        return self.version is not None
