"""What the design loop hands an engine that writes parts from data, and what it gets back.

The built-in offline engine is such an engine: the generate node calls ``engine.draft(ctx)``
with a :class:`DesignContext` (never a rendered prompt to parse) and gets a :class:`Draft`.
Chat models get the same facts rendered by :mod:`cadagent.agent.prompting`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class DesignContext:
    task: str                        # "new_design" | "modify" | "fix"
    request: str                     # this turn's text
    attempt: int = 1                 # 1, 2, ... within the turn
    plan: dict = field(default_factory=dict)          # agent.plan.Plan as a dict (sizes, counts, features)
    edits: list[dict] = field(default_factory=list)   # agent.plan.Edit dicts (modify turns)
    examples: list[dict] = field(default_factory=list)  # retrieved examples: {"id", "title", "code", ...}
    current: dict | None = None      # the version edited: {"version", "code", "spec", "size", "volume", "title",
    #                                   "not_made": the change asked just before, when it made no version}
    previous: dict | None = None     # this turn's last failed attempt: {"code", "spec", "error", "problems"}
    base: str = ""                   # on a fix: the task that failed ("new_design" | "modify")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Draft:
    code: str | None                 # a CadQuery script (the sandbox runs it); None when declined
    note: str = ""                   # what was done, assumed or not understood (shown to the user)
    spec: dict | None = None         # the part spec the code was compiled from (saved with the version)
    path: str = ""                   # how it was made: "spec" | "example" | "edit" | ...
    declined: bool = False           # the engine cannot do this: no retry
    assumed: list[str] = field(default_factory=list)  # what was assumed ("no thickness given: 5 mm assumed")
    unchanged: bool = False          # an edit asking for what the part already is: the same script is the answer

    def to_dict(self) -> dict:
        return asdict(self)
