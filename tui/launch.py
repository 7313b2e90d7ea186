"""Starting the terminal app from the command line (``newsdesk [PATH]``)."""

from __future__ import annotations

import os
import sys

from tui.config import Config, resolve_archive, resolve_index_dir


def run_app(path_or_name: str | None, index_dir: str | None, config: Config) -> int:
    """Open the app on an archive (a path, a configured name, or the default); the exit code.

    A missing archive folder is reported before Textual is even imported.
    """
    archive = resolve_archive(path_or_name, config)
    if not archive.is_dir():
        print(f"newsdesk: error: {archive}: no such archive folder", file=sys.stderr)
        return 1
    _start_process_helper()
    from tui.app import NewsdeskApp

    app = NewsdeskApp(archive, resolve_index_dir(archive, index_dir, config), config)
    result = app.run()
    code = app.return_code or (result or 0)
    if app.aborted_update:
        # Quitting stopped an index build half way. Its worker processes are gone, but the
        # multiprocessing queue threads feeding them can block interpreter exit for ever; the
        # index is safe to abandon at any point (the next run completes it), so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _start_process_helper() -> None:
    """Start multiprocessing's resource tracker while stderr is still the terminal.

    Large index builds run in worker processes; Python starts this helper on first use and
    hands it our stderr, which inside the app is Textual's capture object with no file
    descriptor (the build would fail with "bad value(s) in fds_to_keep").
    """
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
