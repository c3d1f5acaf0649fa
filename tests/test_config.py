"""One settings object: defaults < TOML < environment < explicit overrides (CLI flags)."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from cadagent.config import load_settings


def test_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CADAGENT_CONFIG", raising=False)
    s = load_settings()
    assert s.sandbox.timeout_s == 30.0 and s.sandbox.workers == max(1, min(os.cpu_count() or 1, 4))
    assert s.limits().disk_mb == 256 and s.limits().max_script_kb == 1024
    assert str(s.workspace) == ".cadagent"
    assert s.limits().timeout_s == 30.0


def test_precedence(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cadagent.toml").write_text('workspace = "ws"\n[sandbox]\ntimeout_s = 5\nmemory_mb = 512\n')
    s = load_settings()
    assert s.sandbox.timeout_s == 5 and s.sandbox.memory_mb == 512 and str(s.workspace) == "ws"
    monkeypatch.setenv("CADAGENT_SANDBOX__TIMEOUT_S", "7")
    s = load_settings()
    assert s.sandbox.timeout_s == 7 and s.sandbox.memory_mb == 512
    s = load_settings(sandbox={"timeout_s": 9})
    assert s.sandbox.timeout_s == 9 and s.sandbox.memory_mb == 512


def test_bad_values_are_rejected_with_the_field(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CADAGENT_SANDBOX__TIMEOUT_S", "-1")
    with pytest.raises(ValidationError, match="timeout_s"):
        load_settings()


def test_missing_explicit_config_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")
