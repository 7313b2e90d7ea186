"""Starting the terminal app from the command line (``newsdesk [PATH]``)."""

from __future__ import annotations

from tui import output
from tui.config import Config, resolve_archive, resolve_index_dir


def run_app(
    path_or_name: str | None, index_dir: str | None, config: Config, backend: str | None = None
) -> int:
    """Open the app on an archive (a path, a configured name, or the default); the exit code.

    A missing archive folder is reported before Textual is even imported.
    """
    archive = resolve_archive(path_or_name, config)
    if not archive.is_dir():
        output.error(f"{archive}: no such archive folder")
        return 1
    from tui.app import NewsdeskApp

    app = NewsdeskApp(
        archive,
        resolve_index_dir(archive, index_dir, config),
        config,
        backend=backend,
        settle_memory=True,
    )
    result = app.run()
    return app.return_code or (result or 0)
