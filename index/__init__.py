"""newsdesk's corpus library: article files in; articles, quotes, an index and results out.

Never imports Textual. Importing this package is cheap: Whoosh loads only when an index is
opened.
"""
