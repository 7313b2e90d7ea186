"""The search API: the Backend protocol, its request and result records, errors and the query
language. Engines implement it; the app and the command line use nothing else of an engine."""
