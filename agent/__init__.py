"""The LangGraph agent (state, graph, nodes, prompts, LLM providers). Not built yet: see issue 5."""
