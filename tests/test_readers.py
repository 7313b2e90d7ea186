"""Reading article files of every format, and refusing bad ones with a clear reason."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from index.api.errors import UnreadableFile
from index.api.records import Skipped
from index.corpus.article import Article
from index.formats.dates import parse_date
from index.pipeline.read import article_id, read_file
from index.pipeline.scan import scan_archive

SCRAPED = """\
Home>World>Harbours

Tide gauge network extended along the northern coast

northlightnews.example Updated:2021-04-09 08:30

2.jpg

Engineers fix a gauge to the pier at Saltings [Photo/Mira Holt]

Twelve new tide gauges were switched on this week along the northern coast.

"The data will be public from the first day," said Ola Brenner, head of the coastal office.
"""


def read_one(path: Path, **kwargs: object) -> Article:
    articles = list(read_file(path, **kwargs))  # type: ignore[arg-type]
    assert len(articles) == 1
    return articles[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_seed_article_is_read_as_the_spec_says(seed_file: Path) -> None:
    article = read_one(seed_file)
    assert article.format == "scraped"
    assert article.section == "Latest"
    assert article.title == "Seminar held to boost Shanghai-London fintech sector links"
    assert article.source == "chinadaily.com.cn"
    assert article.date == "2019-03-25"
    assert article.captions == (
        "A panoramic view of Lujiazui Financial City in Shanghai's Pudong New Area [Photo/VCG]",
    )
    assert all("1.jpg" not in p and "[Photo/VCG]" not in p for p in article.paragraphs)
    assert article.paragraphs[0].startswith("A roundtable seminar co-organized")
    assert article.paragraphs[-1].startswith("As the financial heart of Shanghai")
    assert len(article.paragraphs) == 9


def test_scraped_page_parts(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "page.txt", SCRAPED))
    assert article.format == "scraped"
    assert article.section == "Harbours"  # the last breadcrumb that is not Home
    assert article.title == "Tide gauge network extended along the northern coast"
    assert (article.source, article.date) == ("northlightnews.example", "2021-04-09")
    assert article.captions == ("Engineers fix a gauge to the pier at Saltings [Photo/Mira Holt]",)
    assert len(article.paragraphs) == 2
    assert article.body.startswith("Twelve new tide gauges")


def test_scraped_byline_source_line(tmp_path: Path) -> None:
    text = (
        "Home>Business\n\nA title\n\n"
        "By Ana Ruiz | example.org | Updated: 2020-02-03 10:12\n\nBody.\n"
    )
    article = read_one(write(tmp_path, "b.txt", text))
    assert (article.author, article.source, article.date) == (
        "Ana Ruiz",
        "example.org",
        "2020-02-03",
    )


def test_plain_text_title_and_no_date(tmp_path: Path) -> None:
    path = write(
        tmp_path, "plain.txt", "\n\nA quiet title\n\nFirst paragraph\nwrapped here.\n\nSecond.\n"
    )
    article = read_one(path)
    assert article.format == "plain"
    assert article.title == "A quiet title"
    assert article.paragraphs == ("First paragraph wrapped here.", "Second.")
    assert article.date is None  # a file's mtime is no article date
    assert article.source is None


def test_plain_text_overlong_first_line_is_cut(tmp_path: Path) -> None:
    line = "word " * 20_000
    article = read_one(write(tmp_path, "long.txt", line))
    assert len(article.title) <= 301 and article.title.endswith("\u2026")
    assert article.paragraphs[0].startswith("word word")


def test_markdown_front_matter_and_body(tmp_path: Path) -> None:
    text = """---
title: "Council votes on the harbour wall"
source: The Meridian Post
date: 2021-06-14
section: City
author: [Ana Ruiz, Tom Vee]
url: https://meridian.example/wall
tags: [council, harbour]
---
# Council votes on the harbour wall

The **council** voted on *Tuesday* to [repair the wall](https://x.example).

![Workers on the wall at dawn](wall.jpg)

> A quoted block stays as text.

## Costs

The bill is `4m` crowns.
"""
    article = read_one(write(tmp_path, "a.md", text))
    assert article.format == "markdown"
    assert article.title == "Council votes on the harbour wall"
    assert (article.source, article.date, article.section) == (
        "The Meridian Post",
        "2021-06-14",
        "City",
    )
    assert article.author == "Ana Ruiz, Tom Vee"
    assert article.tags == ("council", "harbour")
    assert article.url == "https://meridian.example/wall"
    assert article.captions == ("Workers on the wall at dawn",)
    assert article.paragraphs == (
        "The council voted on Tuesday to repair the wall.",
        "A quoted block stays as text.",
        "Costs",
        "The bill is 4m crowns.",
    )


def test_markdown_without_front_matter_uses_first_line(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, "n.md", "# Heading title\n\nBody here.\n"))
    assert article.title == "Heading title"
    assert article.paragraphs == ("Body here.",)
    assert article.date is None


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("- a\n- b\n", "front matter must be a mapping"),
        ("title: [unclosed\n", "malformed front matter"),
        ("x: !!python/object/apply:os.system ['echo hi']\n", "malformed front matter"),
        ("a: &a [1, 2]\nb: [*a, *a]\n", "YAML aliases are not allowed"),
        ("title: ok\n", "no closing '---'"),
    ],
)
def test_bad_front_matter_is_refused_with_reason(tmp_path: Path, front: str, reason: str) -> None:
    closing = "" if "no closing" in reason else "---\n"
    path = write(tmp_path, "bad.md", f"---\n{front}{closing}Body\n")
    with pytest.raises(UnreadableFile) as caught:
        read_one(path)
    assert reason in caught.value.reason
    assert caught.value.path == str(path)


def test_jsonl_articles_ids_and_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "w-1",
                "title": "One",
                "body": "Para one.\n\nPara two.",
                "date": "2022-01-05",
                "source": "Wire",
                "tags": ["a", "b"],
                "author": "Kim",
            }
        ),
        "{not json",
        json.dumps(["a list"]),
        "",
        json.dumps({"title": "Two", "text": "Only text.", "url": "https://w.example/2"}),
        json.dumps({"source": "no title or body"}),
        json.dumps({"body": "Untitled but has a body.\n\nSecond."}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    warnings: list[Skipped] = []
    articles = list(read_file(path, rel="feed.jsonl", warn=warnings.append))
    assert [a.title for a in articles] == ["One", "Two", "Untitled but has a body."]
    assert articles[0].id == "w-1" and articles[0].paragraphs == ("Para one.", "Para two.")
    assert articles[0].tags == ("a", "b") and articles[0].date == "2022-01-05"
    assert articles[1].id.startswith("u") and articles[1].url == "https://w.example/2"
    assert articles[2].id == article_id("feed.jsonl#L7")
    assert [a.line for a in articles] == [1, 5, 7]
    assert [w.reason.split(":")[0] for w in warnings] == ["line 2", "line 3", "line 6"]
    assert "invalid JSON" in warnings[0].reason


def test_jsonl_offsets_point_at_their_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"x{i}", "title": f"T{i}", "body": "é" * i}) for i in range(5)]
    path = write(tmp_path, "f.jsonl", "\n".join(lines))
    data = path.read_bytes()
    for article in read_file(path):
        assert json.loads(data[article.offset :].split(b"\n", 1)[0])["id"] == article.id


def test_jsonl_with_no_good_line_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no readable JSON lines"):
        list(read_file(write(tmp_path, "bad.jsonl", "{oops\n[1]\n")))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 32)) * 40, "binary file"),
    ],
)
def test_unreadable_files_have_reasons(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_one(write(tmp_path, "x.txt", content))
    assert reason in caught.value.reason


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "Title\n\n" + "x" * 2000)
    with pytest.raises(UnreadableFile, match="too large"):
        read_one(path, max_bytes=1000)
    assert read_one(path, max_bytes=5000).title == "Title"


def test_encodings(tmp_path: Path) -> None:
    body = "Zoë said the café in Łódź opens — «today»."
    bom = read_one(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + f"Title\n\n{body}".encode()))
    assert bom.title == "Title" and bom.paragraphs == (body,)
    utf16 = read_one(write(tmp_path, "u16.txt", f"Title\n\n{body}".encode("utf-16")))
    assert utf16.paragraphs == (body,)
    warnings: list[Skipped] = []
    cp1252 = b"Caf\xe9 title\n\nNa\xefve \x93quotes\x94."
    latin = read_one(write(tmp_path, "cp.txt", cp1252), warn=warnings.append)
    assert latin.title == "Café title" and latin.paragraphs == ("Naïve \u201cquotes\u201d.",)
    assert warnings and "decoded as cp1252" in warnings[0].reason


def test_a_stray_utf16_mark_before_8bit_text_is_reported_not_read_as_utf16(tmp_path: Path) -> None:
    warnings: list[Skipped] = []
    utf8 = read_one(
        write(tmp_path, "a.txt", codecs.BOM_UTF16_LE + "Café\n\nZoë wins.".encode()),
        warn=warnings.append,
    )
    assert (utf8.title, utf8.paragraphs) == ("Café", ("Zoë wins.",))
    cp1252 = read_one(
        write(tmp_path, "b.txt", codecs.BOM_UTF16_BE + b"Caf\xe9\n\nNa\xefve."),
        warn=warnings.append,
    )
    assert (cp1252.title, cp1252.paragraphs) == ("Café", ("Naïve.",))
    assert [w.reason.split(";")[0] for w in warnings] == [
        "starts with a UTF-16 byte-order mark but is not UTF-16"
    ] * 2
    assert "decoded as UTF-8" in warnings[0].reason and "decoded as cp1252" in warnings[1].reason
    # Real UTF-16 after its mark still reads as UTF-16, with no warning: Latin text has NUL high
    # bytes, Chinese text control bytes in its punctuation.
    for text in ("Title\n\nZoë «a».", "标题\n\n中文，测试。"):
        for codec in ("utf-16", "utf-16-le", "utf-16-be"):
            mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
                codec, b""
            )
            article = read_one(
                write(tmp_path, "u.txt", mark + text.encode(codec)), warn=warnings.append
            )
            assert (article.title, *article.paragraphs) == tuple(text.split("\n\n"))
    assert len(warnings) == 2


def test_mixed_line_endings_and_control_characters(tmp_path: Path) -> None:
    raw = b"Title\r\n\r\nOne\rline\r\n\r\nTwo \x1b[2Jclear\x07 and \x1b]52;c;aGk=\x07done\n"
    article = read_one(write(tmp_path, "m.txt", raw))
    assert article.paragraphs == ("One line", "Two [2Jclear and ]52;c;aGk=done")
    assert "\x1b" not in article.body and "\x07" not in article.body


def test_ids_are_stable_and_derived_from_relative_path(tmp_path: Path) -> None:
    path = write(tmp_path, "sub/a.txt", "T\n\nB.")
    first = read_one(path, rel="sub/a.txt")
    assert first.id == article_id("sub/a.txt") == read_one(path, rel="sub/a.txt").id
    assert first.id != read_one(path, rel="other/a.txt").id
    assert len(first.id) == 16


def test_scan_skips_hidden_and_other_files_and_survives_loops(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "T\n\nB")
    write(tmp_path, "b.md", "# T\n\nB")
    write(tmp_path, "c.jsonl", "{}")
    write(tmp_path, "photo.jpg", b"\xff\xd8")
    write(tmp_path, ".hidden.txt", "x")
    write(tmp_path, ".git/config.txt", "x")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    scan = scan_archive(tmp_path)
    assert sorted(f.rel for f in scan.files) == ["a.txt", "b.md", "c.jsonl"]
    reasons = {Path(rel).name: reason for rel, reason in scan.skipped}
    assert "loop" in reasons["loop"]
    assert reasons["dangling.txt"] == "broken symbolic link"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-03-25", "2019-03-25"),
        ("Updated:2019-03-25 10:12", "2019-03-25"),
        ("2019/3/5", "2019-03-05"),
        ("2019-03", "2019-03-01"),
        ("25 March 2019", "2019-03-25"),
        ("March 25, 2019", "2019-03-25"),
        ("Sept. 4, 2020", "2020-09-04"),
        ("2019", "2019-01-01"),
        ("2019-02-30", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, iso: str | None) -> None:
    assert parse_date(value) == iso
