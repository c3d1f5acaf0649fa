"""The graph's nodes, by concern: routing, the design loop, explain, versions, answers.

Every node takes the state and the run-time context (:class:`~.common.Deps`, LangGraph's
``context_schema``) and returns the keys it changes; graph.py declares what each reads and writes.
"""
