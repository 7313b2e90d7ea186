"""What earlier fetches learnt about each URL (validators, saved file), kept in the archive."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

STATE_FOLDER = ".newsdesk"
STATE_FILE = "fetch-state.json"


@dataclass(frozen=True, slots=True)
class Seen:
    """One URL as last fetched: its validators and the archive file it was saved as."""

    file: str
    etag: str | None = None
    last_modified: str | None = None


class FetchState:
    """URL -> :class:`Seen`, saved atomically after every download (so a killed run resumes)."""

    def __init__(self, archive: Path) -> None:
        self.path = archive / STATE_FOLDER / STATE_FILE
        self._seen: dict[str, Seen] = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # a missing or damaged state only costs full downloads
        for url, record in (raw.get("urls") or {}).items() if isinstance(raw, dict) else ():
            if isinstance(record, dict) and isinstance(record.get("file"), str):
                self._seen[url] = Seen(
                    record["file"], _text(record.get("etag")), _text(record.get("last_modified"))
                )

    def get(self, url: str) -> Seen | None:
        """What is known about ``url``."""
        return self._seen.get(url)

    def put(self, url: str, seen: Seen) -> None:
        """Remember ``url`` and save the state."""
        self._seen[url] = seen
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_name(self.path.name + ".part")
        data = {"version": 1, "urls": {u: asdict(s) for u, s in sorted(self._seen.items())}}
        temp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temp, self.path)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
