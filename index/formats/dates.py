"""Turning the many ways articles write dates into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d])")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*$")


def parse_date(value: object) -> str | None:
    """Return ``value`` as an ISO date string, or None when it is not a recognisable date.

    Accepts ``date``/``datetime`` objects (as YAML gives them), ``2019-03-25``,
    ``2019-03-25T10:00:00Z``, ``2019/03/25``, ``2019-03`` (first of the month),
    ``25 March 2019`` and ``March 25, 2019``.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()[:80]
    if match := _NUMERIC.search(text):
        year, month, day = match.group(1), match.group(2), match.group(3) or "1"
        return _valid(int(year), int(month), int(day))
    if match := _DAY_MONTH_YEAR.search(text):
        day, month_name, year = match.groups()
        return _named(int(year), month_name, int(day))
    if match := _MONTH_DAY_YEAR.search(text):
        month_name, day, year = match.groups()
        return _named(int(year), month_name, int(day))
    if match := _YEAR_ONLY.match(text):
        return _valid(int(match.group(1)), 1, 1)
    return None


def _named(year: int, month_name: str, day: int) -> str | None:
    month = _MONTHS.get(month_name.lower())
    return _valid(year, month, day) if month else None


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1000 <= year <= 9999:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
