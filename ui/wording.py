"""What the page says: the agent's text without server paths, and CAD JSON pasted into the chat
recognised."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import yaml

# An absolute path with at least one folder (/tmp/x/part.json, /work/main/examples/a.json): its last part.
_PATH = re.compile(r"(?<![\w.:/])/(?:[\w.+@-]+/)+([\w.+@-]+)")


@lru_cache(maxsize=1)
def page_data() -> dict:
    return yaml.safe_load(resources.files(__package__).joinpath("page.yaml").read_text(encoding="utf-8"))


def for_page(text: str) -> str:
    """The agent's message as the page shows it: server paths cut to their file names."""
    return _PATH.sub(r"\1", text or "")


def pasted_cadjson(text: str) -> dict | list | None:
    """The document when the message is JSON (a CAD JSON pasted into the chat), else None."""
    body = (text or "").strip()
    if body.startswith("```"):
        body = body.strip("`").removeprefix("json").strip()
    if not body.startswith(("{", "[")):
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None
