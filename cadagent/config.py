"""The one settings object.

Sources, strongest first: CLI flags (passed as overrides), environment variables
``CADAGENT_*`` (nested with ``__``, e.g. ``CADAGENT_SANDBOX__TIMEOUT_S=10``), a TOML file
(``--config``, ``CADAGENT_CONFIG`` or ``./cadagent.toml``), then the defaults below.
This is the only module that reads the environment; everything else gets settings passed in.
"""

from __future__ import annotations

import os
from typing import Literal
from contextvars import ContextVar
from pathlib import Path

from pydantic import AliasChoices, BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, TomlConfigSettingsSource

_toml_path: ContextVar[Path | None] = ContextVar("cadagent_toml_path", default=None)


class SandboxSettings(BaseModel):
    timeout_s: float = Field(30.0, gt=0, description="wall-clock limit of one job")
    memory_mb: int = Field(2048, ge=64, description="extra address space a job may map")
    output_kb: int = Field(64, ge=1, description="how much a script may print")
    workers: int = Field(default_factory=lambda: max(1, min(os.cpu_count() or 1, 4)), ge=1, le=64,
                         description="warm worker processes (parallel jobs); default: one per core, at most 4")
    disk_mb: int = Field(256, ge=1, description="what one job may write into its folder, all files together")
    max_script_kb: int = Field(1024, ge=1, description="larger scripts are refused before anything runs")
    fresh_measure: bool = Field(True, description="measure each result in a fresh process that never ran "
                                "the script (off: ~N ms faster per job, but a script can forge its report)")


class StorageSettings(BaseModel):
    keep_jobs: int = Field(50, ge=0, description="job folders always kept (the newest), whatever their age")
    max_age_h: float = Field(24.0, gt=0, description="job folders, upload copies and broken-store copies older "
                             "than this are pruned")
    max_mb: float = Field(500.0, gt=0, description="size budget of the prunable files (jobs, uploads, broken "
                          "copies); the oldest go first when it is exceeded")
    prune_every: int = Field(20, ge=1, description="prune the workspace at start and every N turns")


class KnowledgeSettings(BaseModel):
    user_examples: Path | None = Field(None, description="folder of your own example scripts "
                                       "(default: <workspace>/examples)")


class AgentSettings(BaseModel):
    llm: str = Field("offline", description="which chat model drives the agent: offline | openai | gemini | local")
    max_attempts: int = Field(3, ge=1, le=10, description="generate attempts per turn (retries on errors)")
    model: str | None = Field(None, description="model name for the provider (e.g. qwen2.5-coder:7b)")
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1")
    temperature: float = Field(0.2, ge=0, le=2)
    max_tokens: int = Field(2048, ge=16)
    timeout_s: float = Field(120.0, gt=0, description="per model call")
    retries: int = Field(2, ge=0, le=10, description="retries on 429 / 5xx / connection errors, with backoff")
    tool_calling: Literal["auto", "on", "off"] = Field(
        "auto", description="offer the read-only tools (search_knowledge, check_size) to the model natively; "
        "auto: on for gemini and openai (dropped by itself if the server refuses tools)")
    cache_ttl_s: int = Field(3600, ge=60, description="gemini: lifetime of the cached prompt prefix")
    cache_min_tokens: int = Field(1024, ge=0, description="gemini: no cache below this many (estimated) tokens "
                                  "(the API's minimum for explicit caching)")
    adapters: dict[str, Path] = Field(default_factory=dict, description="local: LoRA adapters by task, "
                                      "e.g. {gen = './adapters/gen', explain = './adapters/explain'}")
    device: str = Field("auto", description="local: auto | cpu | cuda | cuda:N")
    turn_wait_s: float = Field(60.0, ge=0, description="how long a turn waits for the previous turn on the "
                               "same conversation before it is refused (0: refuse at once)")
    prompt_style: Literal["auto", "full", "compact"] = Field(
        "auto", description="full: retrieved examples and notes in every prompt; compact: the request, plan and "
        "current code only (what `cadagent finetune` trains on); auto: compact for local, full otherwise")
    model_routing: Literal["auto", "on", "off"] = Field(
        "auto", description="who reads a message's intent: on: the model (a structured decision, checked by the "
        "parser); off: the parser (no extra model call); auto: the model for providers that decide intent "
        "(every one but offline)")
    spec_candidates: Literal["auto", "on", "off"] = Field(
        "auto", description="a part-spec candidate beside the free code, the better-checked one wins: gemini and "
        "openai are asked for a spec under its JSON Schema (structured output where supported), the local model "
        "writes spec_samples specs under constrained decoding, ranked with the parser's readings; auto: on for "
        "gemini and api.openai.com (another OpenAI-compatible server: set on), and for local when a 'spec' adapter "
        "is loaded; off: no spec call")
    spec_samples: int = Field(4, ge=1, le=16, description="local: spec candidates per turn (1 greedy, the rest "
                              "sampled), ranked with the parser's readings")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CADAGENT_", env_nested_delimiter="__",
                                      extra="forbid", populate_by_name=True)

    workspace: Path = Field(Path(".cadagent"), description="where sessions, stores and logs live")
    sandbox: SandboxSettings = SandboxSettings()
    kb: KnowledgeSettings = KnowledgeSettings()
    storage: StorageSettings = StorageSettings()
    agent: AgentSettings = AgentSettings()
    openai_api_key: SecretStr | None = Field(None, validation_alias=AliasChoices(
        "CADAGENT_OPENAI_API_KEY", "OPENAI_API_KEY"), description="key for an OpenAI-compatible server")
    google_api_key: SecretStr | None = Field(None, validation_alias=AliasChoices(
        "CADAGENT_GOOGLE_API_KEY", "GOOGLE_API_KEY", "GEMINI_API_KEY"), description="key for the Gemini API")
    # running for many users (README): each store chosen by a URL; unset, everything stays in the workspace
    checkpoint_url: str | None = Field(None, description="the conversations: a SQLite file (default "
                                       "<workspace>/checkpoints.sqlite) or postgresql://user:password@host:port/db "
                                       "(shared by many processes; the version index and turn locks live there too)")
    kb_url: str | None = Field(None, description="the knowledge base's vector store: a folder (default "
                               "<workspace>/kb/chroma) or http://host:port of a Chroma server (`chroma run`)")
    files: Path | None = Field(None, description="the folder for versions and job files (default: the workspace); "
                               "a volume shared by every process that serves the same users")

    @field_validator("checkpoint_url")
    @classmethod
    def _checkpoint_url(cls, v: str | None) -> str | None:
        if v and "://" in v and v.split("://", 1)[0] not in ("postgresql", "postgres", "sqlite"):
            raise ValueError(f"expected a SQLite file path or postgresql://user:password@host:port/dbname, "
                             f"got a {v.split('://', 1)[0]}:// URL")
        return v or None

    @field_validator("kb_url")
    @classmethod
    def _kb_url(cls, v: str | None) -> str | None:
        if v and "://" in v:
            from urllib.parse import urlsplit

            parts = urlsplit(v)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"expected a folder or http://host:port of a Chroma server, got {v!r}")
        return v or None

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings,
                                   dotenv_settings, file_secret_settings):
        path = _toml_path.get()
        sources = [init_settings, env_settings]
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)

    def limits(self):
        from cadagent.tools.sandbox import Limits

        s = self.sandbox
        return Limits(timeout_s=s.timeout_s, memory_mb=s.memory_mb, output_kb=s.output_kb,
                      disk_mb=s.disk_mb, max_file_mb=min(256, s.disk_mb), max_script_kb=s.max_script_kb,
                      fresh_measure=s.fresh_measure)

    def sandbox_factory(self):
        """A Sandbox built from these settings (jobs and logs in the files folder)."""
        from cadagent.tools.sandbox import Sandbox

        return Sandbox(self.limits(), workers=self.sandbox.workers,
                       jobs_root=self.files_dir() / "jobs")

    def files_dir(self) -> Path:
        """Where versions (``sessions/``) and job folders (``jobs/``) live: ``files``, else the workspace."""
        return self.files or self.workspace


    def with_agent(self, **changes) -> Settings:
        """A copy with some [agent] options replaced (None values are ignored)."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return self.model_copy(update={"agent": self.agent.model_copy(update=changes)}) if changes else self

    def knowledge_base(self):
        """The knowledge base (store under <workspace>/kb, or where ``kb_url`` says)."""
        from cadagent.knowledge.search import KnowledgeBase

        return KnowledgeBase(self.workspace, self.kb.user_examples, store_url=self.kb_url)


def config_path(explicit: str | Path | None = None) -> Path | None:
    """The TOML file to read, if any: explicit > $CADAGENT_CONFIG > ./cadagent.toml."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise FileNotFoundError(f"config file {path} does not exist")
        return path
    env = os.environ.get("CADAGENT_CONFIG")
    if env:
        return Path(env)
    local = Path("cadagent.toml")
    return local if local.is_file() else None


def load_settings(config_file: str | Path | None = None, **overrides) -> Settings:
    """Read the settings; ``overrides`` (e.g. from CLI flags) win over everything else."""
    token = _toml_path.set(config_path(config_file))
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    finally:
        _toml_path.reset(token)
