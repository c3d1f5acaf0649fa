"""The retrieval knowledge base (examples, doc notes, Chroma store). Not built yet: see issue 3."""
