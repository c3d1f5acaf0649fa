"""The `local` provider through its real path: a tiny random Llama built offline (BPE tokenizer +
2-layer config), saved to disk, loaded with two LoRA adapters, switched per node. Its answers are
nonsense; what is tested is the plumbing and the retry loop."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("peft")

from langchain_core.messages import HumanMessage, SystemMessage  # noqa: E402

from cadagent.agent.local_llm import LocalChatModel, as_chat, render_prompt  # noqa: E402
from cadagent.agent.providers import ProviderError, chat_model  # noqa: E402
from cadagent.agent.runtime import Agent  # noqa: E402
from cadagent.bench.tiny_model import build_tiny_llama, make_adapter  # noqa: E402
from cadagent.config import load_settings  # noqa: E402

from .conftest import ROOT  # noqa: E402
from cadagent.agent.contract import Message

TEMPLATE = ("{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}</s>{% endfor %}"
            "{% if add_generation_prompt %}<|assistant|>{% endif %}")
MESSAGES = [SystemMessage(content="You write CadQuery."), HumanMessage(content="a 60 x 40 mm plate")]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    base = build_tiny_llama(root / "base", vocab_size=400)
    return {"base": base, "gen": make_adapter(base, root / "gen", seed=1),
            "explain": make_adapter(base, root / "explain", seed=2)}


def _model(tiny, **kw):
    return LocalChatModel(model_path=str(tiny["base"]), adapters={"gen": str(tiny["gen"]),
                                                                   "explain": str(tiny["explain"])},
                          temperature=0, max_new_tokens=12, **kw)


def test_two_adapters_load_once_and_switch_per_call(tiny):
    llm = _model(tiny)
    assert llm.loaded_adapters == ["gen", "explain"]
    inner = llm._model
    outs = {}
    for adapter in ("gen", "explain", "nothing-by-this-name", "gen"):
        reply = llm.invoke(MESSAGES, config={"metadata": {"cadagent_adapter": adapter}})
        outs.setdefault(adapter, []).append(reply.content)
        assert reply.usage_metadata["output_tokens"] <= 12
    assert llm._model is inner  # switching never reloads the base
    assert [c["adapter"] for c in llm.calls] == ["gen", "explain", "base", "gen"]
    assert outs["gen"][0] == outs["gen"][1]  # greedy and the same adapter: the same answer
    # LoRA weights are random and non-zero: the adapter changes what the base model says
    logits = {}
    import torch

    ids = llm._tokenizer(render_prompt(llm._tokenizer, as_chat(MESSAGES)), return_tensors="pt")
    for name in ("gen", "explain"):
        llm._model.set_adapter(name)
        with torch.no_grad():
            logits[name] = llm._model(**ids).logits[0, -1]
    with llm._model.disable_adapter(), torch.no_grad():
        logits["base"] = llm._model(**ids).logits[0, -1]
    assert not torch.allclose(logits["gen"], logits["base"]) and not torch.allclose(logits["gen"], logits["explain"])


def test_chat_template_or_the_plain_fallback(tiny, tmp_path):
    llm = _model(tiny)
    assert not llm._tokenizer.chat_template
    plain = render_prompt(llm._tokenizer, as_chat(MESSAGES))
    assert plain == "### System:\nYou write CadQuery.\n\n### User:\na 60 x 40 mm plate\n\n### Assistant:\n"
    templated = build_tiny_llama(tmp_path / "templated", vocab_size=300, chat_template=TEMPLATE)
    llm2 = LocalChatModel(model_path=str(templated), temperature=0, max_new_tokens=4)
    text = render_prompt(llm2._tokenizer, as_chat(MESSAGES))
    assert text == "<|system|>You write CadQuery.</s><|user|>a 60 x 40 mm plate</s><|assistant|>"
    assert llm2.invoke(MESSAGES).response_metadata["adapter"] == "base"


def test_bad_folders_are_clear_errors(tiny, tmp_path):
    def settings(model, **adapters):
        return load_settings(workspace=tmp_path, agent={"llm": "local", "model": model, "adapters": adapters})

    with pytest.raises(ProviderError, match="missing does not exist"):
        chat_model(settings(str(tmp_path / "missing")))
    with pytest.raises(ProviderError, match="has no config.json"):
        chat_model(settings(str(tmp_path)))
    with pytest.raises(ProviderError, match=r"adapter 'gen': .* has no adapter_config.json"):
        chat_model(settings(str(tiny["base"]), gen=tmp_path))
    with pytest.raises(ProviderError, match="needs a model folder: set --model"):
        chat_model(load_settings(workspace=tmp_path, agent={"llm": "local"}))


def test_a_full_agent_turn_runs_the_retry_loop_and_switches_per_node(tiny, tmp_path, sandbox, kb):
    settings = load_settings(workspace=tmp_path / "ws", agent={
        "llm": "local", "model": str(tiny["base"]), "adapters": {"gen": tiny["gen"], "explain": tiny["explain"]},
        "max_attempts": 2, "max_tokens": 16, "temperature": 0, "model_routing": "off"})
    with Agent(settings, kb=kb, sandbox=sandbox) as agent:
        steps = [(ev.node, ev.text) for ev in agent.stream("t", "a 60 x 40 mm plate, 5 mm thick")]
        nodes = [n for n, _ in steps]
        assert nodes.count("generate") == 2  # nonsense answers → no code → retried up to the budget
        answer = steps[-1][1]
        assert answer.startswith("I could not make a valid part after 2 attempt(s)")
        assert "the model returned no code" in answer
        cad_json = ROOT / "examples" / "cadjson" / "block_with_hole.json"
        explained = agent.turn("t", f"explain this: {cad_json}").answer
        assert "A 75 x 75 x 20 mm block with a 30 mm through hole" in explained  # the checked facts stay
        assert [c["adapter"] for c in agent.deps.llm.calls] == ["gen", "gen", "explain"]
        assert len(agent.messages("t")) == 4


def test_llm_list_looks_at_the_folders(tiny, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run([sys.executable, "-m", "cadagent.cli", "llm", "list", "--llm", "local", "--model",
                         str(tiny["base"]), "--adapter", f"gen={tiny['gen']}"], cwd=tmp_path, capture_output=True,
                        text=True, timeout=60, env=env)
    assert f"✓ local (ready: {tiny['base']} (gen={tiny['gen']}))" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "cadagent.cli", "llm", "list", "--llm", "local", "--model",
                          str(tiny["base"]), "--adapter", "gen"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=60, env=env)
    assert bad.returncode == 2 and "expected NAME=PATH" in bad.stderr
