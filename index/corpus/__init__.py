"""The corpus model: articles and quotes (records only; imports nothing else of newsdesk)."""
