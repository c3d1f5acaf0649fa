"""The Gradio page (``cadagent ui``): a thin adapter over the agent's stream; see app.py."""
