"""The static screen on its own (no processes): fast, exact verdicts."""

from __future__ import annotations

import pytest

from cadagent.tools.sandbox.screen import screen


def test_clean_script_compiles():
    sr = screen("import cadquery as cq\nimport math\nresult = cq.Workplane().box(1, 2, math.pi)\n")
    assert sr.ok and sr.refusals == [] and sr.syntax_error is None


@pytest.mark.parametrize("src, needle", [
    ("import os", "module 'os'"),
    ("from os import path", "module 'os'"),
    ("import cadquery.occ_impl.exporters", "cadquery.occ_impl.exporters"),
    ("from cadquery import importers", "importers"),
    ("x = open", "'open'"),
    ("x = [].__class__", "__class__"),
    ("import numpy as np\nnp.load('x')", "files"),
    ("x = 'a'.format_map({})", "f-string"),
])
def test_refusals(src, needle):
    sr = screen(src)
    assert not sr.ok
    assert any(needle in str(r) for r in sr.refusals), sr.refusals


def test_allowed_submodules_pass():
    assert screen("from cadquery import selectors\nimport numpy.linalg\n"
                  "from cadquery.occ_impl.shapes import Solid\n").ok


def test_syntax_error_has_line():
    sr = screen("a = 1\nb = [\n")
    assert sr.syntax_error[0] == 2


def test_all_problems_reported_in_line_order():
    sr = screen("x = eval('1')\nimport socket\ny = ().__class__\n")
    assert [r.line for r in sr.refusals] == [1, 2, 3]
