"""A tiny Llama-style causal LM built offline: a ``tokenizers`` BPE tokenizer trained on a text
corpus and a small random ``LlamaConfig``. No hub download; used to test the ``local`` provider
and to show the fine-tuning pipeline moves a model (see ``cadagent finetune``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SPECIAL = ["<pad>", "<s>", "</s>", "<unk>"]


def default_corpus() -> list[str]:
    """Our knowledge base's scripts and notes: code-shaped text for the tokenizer."""
    from cadagent.knowledge.library import load_library

    entries, _ = load_library(None)
    return [e.body for e in entries] + [e.text for e in entries]


def build_tiny_llama(out: Path, corpus: Iterable[str] | None = None, *, vocab_size: int = 512,
                     hidden: int = 64, layers: int = 2, heads: int = 4, max_positions: int = 2048,
                     seed: int = 0, chat_template: str | None = None) -> Path:
    """Train a byte-level BPE tokenizer on ``corpus``, make a random Llama of that vocab, save both."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIAL,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(list(corpus if corpus is not None else default_corpus()), trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", bos_token="<s>",
                                   eos_token="</s>", unk_token="<unk>")
    if chat_template:
        fast.chat_template = chat_template
    fast.save_pretrained(out)
    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=len(fast), hidden_size=hidden, intermediate_size=hidden * 2,
                         num_hidden_layers=layers, num_attention_heads=heads, num_key_value_heads=heads,
                         max_position_embeddings=max_positions, pad_token_id=fast.pad_token_id,
                         bos_token_id=fast.bos_token_id, eos_token_id=fast.eos_token_id, tie_word_embeddings=True)
    LlamaForCausalLM(config).save_pretrained(out)
    return out


def make_adapter(base: Path, out: Path, *, seed: int, r: int = 4) -> Path:
    """A LoRA adapter with random (non-zero) weights, so switching adapters changes the output."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_pretrained(base, local_files_only=True)
    config = LoraConfig(r=r, lora_alpha=2 * r, target_modules=["q_proj", "v_proj"], init_lora_weights=False,
                        task_type="CAUSAL_LM")
    get_peft_model(model, config).save_pretrained(out)
    return Path(out)
