"""Chat with your own documents: reading, passages, the index, search and grounded prompts.

- readers:   the text of .txt/.md/.pdf/.docx/.odt/.html files, or why a file is skipped
- chunking:  passages of a few hundred characters with page and position
- embedder:  wordllama's bundled static vectors, loaded offline
- index:     the SQLite index beside the chats (FTS5 when available)
- indexer:   incremental indexing runs, with pause, cancel and their cost
- search:    BM25 + vectors fused by reciprocal rank fusion
- grounding: the passages that fit the model's context and the prompt that cites them
"""
