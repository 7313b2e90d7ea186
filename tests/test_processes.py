"""Worker processes start even where stderr is not a file (as inside the terminal UI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

SCRIPT = """
import io, sys
from pathlib import Path
from index.engines.whoosh import build
build.PARALLEL_THRESHOLD = 1  # workers even for a small archive
class Captured(io.StringIO):
    def fileno(self) -> int:
        return -1  # what a terminal UI's stderr capture may answer
sys.stderr = Captured()
try:
    report = build.update_index(Path(sys.argv[1]), Path(sys.argv[2]), procs=2)
except Exception as exc:
    sys.__stderr__.write(repr(exc))
    raise SystemExit(1)
print(report.added)
"""


def test_a_parallel_build_starts_its_workers_with_a_captured_stderr(
    sample_archive: Path, tmp_path: Path
) -> None:
    files = sum(1 for p in sample_archive.rglob("*") if p.is_file())
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_archive), str(tmp_path / "ix")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert 0 < int(done.stdout) <= files
