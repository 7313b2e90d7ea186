"""The installed ``newsdesk`` in a real terminal (tmux): what a user sees, key by key.

Each test runs its own tmux server (``-L``) so nothing touches the user's sessions, and reads
the screen with ``capture-pane``, polling until the expected text appears or a timeout passes.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.samples import SAMPLE_DATA, copy_archive
from tui.widgets.headlines import BOOKMARK_MARK, UNREAD_MARK

NEWSDESK = Path(sys.executable).with_name("newsdesk")
"""The command installed beside the Python running the tests (not another one on PATH)."""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not NEWSDESK.exists(), reason="newsdesk is not installed here"),
]

TIMEOUT = 30.0


class Terminal:
    """One tmux server with one window running a command."""

    def __init__(self, home: Path) -> None:
        self.socket = f"newsdesk-test-{uuid.uuid4().hex[:8]}"
        self.home = home

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this test's server; its output."""
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def start(self, command: str, width: int, height: int, **env: str) -> None:
        """Open a window running ``command`` (with ``env``); the shell stays when it ends."""
        variables = {
            "XDG_DATA_HOME": str(self.home / "data"),
            "XDG_CONFIG_HOME": str(self.home / "config"),
            "TERM": "xterm-256color",
            **env,
        }
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items())
        # COLUMNS/LINES from the caller's environment would override the window's real size.
        script = (
            f"env -u COLUMNS -u LINES {assignments} {command}; echo NEWSDESK-EXITED $?; sleep 600"
        )
        self.tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), script)

    def screen(self) -> str:
        """The visible screen as text."""
        return self.tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send keys (tmux names such as Enter, Escape) or literal text."""
        self.tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *keys)

    def wait_for(self, test: Callable[[str], bool], what: str) -> str:
        """Poll the screen until ``test`` passes; the screen then."""
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")

    def wait_text(self, text: str) -> str:
        """Poll until ``text`` is on screen."""
        return self.wait_for(lambda screen: text in screen, repr(text))

    def close(self) -> None:
        """Stop this test's tmux server."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A private tmux server, stopped after the test."""
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A copy of the sample archive (fixed file times)."""
    return copy_archive(SAMPLE_DATA, tmp_path / "archive")


def headline_row(screen: str, title_start: str) -> str:
    """The screen line holding the headline that starts with ``title_start`` ("" if none)."""
    return next((line for line in screen.splitlines() if title_start in line), "")


def test_search_read_and_quote_in_a_real_terminal(terminal: Terminal, archive: Path) -> None:
    terminal.start(f"{NEWSDESK} {archive}", 120, 36)
    terminal.wait_text("archive \u00b7 55 articles")  # first run: the index is built
    terminal.keys("/port strike", literal=True)
    screen = terminal.wait_text("3 results")
    assert "Ships diverted to Rotterdam" in screen
    terminal.keys("Enter")  # to the headlines
    terminal.keys("Enter")  # open the first one
    expected = (
        "At least 14 container ships",
        "shipping agents",
        "Eastbridge Wire \u00b7 2021-09-20",
    )
    screen = terminal.wait_for(lambda s: all(t in s for t in expected), "article and quotes")
    # The three panels side by side: headline, body and the quotes of the article.
    assert "Headlines" in screen and "Article" in screen and "Quotes" in screen
    assert "Eastbridge Wire \u00b7 2021-09-20" in screen
    assert "shipping agents" in screen  # the first quote's speaker
    # The search words are marked in the body and counted.
    terminal.wait_for(lambda s: re.search(r"\d+ hits", s) is not None, "the hit counter")
    terminal.keys("n")
    terminal.wait_text("hit 1/")
    terminal.keys("Q")  # hide quotes
    terminal.wait_for(lambda s: "─ Quotes" not in s and "━ Quotes" not in s, "quotes to close")
    terminal.keys("q")  # back to the headlines
    terminal.wait_text("q Quit")
    terminal.keys("q")
    terminal.wait_text("NEWSDESK-EXITED 0")


def test_marks_survive_a_restart(terminal: Terminal, archive: Path) -> None:
    terminal.start(f"{NEWSDESK} {archive}", 120, 36)
    terminal.wait_text("archive \u00b7 55 articles")
    terminal.keys("/fintech", literal=True)
    terminal.wait_text("10 results")
    terminal.keys("Down")  # to the headlines, first one
    terminal.keys("m")
    terminal.keys("b")
    screen = terminal.wait_for(
        lambda s: BOOKMARK_MARK in headline_row(s, "Tidewell Pay to cut"), "the bookmark star"
    )
    assert UNREAD_MARK not in headline_row(screen, "Tidewell Pay to cut")
    assert UNREAD_MARK in headline_row(screen, "Regulator fines")
    terminal.keys("q")
    terminal.wait_text("NEWSDESK-EXITED 0")
    terminal.close()

    again = Terminal(terminal.home)
    try:
        again.start(f"{NEWSDESK} {archive}", 120, 36)
        again.wait_text("archive \u00b7 55 articles")
        again.keys("/fintech", literal=True)
        screen = again.wait_text("10 results")
        row = headline_row(screen, "Tidewell Pay to cut")
        assert BOOKMARK_MARK in row and UNREAD_MARK not in row
        again.keys("C-u")  # clear the search bar, then ask for the bookmarks
        again.wait_text("55 results")
        again.keys("is:bookmarked", literal=True)
        screen = again.wait_text("1 result ")
        assert "Tidewell Pay to cut" in screen
    finally:
        again.close()


def test_80x24_sixteen_colours_and_no_color(terminal: Terminal, archive: Path) -> None:
    terminal.start(f"{NEWSDESK} {archive}", 80, 24, TERM="xterm", NO_COLOR="1")
    terminal.wait_text("archive \u00b7 55 articles")
    terminal.keys("/shanghai", literal=True)
    screen = terminal.wait_text("4 results")
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
    assert "Headlines" in screen and "Article" in screen
    assert "Shanghai" in screen
    raw = terminal.tmux("capture-pane", "-p", "-e", "-t", "t")
    # NO_COLOR: the app sets no foreground or background colours at all.
    assert "38;5;" not in raw and "48;5;" not in raw and "38;2;" not in raw
    terminal.keys("Enter")  # to the headlines
    terminal.wait_text("\u250f\u2501 Headlines")  # without colour, the focus has a heavy frame
    terminal.keys("Q")
    screen = terminal.wait_text("┏━ Quotes")  # shown, and focused (a heavy frame)
    assert " Article " not in screen  # at 80 columns the quotes take the article's place
    terminal.keys("q")  # back to the headlines
    terminal.wait_text("\u250f\u2501 Headlines")
    terminal.keys("q")
    terminal.wait_text("NEWSDESK-EXITED 0")


def test_help_article_back_and_quit_at_80x24(terminal: Terminal, archive: Path) -> None:
    """The first minute at 80x24: ? shows help (nothing typed), j and Enter open an article,
    q goes back to the headlines, q again quits with status 0."""
    terminal.start(f"{NEWSDESK} {archive}", 80, 24)
    terminal.wait_text("archive \u00b7 55 articles")
    terminal.keys("?")
    screen = terminal.wait_text("newsdesk help")
    assert "press / to search" in screen.splitlines()[0]  # the search bar is still empty
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "newsdesk help" not in s, "help to close")
    terminal.keys("j")
    terminal.keys("Enter")
    screen = terminal.wait_text("n Next hit")  # the article's keys
    assert "q Back" in screen
    second = headline_row(screen, "Corvane's Westmoor")
    assert second and UNREAD_MARK not in second  # opened, so read
    assert "produced its first batch of silicon wafers" in " ".join(screen.split())
    terminal.keys("q")
    terminal.wait_text("q Quit")
    terminal.keys("q")
    terminal.wait_text("NEWSDESK-EXITED 0")


def test_a_pager_that_only_prints_leaves_nothing_behind(terminal: Terminal, archive: Path) -> None:
    terminal.start(f"{NEWSDESK} {archive}", 80, 24, PAGER="cat")
    terminal.wait_text("archive \u00b7 55 articles")
    terminal.wait_text("Corvane Semiconductor has agreed")  # the article under the cursor is in
    terminal.keys("o")
    screen = terminal.wait_text("press Enter to return to newsdesk")
    assert "the best money this ministry has spent in a decade" in " ".join(screen.split())
    terminal.keys("Enter")
    terminal.wait_text("q Quit")
    terminal.keys("q")
    screen = terminal.wait_text("NEWSDESK-EXITED 0")
    assert "Corvane" not in screen and "press Enter" not in screen
