"""The `openai` provider against a stub OpenAI-compatible server on 127.0.0.1 (real HTTP)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


from .conftest import ROOT

CODE = "import cadquery as cq\nlength = 60.0\nresult = cq.Workplane().box(length, 40, 5)\n"


class Stub:
    """Scripted replies: (status, text) or (200, [(tool name, args), ...]) for tool calls.
    Records every request body."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body, headers=()):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path.endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "stub-coder", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                status, text = stub.replies.pop(0) if len(stub.replies) > 1 else stub.replies[0]
                if status != 200:
                    self._send(status, {"error": {"message": text or f"stub says {status}", "type": "stub"}},
                               [("Retry-After", "0")])
                    return
                message = {"role": "assistant", "content": text}
                if isinstance(text, list):
                    message = {"role": "assistant", "content": None, "tool_calls": [
                        {"id": f"call_{i}", "type": "function",
                         "function": {"name": name, "arguments": json.dumps(args)}}
                        for i, (name, args) in enumerate(text)]}
                self._send(200, {"id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                                 "choices": [{"index": 0, "finish_reason": "tool_calls" if isinstance(text, list)
                                              else "stop", "message": message}],
                                 "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture()
def agent_for(agents):
    def make(url, retries=2):
        # routing by the model is tested in test_routing.py; here each request is a generate call
        return agents(agent={"llm": "openai", "base_url": url, "model": "stub-coder", "retries": retries,
                             "timeout_s": 10, "model_routing": "off"})
    return make


def test_429_then_success_through_real_http(agent_for):
    stub = Stub([(429, ""), (200, f"Here you go:\n```python\n{CODE}```\nA 60 x 40 x 5 plate.")])
    try:
        answer = agent_for(stub.url).turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
    finally:
        stub.close()
    assert "v1 saved: valid solid, bbox 60.0 x 40.0 x 5.0 mm" in answer
    assert len(stub.requests) == 2  # the 429 was retried by the client
    sent = stub.requests[-1]
    assert sent["model"] == "stub-coder" and sent["messages"][0]["role"] == "system"
    assert "CONTEXT" in sent["messages"][1]["content"]


def test_unfenced_and_chatty_answers_are_handled(agent_for):
    stub = Stub([(200, "Sure! " + CODE + "\nHope this helps.")])
    try:
        answer = agent_for(stub.url).turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
    finally:
        stub.close()
    assert "v1 saved" in answer


def test_server_errors_become_readable_answers_and_the_thread_lives_on(agent_for):
    stub = Stub([(500, "")])
    agent = agent_for(stub.url, retries=1)
    try:
        answer = agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        assert "The model server failed (HTTP 500) after 1 retries" in answer
        stub.replies = [(200, f"```python\n{CODE}```")]
        assert "v1 saved" in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        assert len(agent.messages("t")) == 4  # both turns are in the thread
    finally:
        stub.close()
    down = agent_for("http://127.0.0.1:9/v1", retries=0).turn("u", "a 60 x 40 mm plate, 5 mm thick").answer
    assert down.startswith("I cannot reach the model server at http://127.0.0.1:9/v1")


def test_native_tool_calls_run_the_read_only_tools(agent_for):
    stub = Stub([(200, [("search_knowledge", {"query": "plate with four corner holes", "k": 2}),
                        ("check_size", {"size": [5, 60, 40], "plan": {"extents": [5, 40, 60]}})]),
                 (200, [("run_cadquery", {"code": "import os"})]),
                 (200, f"```python\n{CODE}```")])
    agent = agent_for(stub.url)
    try:
        events = list(agent.stream("t", "a 60 x 40 mm plate, 5 mm thick"))
    finally:
        stub.close()
    steps = {ev.node: ev.text for ev in events}
    assert "v1 saved" in steps["respond"]
    assert "looked up: search_knowledge, check_size, run_cadquery" in steps["generate"]
    first, second, third = stub.requests
    assert sorted(t["function"]["name"] for t in first["tools"]) == ["check_size", "search_knowledge"]
    tool_msgs = [m for m in second["messages"] if m["role"] == "tool"]
    assert len(tool_msgs) == 2 and "plate" in tool_msgs[0]["content"].lower()
    assert json.loads(tool_msgs[1]["content"]) == []  # sizes match: no problems
    # run_cadquery is not offered (it writes files): asking for it gets an error back, not a run
    refused = [m for m in third["messages"] if m["role"] == "tool"][-1]
    assert "unknown tool 'run_cadquery'" in refused["content"]
    tool_log = next(ev.data["tool_log"] for ev in events if ev.node == "generate")
    assert tool_log[-1] == {"tool": "run_cadquery", "args": {"code": "import os"}, "ok": False}


def test_a_server_without_tool_support_is_asked_again_without_tools(agent_for):
    longer = CODE.replace("length = 60.0", "length = 70.0")
    stub = Stub([(400, "registry.ollama.ai/library/tiny does not support tools"), (200, f"```python\n{CODE}```"),
                 (200, f"```python\n{longer}```")])
    agent = agent_for(stub.url)
    try:
        assert "v1 saved" in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        assert "v2 saved" in agent.turn("t", "make it 10 mm longer").answer
    finally:
        stub.close()
    assert "tools" in stub.requests[0]
    assert all("tools" not in r for r in stub.requests[1:])  # the refusal is remembered


def test_llm_list_asks_the_server(tmp_path):
    stub = Stub([(200, "")])
    try:
        p = subprocess.run([sys.executable, "-m", "cadagent.cli", "llm", "list", "--base-url", stub.url,
                            "--model", "stub-coder"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        stub.close()
    assert p.returncode == 0
    assert f"✓ openai (ready: {stub.url}: 1 model(s))" in p.stdout
