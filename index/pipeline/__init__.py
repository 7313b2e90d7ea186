"""The pipeline: find article files, read them, annotate them with quotes, and keep track of
what was indexed (manifest, write lock) and of what the reader did (reading state)."""
