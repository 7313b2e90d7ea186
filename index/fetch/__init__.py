"""``newsdesk fetch``: grow an archive from feeds and the pages they link, politely."""
