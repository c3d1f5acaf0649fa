"""The Gradio chat UI, a thin adapter over the agent's stream. Not built yet: see issue 7."""
