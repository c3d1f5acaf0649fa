"""The `gemini` provider against a stub of the Gemini API's REST wire protocol on 127.0.0.1.

The real ``langchain-google-genai`` / ``google-genai`` client code runs; only the server is ours."""

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
LONGER = CODE.replace("length = 60.0", "length = 70.0")  # an edit changes the script
KEY = "stub-key-123"


class GeminiStub:
    """Serves models.list, cachedContents.create and models.generateContent.

    ``replies``: (status, text) or (200, [(tool name, args)]) per generateContent call;
    ``min_cache_chars``: smaller cache requests are refused like the API does ("too small");
    ``forget_caches_after``: the first cache entry vanishes after this many generate calls."""

    def __init__(self, replies, min_cache_chars=0, forget_caches_after=None):
        self.replies = list(replies)
        self.requests: list[tuple[str, dict]] = []
        self.caches: dict[str, dict] = {}
        self.keys: set[str] = set()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _error(self, code, status, message):
                self._send(code, {"error": {"code": code, "message": message, "status": status}})

            def do_GET(self):
                stub.keys.add(self.headers.get("x-goog-api-key", ""))
                if self.headers.get("x-goog-api-key") != KEY:
                    return self._error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")
                self._send(200, {"models": [{"name": "models/gemini-2.5-flash"}, {"name": "models/gemini-2.5-pro"}]})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append((self.path, body))
                stub.keys.add(self.headers.get("x-goog-api-key", ""))
                if self.headers.get("x-goog-api-key") != KEY:
                    return self._error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")
                if self.path.endswith("/cachedContents"):
                    size = len(json.dumps(body.get("systemInstruction", {})))
                    if size < min_cache_chars:
                        return self._error(400, "INVALID_ARGUMENT", "Cached content is too small. "
                                           f"total_token_count={size // 4}, min_total_token_count=1024")
                    name = f"cachedContents/c{len(stub.cache_creations())}"
                    stub.caches[name] = body
                    return self._send(200, {"name": name, "model": body["model"],
                                            "expireTime": "2030-01-01T00:00:00Z"})
                cached = body.get("cachedContent")
                if cached and (cached not in stub.caches or (
                        cached == "cachedContents/c1" and forget_caches_after is not None
                        and len(stub.generations()) > forget_caches_after)):
                    stub.caches.pop(cached, None)
                    return self._error(403, "PERMISSION_DENIED",
                                       f"CachedContent not found (or permission denied): {cached}")
                status, text = stub.replies.pop(0) if len(stub.replies) > 1 else stub.replies[0]
                if status != 200:
                    return self._error(status, {429: "RESOURCE_EXHAUSTED", 404: "NOT_FOUND"}.get(status, "INTERNAL"),
                                       text or f"stub says {status}")
                if text is None:  # blocked: no content, finish reason SAFETY
                    return self._send(200, {"candidates": [{"finishReason": "SAFETY", "safetyRatings": [
                        {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH", "blocked": True}]}],
                        "usageMetadata": {"promptTokenCount": 900, "totalTokenCount": 900}})
                parts = ([{"functionCall": {"name": n, "args": a}} for n, a in text] if isinstance(text, list)
                         else [{"text": text}])
                self._send(200, {"candidates": [{"content": {"role": "model", "parts": parts},
                                                 "finishReason": "STOP"}],
                                 "usageMetadata": {"promptTokenCount": 900, "candidatesTokenCount": 40,
                                                   "totalTokenCount": 940,
                                                   "cachedContentTokenCount": 800 if cached else 0}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def generations(self):
        return [b for p, b in self.requests if p.endswith(":generateContent")]

    def cache_creations(self):
        return [b for p, b in self.requests if p.endswith("/cachedContents")]

    def close(self):
        self.server.shutdown()


@pytest.fixture()
def gemini_agent(agents):
    def make(url, key=KEY, **agent):
        # routing by the model is tested in test_routing.py, spec candidates in test_spec_candidates.py;
        # here each request is a generate or explain call
        return agents(google_api_key=key, agent={"llm": "gemini", "base_url": url, "retries": 1, "timeout_s": 10,
                                                 "model_routing": "off", "spec_candidates": "off", **agent})
    return make


def test_the_handbook_is_cached_once_and_reused(gemini_agent):
    stub = GeminiStub([(200, f"```python\n{CODE}```"), (200, f"```python\n{LONGER}```")])
    agent = gemini_agent(stub.url)
    try:
        assert "v1 saved: valid solid, bbox 60.0 x 40.0 x 5.0 mm" in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        second = agent.turn("t", "make it 10 mm longer")
        assert "v2 saved" in second.answer
    finally:
        stub.close()
    creations, calls = stub.cache_creations(), stub.generations()
    assert len(creations) == 1 and len(calls) == 2
    cached = creations[0]
    assert cached["ttl"] == "3600s" and cached["model"] == "models/gemini-2.5-flash"
    handbook = cached["systemInstruction"]["parts"][0]["text"]
    assert "# CadQuery notes" in handbook and len(handbook) > 20000  # notes + one example per family
    names = sorted(d["name"] for t in cached["tools"] for d in t["functionDeclarations"])
    assert names == ["check_size", "search_knowledge"]  # tools live in the cache with the prefix
    for call in calls:  # every call points at the cache and resends neither the prefix nor the tools
        assert call["cachedContent"] == "cachedContents/c1"
        assert "systemInstruction" not in call and "tools" not in call
        assert "CONTEXT" in call["contents"][-1]["parts"][0]["text"]
    assert agent.deps.llm.cache_stats["created"] == 1 and agent.deps.llm.cache_stats["reused"] == 1
    assert second.usage == {"input_tokens": 900, "output_tokens": 40, "total_tokens": 940, "cache_read": 800}


def test_an_expired_cache_is_created_again(gemini_agent):
    stub = GeminiStub([(200, f"```python\n{CODE}```"), (200, f"```python\n{LONGER}```")], forget_caches_after=1)
    agent = gemini_agent(stub.url)
    try:
        assert "v1 saved" in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        assert "v2 saved" in agent.turn("t", "make it 10 mm longer").answer  # the server dropped c1 meanwhile
    finally:
        stub.close()
    assert [c["ttl"] for c in stub.cache_creations()] == ["3600s", "3600s"]
    assert stub.generations()[-1]["cachedContent"] == "cachedContents/c2"
    assert agent.deps.llm.cache_stats["expired"] == 1


def test_small_prefixes_are_not_cached(gemini_agent):
    stub = GeminiStub([(200, f"```python\n{CODE}```"), (200, f"```python\n{LONGER}```")], min_cache_chars=10**7)
    agent = gemini_agent(stub.url)
    below = gemini_agent(stub.url, cache_min_tokens=10**6)  # under the configured minimum: not even asked
    try:
        assert "v1 saved" in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        assert "v2 saved" in agent.turn("t", "make it 10 mm longer").answer
        assert len(stub.cache_creations()) == 1  # refused as too small once, then not asked again
        assert "v1 saved" in below.turn("u", "a 70 x 40 mm plate, 5 mm thick").answer
    finally:
        stub.close()
    assert len(stub.cache_creations()) == 1 and below.deps.llm.cache_stats["skipped"] == 1
    for call in stub.generations():
        assert "cachedContent" not in call and "# CadQuery notes" in call["systemInstruction"]["parts"][0]["text"]


def test_function_calls_run_the_read_only_tools(gemini_agent):
    stub = GeminiStub([(200, [("search_knowledge", {"query": "flange with bolt holes", "k": 1})]),
                       (200, f"```python\n{CODE}```")])
    agent = gemini_agent(stub.url)
    try:
        steps = {ev.node: ev.text for ev in agent.stream("t", "a 60 x 40 mm plate, 5 mm thick")}
    finally:
        stub.close()
    assert "looked up: search_knowledge" in steps["generate"] and "v1 saved" in steps["respond"]
    answer = stub.generations()[1]["contents"]
    response = [p["functionResponse"] for c in answer for p in c["parts"] if "functionResponse" in p]
    assert response and response[0]["name"] == "search_knowledge"
    assert "flange" in json.dumps(response[0]["response"]).lower()


@pytest.mark.parametrize("status,text,expected", [
    (429, "Resource has been exhausted", "rate limiting (HTTP 429) even after 1 retries"),
    (404, "models/gemini-9 is not found", "does not know the model 'gemini-9'"),
    (500, "backend error", "The model server failed (HTTP 500)"),
])
def test_errors_become_readable_and_the_thread_lives_on(gemini_agent, status, text, expected):
    stub = GeminiStub([(status, text)])
    agent = gemini_agent(stub.url, model="gemini-9", cache_min_tokens=10**6)
    try:
        assert expected in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
        stub.replies = [(200, f"```python\n{CODE}```")]
        assert "v1 saved" in agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
    finally:
        stub.close()
    assert len(agent.messages("t")) == 4


def test_a_blocked_answer_is_named_not_retried(gemini_agent):
    stub = GeminiStub([(200, None)])
    agent = gemini_agent(stub.url, cache_min_tokens=10**6)
    try:
        answer = agent.turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
    finally:
        stub.close()
    assert answer == "The model refused to answer (finish reason SAFETY). Rephrase the request, or choose another model."
    assert len(stub.generations()) == 1  # a refusal is not retried


def test_a_wrong_key_and_a_missing_key_name_the_env_vars(gemini_agent, tmp_path):
    stub = GeminiStub([(200, "")])
    try:
        answer = gemini_agent(stub.url, key="wrong").turn("t", "a 60 x 40 mm plate, 5 mm thick").answer
    finally:
        stub.close()
    assert "The API key was refused. Check GOOGLE_API_KEY or GEMINI_API_KEY" in answer
    env = {k: v for k, v in os.environ.items() if "API_KEY" not in k}
    p = subprocess.run([sys.executable, "-m", "cadagent.cli", "chat", "--llm", "gemini"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                       env={**env, "PYTHONPATH": str(ROOT)})
    assert p.returncode == 2
    assert "needs an API key: set GOOGLE_API_KEY or GEMINI_API_KEY" in p.stderr + p.stdout


def test_llm_list_and_check_ask_the_api(tmp_path):
    stub = GeminiStub([(200, "ready")])
    env = {**{k: v for k, v in os.environ.items() if "API_KEY" not in k}, "PYTHONPATH": str(ROOT),
           "GEMINI_API_KEY": KEY}
    try:
        listed = subprocess.run([sys.executable, "-m", "cadagent.cli", "llm", "list", "--llm", "gemini",
                                 "--base-url", stub.url], cwd=tmp_path, capture_output=True, text=True,
                                timeout=60, env=env)
        checked = subprocess.run([sys.executable, "-m", "cadagent.cli", "llm", "check", "--llm", "gemini",
                                  "--base-url", stub.url, "--json"], cwd=tmp_path, capture_output=True,
                                 text=True, timeout=60, env=env)
        bad = subprocess.run([sys.executable, "-m", "cadagent.cli", "llm", "list", "--llm", "gemini",
                              "--base-url", stub.url], cwd=tmp_path, capture_output=True, text=True,
                             timeout=60, env={**env, "GEMINI_API_KEY": "nope"})
    finally:
        stub.close()
    assert "✓ gemini (ready: gemini-2.5-flash available)" in listed.stdout
    assert checked.returncode == 0, checked.stderr
    result = json.loads(checked.stdout)
    assert result["ok"] and result["answer"] == "ready" and result["usage"]["total_tokens"] == 940
    assert "refused the key (HTTP 400)" in bad.stdout
