"""Saved web pages, feeds and WARC files: the article in, the boilerplate out, bad input refused."""

from __future__ import annotations

import codecs
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from index.api.errors import UnreadableFile
from index.api.records import Skipped
from index.corpus.article import Article
from index.formats.urls import normalize_url
from index.pipeline.annotate import annotate_all
from index.pipeline.read import read_file
from index.pipeline.scan import scan_archive
from tests.webpages import ARTICLE_WORDS, BOILERPLATE, Page, Record, gzip_bomb, rss, write_warc

CANONICAL = "https://harbourgazette.example/city/2024/03/18/night-ferry-saltings-returns"
MB = 1024 * 1024


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def read_all(path: Path, **kwargs: object) -> tuple[list[Article], list[Skipped]]:
    warnings: list[Skipped] = []
    read = read_file(path, warn=warnings.append, **kwargs)  # type: ignore[arg-type]
    return list(annotate_all(read)), warnings


def text_of(article: Article) -> str:
    return "\n".join((article.title, article.body, *article.captions, *article.tags))


def refusal(path: Path, **kwargs: object) -> str:
    with pytest.raises(UnreadableFile) as caught:
        list(read_file(path, **kwargs))  # type: ignore[arg-type]
    return caught.value.reason


# -- saved pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml", "page.html.gz"])
def test_page_gives_its_article_and_no_boilerplate(tmp_path: Path, name: str) -> None:
    html = Page().html().encode("utf-8")
    path = write(tmp_path / name, gzip.compress(html) if name.endswith(".gz") else html)
    [article], warnings = read_all(path)
    text = text_of(article)
    for words in ARTICLE_WORDS:
        assert words in text
    leaked = [kind for kind, word in BOILERPLATE.items() if word.lower() in text.lower()]
    assert leaked == []
    assert warnings == []


def test_page_metadata(tmp_path: Path) -> None:
    [article], _ = read_all(write(tmp_path / "page.html", Page().html()))
    assert article.format == "html"
    assert article.title == "Night ferry to Saltings returns after two-year gap"
    assert article.date == "2024-03-18"
    assert article.source == "The Harbour Gazette"
    assert article.author == "Marit Solberg"
    assert article.section == "City"
    assert article.tags == ("ferries", "Saltings")
    assert article.url == CANONICAL
    assert article.captions == ("The ferry Skarv leaving Port Halden at dusk.",)
    assert article.paragraphs[0].startswith("The overnight ferry")
    assert len(article.paragraphs) == 4


def test_quotes_in_a_page_are_attributed(tmp_path: Path) -> None:
    [article], _ = read_all(write(tmp_path / "page.html", Page().html()))
    speakers = {quote.speaker for quote in article.quotes if quote.kind == "direct"}
    assert speakers == {"Hanne Vestby"}
    first = article.quotes[0]
    assert article.body[first.start : first.end].startswith("Islanders have spent")


def test_page_date_from_its_url(tmp_path: Path) -> None:
    [article], _ = read_all(write(tmp_path / "page.html", Page(date=None).html()))
    assert article.date == "2024-03-18"


def test_page_without_a_date_is_undated(tmp_path: Path) -> None:
    page = Page(date=None, canonical=None)  # and a copyright line that is no date
    [article], _ = read_all(write(tmp_path / "page.html", page.html()))
    assert article.date is None


def test_malformed_html_still_gives_the_article(tmp_path: Path) -> None:
    html = Page().html().replace("</p>", "").replace("</article>", "<div><span><b>")
    html = html.replace("</body></html>", "<p <<<>> &bogus; </tr></td>")
    [article], _ = read_all(write(tmp_path / "broken.html", html))
    assert "fish auction" in article.body
    assert "Zephyrmint" not in text_of(article)


def test_page_with_no_article_is_skipped_with_a_reason(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path / "front.html", Page(article=False).html()))
    assert reason == "no article text in the page (only navigation or boilerplate)"


def test_fifty_megabyte_page_is_refused(tmp_path: Path) -> None:
    html = Page(extra_paragraph="<p>" + "word " * (10 * MB) + "</p>").html()
    path = write(tmp_path / "huge.html", html)
    assert path.stat().st_size > 50 * MB
    assert refusal(path).startswith("too large (52.")


def test_gzip_bomb_page_is_refused_after_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.html.gz", gzip_bomb(64 * MB))
    assert path.stat().st_size < 200_000
    assert refusal(path, max_bytes=5 * MB) == (
        "too large (5.2 MB; the limit is 5.2 MB) once decompressed"
    )


def test_damaged_gzip_page_is_refused(tmp_path: Path) -> None:
    data = gzip.compress(Page().html().encode())
    assert refusal(write(tmp_path / "cut.html.gz", data[: len(data) // 2])).startswith(
        "damaged gzip file"
    )


def test_binary_file_named_html_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert refusal(path) == "binary file (contains NUL bytes)"


# -- charsets -------------------------------------------------------------------------------

PRICE = "Cabins cost 120 crowns — about €11 — and islanders pay half: “fair”, said Åse Berg."


@pytest.mark.parametrize(
    ("declared", "encoding", "warning"),
    [
        ("windows-1252", "cp1252", None),  # declared right
        ("utf-8", "utf-8", None),
        (None, "utf-8", None),  # missing: UTF-8 is tried first
        (None, "cp1252", "invalid UTF-8 at byte"),  # missing, and not UTF-8
        ("utf-8", "cp1252", "declared utf-8 in the page; invalid UTF-8"),  # declared wrong
        ("iso-8859-1", "utf-8", "declared iso-8859-1 in the page but the bytes are UTF-8"),
        ("x-martian", "utf-8", "unknown charset 'x-martian'"),
    ],
)
def test_page_charsets(
    tmp_path: Path, declared: str | None, encoding: str, warning: str | None
) -> None:
    html = Page(charset=declared, extra_paragraph=f"<p>{PRICE}</p>").html()
    [article], warnings = read_all(write(tmp_path / "page.html", html.encode(encoding)))
    assert article.paragraphs[-1] == PRICE
    if warning is None:
        assert warnings == []
    else:
        [only] = warnings
        assert warning in only.reason


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16"])
def test_page_with_a_byte_order_mark(tmp_path: Path, bom: str) -> None:
    html = Page(charset="iso-8859-1", extra_paragraph=f"<p>{PRICE}</p>").html()
    data = html.encode(bom)
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    [article], warnings = read_all(write(tmp_path / "page.html", data))
    assert article.paragraphs[-1] == PRICE
    assert warnings == []


# -- feeds ----------------------------------------------------------------------------------

ENTRIES = [
    {
        "title": "Night ferry to Saltings returns",
        "link": "https://harbourgazette.example/city/ferry/?utm_medium=rss",
        "date": "Mon, 18 Mar 2024 06:30:00 +0100",
        "author": "Marit Solberg",
        "description": "A short teaser about the ferry.",
        "content": (
            "<p>The overnight ferry will sail again from May.</p>"
            '<script>var trackerQuokka = 1;</script><p>"From May it will be over," said'
            " Hanne Vestby, who chairs the board.</p>"
        ),
    },
    {
        "title": "Library hours extended",
        "link": "https://harbourgazette.example/city/library",
        "date": "Tue, 19 Mar 2024 09:00:00 +0000",
        "description": "The central library will open on Sundays from April.",
    },
]


@pytest.mark.parametrize("name", ["city.rss", "city.xml"])
def test_every_feed_entry_is_an_article(tmp_path: Path, name: str) -> None:
    articles, warnings = read_all(write(tmp_path / name, rss(ENTRIES)), rel=name)
    assert warnings == []
    assert [a.title for a in articles] == [
        "Night ferry to Saltings returns",
        "Library hours extended",
    ]
    first, second = articles
    assert first.format == "feed"
    assert first.url == "https://harbourgazette.example/city/ferry"
    assert (first.date, first.author, first.source) == (
        "2024-03-18",
        "Marit Solberg",
        "The Harbour Gazette: City",
    )
    assert first.paragraphs == (
        "The overnight ferry will sail again from May.",
        '"From May it will be over," said Hanne Vestby, who chairs the board.',
    )
    assert [q.speaker for q in first.quotes] == ["Hanne Vestby"]
    assert second.paragraphs == ("The central library will open on Sundays from April.",)
    assert first.id != second.id


def test_atom_feed(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northlight News</title>
<id>urn:uuid:1</id><updated>2024-03-20T08:00:00Z</updated>
<entry><title>Tide gauges switched on</title><id>urn:uuid:2</id>
<link rel="alternate" href="https://northlight.example/tides"/>
<updated>2024-03-20T08:00:00Z</updated><author><name>Mira Holt</name></author>
<content type="html">&lt;p&gt;Twelve new tide gauges went live this week.&lt;/p&gt;</content>
</entry></feed>"""
    [article], _ = read_all(write(tmp_path / "north.atom", atom))
    assert (article.title, article.url, article.date, article.author, article.source) == (
        "Tide gauges switched on",
        "https://northlight.example/tides",
        "2024-03-20",
        "Mira Holt",
        "Northlight News",
    )
    assert article.paragraphs == ("Twelve new tide gauges went live this week.",)


def test_billion_laughs_feed_does_not_expand(tmp_path: Path) -> None:
    levels = ['<!ENTITY a0 "haha">'] + [
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    ]
    feed = rss([{"title": "Boom", "link": "https://x.example/a", "description": "&a9;"}])
    feed = feed.replace("<rss", f"<!DOCTYPE rss [{''.join(levels)}]>\n<rss", 1)
    feed = feed.replace("<![CDATA[&a9;]]>", "&a9;")
    [article], warnings = read_all(write(tmp_path / "laughs.rss", feed))
    assert article.title == "Boom"
    assert len(article.body) < 100
    [warning] = warnings
    assert warning.reason.startswith("not well-formed XML (")
    assert warning.reason.endswith("); read leniently")


def test_feed_that_is_an_html_page_is_refused(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path / "city.rss", Page().html()))
    assert reason == "not a feed: an HTML page (save it as .html to read it as one)"


def test_xml_file_that_is_not_a_feed_is_refused(tmp_path: Path) -> None:
    sitemap = (
        '<?xml version="1.0"?><!-- generated -->\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://x.example/</loc></url></urlset>"
    )
    assert refusal(write(tmp_path / "sitemap.xml", sitemap)) == (
        "not a feed: XML whose root element is <urlset>"
    )


def test_feed_with_the_same_link_twice_keeps_the_first(tmp_path: Path) -> None:
    twice = [ENTRIES[0], {**ENTRIES[1], "link": ENTRIES[0]["link"]}]
    articles, warnings = read_all(write(tmp_path / "city.rss", rss(twice)))
    assert [a.title for a in articles] == ["Night ferry to Saltings returns"]
    assert [w.reason for w in warnings] == ["entry 2: same link as entry 1; kept the first"]


# -- WARC -----------------------------------------------------------------------------------

PAGE_URI = "https://harbourgazette.example/city/ferry"


def archive_records(page: Page | None = None) -> list[Record]:
    html = (page or Page()).html().encode("utf-8")
    return [
        Record("request", PAGE_URI, b"GET /city/ferry HTTP/1.1\r\nHost: x\r\n\r\n"),
        Record("response", PAGE_URI, html),
        Record(
            "response",
            "https://harbourgazette.example/img/skarv.jpg",
            b"\xff\xd8\xff\x00" * 50,
            "image/jpeg",
        ),
        Record(
            "response", "https://harbourgazette.example/app.js", b"var a = 1;", "text/javascript"
        ),
        Record("revisit", PAGE_URI, b""),
        Record(
            "response",
            "https://harbourgazette.example/gone",
            b"<html>gone</html>",
            status="404 Not Found",
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_response_is_the_one_article(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, archive_records(), gzipped=name.endswith(".gz"))
    [article], warnings = read_all(path, rel=name)
    assert warnings == []
    assert article.format == "warc"
    assert article.url == CANONICAL  # the page's canonical link wins over the target URI
    assert article.date == "2024-03-18"  # the page's own date wins over the capture date
    assert "fish auction" in article.body
    assert not [word for word in BOILERPLATE.values() if word in text_of(article)]


def test_warc_page_without_date_or_canonical_uses_the_capture(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, archive_records(Page(date=None, canonical=None)))
    [article], _ = read_all(path)
    assert (article.url, article.date) == (PAGE_URI, "2024-03-19")


def test_warc_charset_from_the_http_header(tmp_path: Path) -> None:
    html = Page(charset=None, extra_paragraph=f"<p>{PRICE}</p>").html().encode("cp1252")
    path = tmp_path / "crawl.warc"
    write_warc(path, [Record("response", PAGE_URI, html, "text/html; charset=windows-1252")])
    [article], warnings = read_all(path)
    assert article.paragraphs[-1] == PRICE
    assert warnings == []


def test_warc_gzip_bomb_record_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    bomb = Record(
        "response",
        "https://x.example/bomb",
        gzip_bomb(64 * MB),
        headers=(("Content-Encoding", "gzip"),),
    )
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [bomb, *archive_records()], gzipped=True)
    [article], warnings = read_all(path, max_bytes=5 * MB)
    assert "fish auction" in article.body
    assert [w.reason for w in warnings] == [
        "record 2 (https://x.example/bomb): too large (5.2 MB; the limit is 5.2 MB)"
        " once decompressed"
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_cut_off_mid_record(tmp_path: Path, name: str) -> None:
    second = Page(title="Library hours extended on Sundays", canonical="https://x.example/lib")
    records = [
        *archive_records(),
        Record("response", "https://x.example/lib", second.html().encode()),
    ]
    path = tmp_path / name
    write_warc(path, records, gzipped=name.endswith(".gz"))
    data = path.read_bytes()
    write(path, data[: len(data) - 400])
    [article], warnings = read_all(path)
    assert article.url == CANONICAL
    [cut] = warnings
    assert cut.reason.startswith("cut off in record 8 (at byte ")


def test_warc_with_the_same_url_twice_keeps_the_first(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, archive_records() + archive_records()[1:2])
    articles, warnings = read_all(path)
    assert len(articles) == 1
    assert [w.reason for w in warnings] == ["record 8: same URL as record 3; kept the first"]


def test_warc_with_no_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    write_warc(path, archive_records()[2:4])
    assert refusal(path) == "no HTML pages in the web archive (3 records)"


def test_file_that_is_not_a_warc_is_refused(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path / "notes.warc", "just some notes\n\nnot an archive\n"))
    assert reason.startswith("record 1 at byte 0: not a readable WARC record")


# -- addresses and archives -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        (
            "HTTPS://Example.COM:443/a/./b/../c/?utm_source=x&b=2&a=1#top",
            "https://example.com/a/c?a=1&b=2",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x/", "http://example.com:8080/x"),
        ("https://user:secret@example.com/%7eann/caf%c3%a9", "https://example.com/~ann/caf%C3%A9"),
        ("https://example.com/story?fbclid=abc&gclid=def&id=7", "https://example.com/story?id=7"),
        ("ftp://example.com/file", None),
        ("not a url", None),
    ],
)
def test_normalize_url(url: str, normal: str | None) -> None:
    assert normalize_url(url) == normal


WEB_FILES = [
    "a.html",
    "b.HTM",
    "c.xhtml",
    "d.html.gz",
    "e.rss",
    "f.atom",
    "g.xml",
    "h.warc",
    "i.warc.gz",
]


def test_scan_finds_web_files(tmp_path: Path) -> None:
    for name in [*WEB_FILES, "j.css", "k.js", "l.xml.gz", "m.gz", "n.png"]:
        write(tmp_path / name, "x")
    assert [entry.rel for entry in scan_archive(tmp_path).files] == WEB_FILES


def test_command_line_start_does_not_load_the_web_libraries() -> None:
    script = (
        "import sys, tui.cli, tui.commands, index.pipeline.read, index.engines.whoosh.build\n"
        "names = ('trafilatura', 'feedparser', 'warcio', 'lxml')\n"
        "print(sorted(m for m in names if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
