"""Packages under one import root.

The repository keeps its top-level folders (agent/, tools/, knowledge/, ui/, evals/, bench/,
finetune/); they install as ``cadagent.agent``, ``cadagent.tools``, ... so that nothing named
``tools`` or ``agent`` lands at the top of site-packages. Metadata lives in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

FOLDERS = ("agent", "tools", "knowledge", "ui", "evals", "bench", "finetune")

# namespace discovery: data folders (prompts/, data/, examples/) travel as package data
found = find_namespace_packages(include=[*FOLDERS, *(f"{f}.*" for f in FOLDERS)], exclude=["*.__pycache__"])
setup(packages=["cadagent", *(f"cadagent.{p}" for p in found)],
      package_dir={"cadagent": "cadagent", **{f"cadagent.{f}": f for f in FOLDERS}})
