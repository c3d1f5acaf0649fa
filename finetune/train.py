"""LoRA fine-tuning with ``transformers`` + ``peft`` on a dataset from :mod:`finetune.dataset`.

Loss on the answer tokens only (the prompt's labels are -100). QLoRA (4-bit NF4) when CUDA and
``bitsandbytes`` are there, plain LoRA otherwise (CPU included). Gradient accumulation, cosine
schedule with warmup, evaluation loss each epoch (or every ``eval_steps``), early stopping on it,
a progress bar, checkpoints in ``<out>/checkpoints`` (a second run with the same ``out`` resumes
from the last one), and beside the adapter: ``train_config.json``, ``metrics.json`` (the loss
curve) and the tokenizer with its chat template. Multi-GPU: ``accelerate launch -m cadagent.cli
finetune …`` (the Trainer picks the processes up).
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

TASKS = ("gen", "explain", "spec", "cadjson")
META = "adapter_meta.json"


@dataclass
class TrainConfig:
    base: str = ""
    data: str = ""
    out: str = ""
    task: str = "gen"
    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    target_modules: list[str] | str = "all-linear"    # every attention and MLP projection
    modules_to_save: list[str] | None = None          # fully trained too (e.g. embed_tokens for a new vocab)
    lr: float = 2e-4
    scheduler: str = "cosine"                         # a transformers scheduler, or cosine_time (with max_minutes:
                                                      # warmup + cosine over the steps or the minutes, whichever ends first)
    warmup_ratio: float = 0.03
    epochs: float = 3.0
    batch_size: int = 1
    grad_accum: int = 8
    max_len: int = 2048
    eval_steps: int | None = None                     # None: evaluate (and checkpoint) each epoch
    early_stopping: int = 2                           # evaluations without improvement before stopping
    qlora: str = "auto"                               # auto | on | off
    seed: int = 0
    max_steps: int = -1
    max_minutes: float | None = None                  # stop (and save) after this long
    logging_steps: int = 10
    limit: int | None = None                          # use only this many training records
    max_val: int | None = None                        # evaluate on at most this many val records
    bf16: str = "auto"                                # auto (CUDA with bf16) | on (CPU autocast too) | off
    workspace: str = ".cadagent"                      # where a known base (gemma3-270m) is cached
    init_adapter: str | None = None                   # start from this adapter's weights (a new run: fresh
                                                      # optimizer and schedule, on this run's data)

    @classmethod
    def from_file(cls, path: Path, **overrides) -> TrainConfig:
        import tomllib

        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        data = data.get("finetune", data)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return cls(**{**data, **{k: v for k, v in overrides.items() if v is not None}})

    def check(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task {self.task!r}: expected one of {', '.join(TASKS)}")
        if self.scheduler == "cosine_time" and not self.max_minutes:
            raise ValueError("scheduler cosine_time runs over max_minutes: set max_minutes (or use cosine)")
        for name in ("base", "data", "out"):
            if not getattr(self, name):
                raise ValueError(f"{name} is required (--{name})")
        if not (Path(self.data) / "train.jsonl").is_file():
            raise ValueError(f"{self.data} has no train.jsonl: run `cadagent dataset build --out {self.data}` first")


def tokenize(tokenizer, rows: list[dict], max_len: int) -> tuple[list[dict], int]:
    """input_ids / labels per record (labels -100 on the prompt); records longer than max_len are
    dropped (returned count), never cut: a cut answer would teach truncated code."""
    from cadagent.agent.local_llm import render_prompt

    out, dropped = [], 0
    eos, bos = tokenizer.eos_token_id, tokenizer.bos_token_id
    # the BOS token the tokenizer puts first when generating goes first here too (Gemma's base loss on
    # our prompts is 2.8 with it, 4.1 without: a model trained without it is served out of distribution)
    lead = [bos] if bos is not None and tokenizer("x")["input_ids"][:1] == [bos] else []
    for row in rows:
        msgs = row["messages"]
        prompt = render_prompt(tokenizer, msgs[:-1], add_generation_prompt=True)
        p_ids = lead + tokenizer(prompt, add_special_tokens=False)["input_ids"]
        a_ids = tokenizer(msgs[-1]["content"], add_special_tokens=False)["input_ids"] + ([eos] if eos is not None else [])
        if len(p_ids) + len(a_ids) > max_len:
            dropped += 1
            continue
        out.append({"input_ids": p_ids + a_ids, "labels": [-100] * len(p_ids) + a_ids})
    return out, dropped


class _Collator:
    def __init__(self, pad_id: int):
        self.pad_id = pad_id

    def __call__(self, batch):
        import torch

        n = max(len(b["input_ids"]) for b in batch)
        ids = [b["input_ids"] + [self.pad_id] * (n - len(b["input_ids"])) for b in batch]
        labels = [b["labels"] + [-100] * (n - len(b["labels"])) for b in batch]
        mask = [[1] * len(b["input_ids"]) + [0] * (n - len(b["input_ids"])) for b in batch]
        return {"input_ids": torch.tensor(ids), "labels": torch.tensor(labels), "attention_mask": torch.tensor(mask)}


def _load(cfg: TrainConfig):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from cadagent.agent.local_model.base import BaseModelError, resolve

    try:
        cfg.base = str(resolve(cfg.base, Path(cfg.workspace)))
    except BaseModelError as exc:
        raise ValueError(str(exc)) from exc
    local = Path(cfg.base).is_dir()
    try:
        tok = AutoTokenizer.from_pretrained(cfg.base, local_files_only=local)
    except OSError as exc:
        raise ValueError(f"cannot load the base model {cfg.base!r}: {str(exc).splitlines()[0]} (give a local folder "
                         "saved with save_pretrained, or a hub id on a machine that can download)") from exc
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    cuda = torch.cuda.is_available()
    quant = None
    if cfg.qlora == "on" or (cfg.qlora == "auto" and cuda):
        try:
            import bitsandbytes  # noqa: F401
            from transformers import BitsAndBytesConfig

            quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                                       bnb_4bit_compute_dtype=torch.bfloat16)
        except ImportError:
            if cfg.qlora == "on":
                raise ValueError("qlora = on needs bitsandbytes (pip install bitsandbytes) and CUDA") from None
    model = AutoModelForCausalLM.from_pretrained(cfg.base, dtype="auto", local_files_only=local,
                                                 quantization_config=quant)
    return tok, model, quant is not None, cuda


def train(cfg: TrainConfig, progress: bool = True) -> dict:
    """Train one adapter; returns the metrics written to ``<out>/metrics.json``."""
    import torch
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import EarlyStoppingCallback, Trainer, TrainerCallback, TrainingArguments, set_seed

    from .dataset import read_jsonl

    cfg.check()
    set_seed(cfg.seed)
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    t_load = time.time()
    tok, model, qlora, cuda = _load(cfg)
    rows = {s: [r for r in read_jsonl(Path(cfg.data) / f"{s}.jsonl") if of_task(r, cfg.task)]
            if (Path(cfg.data) / f"{s}.jsonl").is_file() else [] for s in ("train", "val")}
    if cfg.limit:
        rows["train"] = rows["train"][: cfg.limit]
    if cfg.max_val:
        rows["val"] = rows["val"][:: max(1, len(rows["val"]) // cfg.max_val)][: cfg.max_val]
    train_set, dropped = tokenize(tok, rows["train"], cfg.max_len)
    val_set, val_dropped = tokenize(tok, rows["val"], cfg.max_len)
    if not train_set:
        raise ValueError(f"no {cfg.task!r} training records fit in max_len {cfg.max_len} "
                         f"({len(rows['train'])} found, {dropped} too long)")
    if qlora:
        model = prepare_model_for_kbit_training(model)
    lora = LoraConfig(r=cfg.r, lora_alpha=cfg.alpha, lora_dropout=cfg.dropout, target_modules=cfg.target_modules,
                      modules_to_save=cfg.modules_to_save, ensure_weight_tying=bool(cfg.modules_to_save),
                      task_type="CAUSAL_LM")
    if cfg.init_adapter:
        from peft import PeftModel

        if not (Path(cfg.init_adapter) / "adapter_config.json").is_file():
            raise ValueError(f"init_adapter {cfg.init_adapter}: no adapter_config.json there (give an adapter "
                             "folder or one of its checkpoints)")
        model = PeftModel.from_pretrained(model, cfg.init_adapter, is_trainable=True)
    else:
        model = get_peft_model(model, lora)
    per_epoch = max(1, math.ceil(len(train_set) / (cfg.batch_size * cfg.grad_accum)))
    strategy = "steps" if cfg.eval_steps else "epoch"
    has_val = bool(val_set)
    timed = bool(cfg.max_minutes) and cfg.scheduler == "cosine_time"
    args = TrainingArguments(
        output_dir=str(out / "checkpoints"), per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size, gradient_accumulation_steps=cfg.grad_accum,
        learning_rate=cfg.lr, lr_scheduler_type="constant" if timed else cfg.scheduler, warmup_steps=max(0, round(
            cfg.warmup_ratio * (cfg.max_steps if cfg.max_steps > 0 else per_epoch * cfg.epochs))),
        num_train_epochs=cfg.epochs, max_steps=cfg.max_steps, logging_steps=cfg.logging_steps,
        eval_strategy=strategy if has_val else "no", save_strategy=strategy, eval_steps=cfg.eval_steps,
        save_steps=cfg.eval_steps, save_total_limit=2, load_best_model_at_end=has_val,
        metric_for_best_model="eval_loss", greater_is_better=False, report_to=[], seed=cfg.seed,
        disable_tqdm=not progress, use_cpu=not cuda, bf16=_bf16(cfg, cuda),
        remove_unused_columns=False, dataloader_num_workers=0, prediction_loss_only=True)
    t0 = time.time()

    class TimeLimit(TrainerCallback):
        def on_step_end(self, args, state, control, **kw):
            if cfg.max_minutes and time.time() - t0 > cfg.max_minutes * 60:
                control.should_training_stop = True
                control.should_save = True
                # evaluate the last step too: else the best-model reload rolls back to the last evaluation
                # (a 131-step run came back as its step-100 checkpoint)
                control.should_evaluate = has_val
            return control

    class StepClock(TrainerCallback):
        """Each step's wall time, for projecting a recipe's duration (``cadagent bench finetune --recipe``)."""
        def __init__(self):
            self.seconds, self.t = [], None

        def on_step_begin(self, args, state, control, **kw):
            self.t = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):
            if self.t is not None:
                self.seconds.append(round(time.perf_counter() - self.t, 3))

    class TimeSchedule(TrainerCallback):
        """With max_minutes, the warmup + cosine schedule runs over whichever comes first, the steps
        or the minutes: a run that the clock stops has still decayed its learning rate."""
        def __init__(self):
            self.start_step = None
            self.last_lr = None           # the rate the last step ran at (the scheduler resets it after)

        def on_step_begin(self, args, state, control, optimizer=None, **kw):
            if optimizer is None:
                return control
            if self.start_step is None:
                self.start_step = state.global_step
            steps = max(1, state.max_steps)
            frac = max(state.global_step / steps, (time.time() - t0) / (cfg.max_minutes * 60) if
                       state.global_step > self.start_step else 0.0)
            frac = min(1.0, frac)
            warm = cfg.warmup_ratio
            lr = cfg.lr * (frac / warm if warm and frac < warm else
                           0.5 * (1 + math.cos(math.pi * (frac - warm) / max(1e-9, 1 - warm))))
            for group in optimizer.param_groups:
                group["lr"] = lr
            self.last_lr = lr
            return control

    schedule = TimeSchedule() if timed else None
    clock = StepClock()
    callbacks = [TimeLimit(), clock] + ([schedule] if schedule else [])
    if has_val and cfg.early_stopping:
        callbacks.append(EarlyStoppingCallback(early_stopping_patience=cfg.early_stopping))
    trainer = _AnswerLossTrainer(model=model, args=args, train_dataset=train_set, eval_dataset=val_set or None,
                      data_collator=_Collator(tok.pad_token_id), callbacks=callbacks)
    resume = any((out / "checkpoints").glob("checkpoint-*"))
    result = trainer.train(resume_from_checkpoint=True if resume else None)
    t_eval = time.perf_counter()
    final_eval = trainer.evaluate() if has_val else {}
    eval_seconds = round(time.perf_counter() - t_eval, 1) if has_val else None
    model.save_pretrained(out)
    tok.save_pretrained(out)
    history = trainer.state.log_history
    metrics = {
        "task": cfg.task, "base": cfg.base, "resumed": resume, "global_step": trainer.state.global_step,
        "train_records": len(train_set), "val_records": len(val_set), "dropped_too_long": dropped + val_dropped,
        "qlora": qlora, "device": "cuda" if cuda else "cpu", "seconds": round(time.time() - t0, 1),
        "train_loss": result.training_loss, "eval_loss": final_eval.get("eval_loss"),
        "loss_curve": [{"step": h["step"], "loss": h["loss"]} for h in history if "loss" in h],
        "eval_curve": [{"step": h["step"], "eval_loss": h["eval_loss"]} for h in history if "eval_loss" in h],
        "trainable_parameters": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "step_seconds": clock.seconds, "eval_seconds": eval_seconds, "load_seconds": round(t0 - t_load, 1),
        "last_lr": schedule.last_lr if schedule else (trainer.optimizer.param_groups[0]["lr"]
                                                      if trainer.optimizer is not None else None),
    }
    (out / "train_config.json").write_text(json.dumps(asdict(cfg), indent=1, default=str), encoding="utf-8")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    write_meta(out, cfg, metrics)
    if getattr(tok, "chat_template", None):
        (out / "chat_template.jinja").write_text(tok.chat_template, encoding="utf-8")
    return metrics


def _answer_loss_trainer():
    """A Trainer whose loss computes the vocabulary projection only where answers are: the prompt's
    positions never reach ``lm_head``. With a 262k vocabulary (Gemma) that projection is most of a
    small model's step; the loss is the same as the model's own (mean over answer tokens)."""
    import torch
    from transformers import Trainer

    class AnswerLossTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            labels = inputs["labels"]
            answer = (labels != -100).any(dim=0).nonzero()
            if not len(answer):
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            start, n = max(0, int(answer[0]) - 1), labels.shape[1]
            keep = torch.arange(start, n - 1, device=labels.device)
            try:
                out = model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"],
                            logits_to_keep=keep)
            except TypeError:           # a model without logits_to_keep: the full projection
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            logits = out.logits.float()
            target = labels[:, start + 1:n]
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1),
                                                     ignore_index=-100, reduction="sum")
            count = (num_items_in_batch if num_items_in_batch is not None and self.model_accepts_loss_kwargs
                     else (target != -100).sum())
            # evaluation asks for the outputs too: the sliced logits, never the whole projection (for
            # 4 x 1,400 tokens x 262k that was ~20 GB, and the OOM killer ended a cadjson run there)
            return (loss / count, out) if return_outputs else loss / count

    return AnswerLossTrainer


def _AnswerLossTrainer(**kw):
    return _answer_loss_trainer()(**kw)


def of_task(row: dict, task: str) -> bool:
    """Whether a dataset record trains ``task``. The cadjson task is the (construction steps → CAD
    JSON) pairs, which `cadagent dataset build` writes as its ``instructions`` source."""
    if task == "cadjson":
        return row.get("task") == "cadjson" or row.get("source") == "instructions"
    return row.get("task", "gen") == task


def _bf16(cfg: TrainConfig, cuda: bool) -> bool:
    """bf16 mixed precision: ``auto`` on CUDA when supported; ``on`` also on the CPU, as autocast
    (2.9 s a step against 5.5 s in fp32 for Gemma 3 270M, as the issue measured)."""
    import torch

    if cfg.bf16 in ("on", "off"):
        return cfg.bf16 == "on"
    return cuda and torch.cuda.is_bf16_supported()


def dataset_sha256(data: Path, task: str) -> str:
    """sha256 of the task's train and val records, as stored (what the adapter learnt from)."""
    import hashlib

    from .dataset import read_jsonl

    h = hashlib.sha256()
    for split in ("train", "val"):
        path = Path(data) / f"{split}.jsonl"
        if path.is_file():
            for row in read_jsonl(path):
                if of_task(row, task):
                    h.update(json.dumps(row, sort_keys=True).encode())
    return h.hexdigest()


def write_meta(out: Path, cfg: TrainConfig, metrics: dict) -> dict:
    """``adapter_meta.json``: what the adapter is (task, target schema version), what it was trained on
    (the base's sha256, the dataset's sha256) and how it did (the metrics)."""
    from cadagent.agent.local_model.base import NOTICE, base_sha256
    from cadagent.tools.part.spec import SCHEMA_VERSION

    meta = {"task": cfg.task, "base": cfg.base, "base_sha256": base_sha256(Path(cfg.base)),
            "dataset": cfg.data, "dataset_sha256": dataset_sha256(Path(cfg.data), cfg.task),
            "schema_version": SCHEMA_VERSION if cfg.task == "spec" else None,
            "metrics": {k: v for k, v in metrics.items() if k not in ("loss_curve", "eval_curve")}}
    if (Path(cfg.base) / "cadagent_base.json").is_file():
        meta["notice"] = NOTICE
    (Path(out) / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return meta


def read_meta(adapter: Path) -> dict | None:
    path = Path(adapter) / META
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def merge(base: str, adapter: str, out: str) -> Path:
    """Fold a LoRA adapter into its base: a plain transformers model for serving (e.g. vLLM)."""
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    local = Path(base).is_dir()
    model = AutoModelForCausalLM.from_pretrained(base, dtype="auto", local_files_only=local)
    merged = PeftModel.from_pretrained(model, adapter).merge_and_unload()
    merged.save_pretrained(out)
    AutoTokenizer.from_pretrained(adapter if (Path(adapter) / "tokenizer_config.json").is_file() else base,
                                  local_files_only=True if Path(adapter).is_dir() else local).save_pretrained(out)
    return Path(out)
