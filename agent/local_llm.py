"""The ``local`` provider: a causal LM loaded with ``transformers`` plus LoRA adapters via ``peft``.

Several adapters are loaded at once on one base model and switched per call without reloading:
the graph's nodes say which one they want through the run's metadata
(``config={"metadata": {"cadagent_adapter": "gen"}}``, see :func:`agent.prompting.adapter_for`).
A task with no adapter of its name runs on the bare base model. The prompt comes from the
tokenizer's chat template, or :data:`PLAIN_FORMAT` when the tokenizer has none (fine-tuning uses
the same :func:`render_prompt`, so training and serving see the same text).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

ADAPTER_KEY = "cadagent_adapter"
ROLES = {"system": "System", "user": "User", "assistant": "Assistant", "tool": "Tool"}
PLAIN_FORMAT = "### {role}:\n{content}\n\n"   # used when the tokenizer has no chat template


def as_chat(messages: list[BaseMessage]) -> list[dict]:
    """LangChain messages as the role/content dicts chat templates take."""
    out = []
    for m in messages:
        role = ("system" if isinstance(m, SystemMessage) else "assistant" if isinstance(m, AIMessage)
                else "tool" if isinstance(m, ToolMessage) else "user")
        out.append({"role": role, "content": str(m.content)})
    return out


def render_prompt(tokenizer, chat: list[dict], *, add_generation_prompt: bool = True) -> str:
    """The text the model sees: its chat template, or the plain format when it has none."""
    if getattr(tokenizer, "chat_template", None):
        return tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=add_generation_prompt)
    text = "".join(PLAIN_FORMAT.format(role=ROLES[m["role"]], content=m["content"]) for m in chat)
    return text + ("### Assistant:\n" if add_generation_prompt else "")


def pick_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def check_folders(model_path: str, adapters: dict) -> None:
    """Raise ProviderError naming the folder that is not a saved model / adapter."""
    from .providers.base import ProviderError

    if not (Path(model_path) / "config.json").is_file():
        raise ProviderError(f"the local provider needs a model folder: {model_path} "
                            + ("has no config.json" if Path(model_path).is_dir() else "does not exist")
                            + " (set --model to a folder saved with save_pretrained; no hub downloads here)")
    for name, folder in adapters.items():
        if not (Path(folder) / "adapter_config.json").is_file():
            raise ProviderError(f"adapter {name!r}: {folder} has no adapter_config.json "
                                "(give the folder `cadagent finetune` or peft's save_pretrained wrote)")


class LocalChatModel(BaseChatModel):
    """A local base model with named LoRA adapters, behind the standard chat-model interface.
    Built through :func:`build`, which checks the folders first (readable errors)."""

    model_path: str
    adapters: dict[str, str] = {}
    device: str = "auto"
    temperature: float = 0.2
    max_new_tokens: int = 1024
    _model: Any = PrivateAttr(None)
    _tokenizer: Any = PrivateAttr(None)
    _device: str = PrivateAttr("cpu")
    _calls: list = PrivateAttr(default_factory=list)
    _spec_writer: Any = PrivateAttr(None)
    _cadjson_writer: Any = PrivateAttr(None)

    def model_post_init(self, _context: Any) -> None:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        path = Path(self.model_path)
        self._device = pick_device(self.device)
        self._tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(path, dtype="auto", local_files_only=True)
        if self.adapters:
            from peft import PeftModel

            names = list(self.adapters)
            model = PeftModel.from_pretrained(model, self.adapters[names[0]], adapter_name=names[0])
            for name in names[1:]:
                model.load_adapter(self.adapters[name], adapter_name=name)
        self._model = model.to(self._device).eval()

    @property
    def _llm_type(self) -> str:
        return "cadagent-local"

    @property
    def calls(self) -> list[dict]:
        """Every generation so far: which adapter ran, tokens in and out (for reports and tests)."""
        return list(self._calls)

    @property
    def spec_writer(self):
        """Part-spec candidates under the spec schema's constraint (:class:`~.local_model.writer.SpecWriter`,
        on the ``spec`` adapter when loaded); the design step's ensemble asks it (agent.spec_candidates)."""
        if self._spec_writer is None:
            from .local_model.writer import SpecWriter

            self._spec_writer = SpecWriter(self)
        return self._spec_writer

    @property
    def cadjson_writer(self):
        """CAD JSON for construction steps under the CAD JSON schema's constraint
        (:class:`~.local_model.cadjson_writer.CadJsonWriter`), when a ``cadjson`` adapter is loaded; None
        otherwise (the chat path answers then). An instruction turn asks it (agent.from_text.ask_local)."""
        from .local_model.cadjson_writer import CADJSON_ADAPTER, CadJsonWriter

        if CADJSON_ADAPTER not in self.loaded_adapters:
            return None
        if self._cadjson_writer is None:
            self._cadjson_writer = CadJsonWriter(self)
        return self._cadjson_writer

    @property
    def loaded_adapters(self) -> list[str]:
        return list(getattr(self._model, "peft_config", {}) or {})

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any) -> ChatResult:
        import contextlib

        import torch

        wanted = ((getattr(run_manager, "metadata", None) or {}).get(ADAPTER_KEY) or kwargs.get("adapter") or "gen")
        use = wanted if wanted in self.loaded_adapters else None
        if use:
            self._model.set_adapter(use)
        ctx = self._model.disable_adapter() if (self.loaded_adapters and not use) else contextlib.nullcontext()
        prompt = render_prompt(self._tokenizer, as_chat(messages))
        inputs = self._tokenizer(prompt, return_tensors="pt").to(self._device)
        sample = self.temperature > 0
        with ctx, torch.no_grad():
            out = self._model.generate(**inputs, max_new_tokens=self.max_new_tokens, do_sample=sample,
                                       temperature=self.temperature if sample else None, top_p=None, top_k=None,
                                       pad_token_id=self._tokenizer.pad_token_id or self._tokenizer.eos_token_id)
        new = out[0, inputs["input_ids"].shape[1]:]
        text = self._tokenizer.decode(new, skip_special_tokens=True)
        for s in stop or []:
            text = text.split(s)[0]
        usage = {"input_tokens": int(inputs["input_ids"].shape[1]), "output_tokens": int(new.shape[0]),
                 "total_tokens": int(inputs["input_ids"].shape[1] + new.shape[0])}
        self._calls.append({"adapter": use or "base", **usage})
        msg = AIMessage(content=text, usage_metadata=usage, response_metadata={"adapter": use or "base"})
        return ChatResult(generations=[ChatGeneration(message=msg)])


def build(settings) -> LocalChatModel:
    from .providers.base import ProviderError

    a = settings.agent
    if not a.model:
        raise ProviderError("the local provider needs a model folder: set --model ./my-base "
                            "(a transformers causal LM saved with save_pretrained) or --model gemma3-270m")
    adapters = {k: str(v) for k, v in a.adapters.items()}
    model = a.model
    from .local_model.base import BaseModelError, known, resolve

    if known(model):
        try:
            model = str(resolve(model, settings.workspace))
        except BaseModelError as exc:
            raise ProviderError(str(exc)) from exc
    check_folders(model, adapters)
    return LocalChatModel(model_path=model, adapters=adapters,
                          device=a.device, temperature=a.temperature, max_new_tokens=a.max_tokens)
