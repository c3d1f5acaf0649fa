"""The local model as a part-spec writer: a known base (Gemma 3 270M from the ``[local-model]``
extra, cached as safetensors in the workspace), the spec target's JSON Schema, constrained
decoding (lm-format-enforcer), N candidates per request, and best-of-N ranking by the checks over
candidates from any source (the model's samples, the parser's readings).

Modules: ``base`` (known bases, cache, status), ``schemas`` (targets cut from the project
schemas), ``constrain`` (the logits processor), ``normalize`` (units and words before the model),
``prompts`` (one message builder for training and serving), ``writer`` (candidates), ``rank``
(the ensemble's ranking), ``extents`` (the envelope a request states), ``fallback`` (candidates from a
refused parser reading's body).
"""
