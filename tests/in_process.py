"""Running the command line inside the test process, as ``newsdesk ARGS`` would run."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from tui.cli import main


@dataclass(frozen=True)
class Done:
    """What a run of the command line left: exit code, standard output and error."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Done:
    """Run ``newsdesk ARGS`` in this process, from ``cwd``, with ``env`` added."""
    saved_cwd, saved_env = os.getcwd(), dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    try:
        if cwd is not None:
            os.chdir(cwd)
        os.environ.update(env or {})
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's --version and --help end this way
                code = int(exc.code or 0)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return Done(code, out.getvalue(), err.getvalue())
