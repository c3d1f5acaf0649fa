"""Execution sandbox for untrusted CadQuery scripts.

    from cadagent.tools.sandbox import Sandbox, Limits
    with Sandbox(Limits(timeout_s=10)) as sb:
        res = sb.run_script(open("part.py").read(), "out/")
        print(res.summary())

Layers: a static screen (RestrictedPython + import / name / attribute rules), run-time
guards, and a forked job process per script with rlimits, Landlock and no network.
"""

from .confine import Limits
from .pool import DEFAULT_EXPORTS, Sandbox, SandboxUnavailable

__all__ = ["DEFAULT_EXPORTS", "Limits", "Sandbox", "SandboxUnavailable"]
