"""Search engines other than the embedded Whoosh index, each behind the Backend protocol."""
