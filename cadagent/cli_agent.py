"""``cadagent chat`` (terminal conversation) and ``cadagent run`` (one shot)."""

from __future__ import annotations

import shutil
import sys
import uuid
from pathlib import Path
from typing import Optional

import typer

from .cli_common import ConfigOpt, settings_from



def provider_settings(config, llm=None, model=None, base_url=None, adapters=None, **agent):
    """Settings with the provider flags applied (``--adapter name=path`` parsed here)."""
    parsed = {}
    for item in adapters or []:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            typer.secho(f"error: --adapter {item!r}: expected NAME=PATH, e.g. --adapter gen=./adapters/gen",
                        fg="red", err=True)
            raise typer.Exit(2)
        parsed[name] = Path(path)
    return settings_from(config).with_agent(llm=llm, model=model, base_url=base_url, adapters=parsed or None,
                                            **agent)


def _agent(settings):
    from cadagent.agent.runtime import Agent, WorkspaceError

    try:
        agent = Agent(settings)
    except (ValueError, WorkspaceError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    for note in agent.notes:  # e.g. a damaged checkpoint database moved aside
        typer.secho(f"note: {note}", fg="yellow", err=True)
    return agent


def _provider_names() -> str:
    from cadagent.agent.providers import names

    return " | ".join(names())


LlmOpt = typer.Option(None, "--llm", help=f"chat model: {_provider_names()} (offline is the default)")
ModelOpt = typer.Option(None, "--model", help="model name (e.g. qwen2.5-coder:7b, gemini-2.5-flash) or, "
                        "for local, the model folder")
BaseUrlOpt = typer.Option(None, "--base-url", help="endpoint: an OpenAI-compatible server "
                          "(e.g. http://localhost:11434/v1) or a Gemini API proxy")
AdapterOpt = typer.Option(None, "--adapter", help="local: a LoRA adapter as NAME=PATH (gen, explain); repeatable")


def _turn(agent, thread: str, text: str, attachment: Optional[str] = None):
    """One turn in the terminal: its steps as they run, then the answer. Returns the TurnResult."""
    from cadagent.agent.contract import Message

    result = None
    for ev in agent.stream(thread, Message(text, attachment)):
        if ev.result is not None:
            result = ev.result
        elif ev.node != "respond" and ev.text:  # the answer is printed below
            typer.secho(f"   · {ev.text}", fg="yellow" if ev.ok is False else "cyan")
    typer.secho("agent> " + result.answer.replace("\n", "\n       "), fg="green" if result.saved else None)
    return result


def chat_cmd(
    thread: str = typer.Option("cli", "--thread", help="conversation id; the same id continues a conversation"),
    llm: Optional[str] = LlmOpt,
    attempts: Optional[int] = typer.Option(None, "--attempts", min=1, max=10, help="generate attempts per turn"),
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    adapter: Optional[list[str]] = AdapterOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Design parts in a terminal conversation. /new starts a fresh thread, /quit leaves."""
    from cadagent.agent.runtime import TurnBusy, WorkspaceError

    agent = _agent(provider_settings(config, llm, model, base_url, adapter, max_attempts=attempts))
    typer.echo(f"CadAgent chat (thread {thread!r}, workspace {agent.workspace}). Describe a part; /quit to leave.")
    try:
        while True:
            try:
                text = input("you> ").strip()
            except EOFError:
                break
            if not text:
                continue
            if text in ("/quit", "/exit"):
                break
            if text == "/new":
                thread = f"cli-{uuid.uuid4().hex[:8]}"
                typer.echo(f"new thread {thread!r}")
                continue
            try:
                _turn(agent, thread, text)
            except (WorkspaceError, TurnBusy) as exc:  # says what happened and what to do
                typer.secho(f"agent> {exc}", fg="red")
            except Exception as exc:  # noqa: BLE001 - the conversation survives any failure
                typer.secho(f"agent> something went wrong on our side ({type(exc).__name__}: {exc}). The saved "
                            "versions are kept on disk; the next message starts from the latest one.", fg="red")
    finally:
        agent.close()


def run_cmd(
    request: str = typer.Argument(..., help="what to design, in plain words"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="copy the part's files here"),
    llm: Optional[str] = LlmOpt,
    attempts: Optional[int] = typer.Option(None, "--attempts", min=1, max=10),
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    adapter: Optional[list[str]] = AdapterOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """One request, one part: STEP / STL / GLB / script / report in --out. Exit 0 when a part was made."""
    agent = _agent(provider_settings(config, llm, model, base_url, adapter, max_attempts=attempts))
    thread = f"run-{uuid.uuid4().hex[:10]}"
    from cadagent.agent.runtime import WorkspaceError

    try:
        try:
            result = _turn(agent, thread, request)
        except WorkspaceError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
        if result.version is None:
            raise typer.Exit(1)
        if out:
            out.mkdir(parents=True, exist_ok=True)
            for path in result.version.files.values():
                shutil.copyfile(path, out / Path(path).name)
            typer.echo(f"→ {out}/ (" + ", ".join(Path(p).name for p in result.version.files.values()) + ")")
    finally:
        agent.close()
    sys.stdout.flush()


def ui_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
    port: int = typer.Option(7860, "--port", help="port"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Serve the chat UI (3D viewer, code, versions, downloads) at http://HOST:PORT."""
    import time

    t0 = time.perf_counter()
    from cadagent.ui.app import launch

    settings = settings_from(config)
    typer.echo(f"starting CadAgent UI (workspace {settings.workspace}) …")
    demo, agent = launch(settings, host, port, block=False)
    typer.secho(f"ready in {time.perf_counter() - t0:.1f} s: http://{host}:{port}", fg="green")
    try:
        demo.block_thread()
    finally:
        agent.close()


llm_app = typer.Typer(help="LLM providers: what is configured and reachable.", no_args_is_help=True)


@llm_app.command("list")
def llm_list_cmd(
    llm: Optional[str] = LlmOpt,
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    adapter: Optional[list[str]] = AdapterOpt,
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Each provider with its status: servers are asked for their models, keys are tried, local
    folders are looked at (nothing is loaded)."""
    from cadagent.agent.providers import status

    for st in status(provider_settings(config, llm, model, base_url, adapter)):
        typer.secho(("✓ " if st.ready else "✗ ") + st.label(), fg="green" if st.ready else "yellow")


@llm_app.command("check")
def llm_check_cmd(
    llm: Optional[str] = LlmOpt,
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    adapter: Optional[list[str]] = AdapterOpt,
    as_json: bool = typer.Option(False, "--json", help="print the result as JSON"),
    config: Optional[Path] = ConfigOpt,
) -> None:
    """Build the selected provider and send it one tiny prompt: load time, answer time, tokens, or
    the reason it failed. Exit 1 when it does not answer."""
    import json

    from cadagent.agent.providers import check

    result = check(provider_settings(config, llm, model, base_url, adapter))
    if as_json:
        typer.echo(json.dumps(result))
    elif result["ok"]:
        typer.secho(f"✓ {result['provider']} answered {result['answer']!r} in {result['answer_s']:.2f} s "
                    f"(built in {result['load_s']:.2f} s; tokens {result['usage'] or 'not reported'})", fg="green")
    else:
        typer.secho(f"✗ {result['provider']}: {result.get('error') or 'an empty answer'}", fg="red")
    if not result["ok"]:
        raise typer.Exit(1)
