"""Web pages, feeds and WARC files built in the tests, from our own words.

Every kind of boilerplate carries one made-up word that appears nowhere else, so a test can
say that none of it reached the article.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from pathlib import Path

BOILERPLATE = {
    "navigation": "Crosswordarium",
    "advert": "Zephyrmint",
    "advert inside the article": "Plumtastic",
    "share buttons": "Sharewhistle",
    "script": "trackerQuokka",
    "style": "glowbrindle",
    "cookie banner": "biscuitpolicy",
    "comments": "Wobblesworth",
    "related links": "Quillfeather",
    "footer": "Trellisgrove",
}

ARTICLE_WORDS = ("Skarv", "hull inspection", "fish auction", "schoolchildren")


@dataclass(frozen=True)
class Page:
    """The parts of a news page a test may change."""

    title: str = "Night ferry to Saltings returns after two-year gap"
    date: str | None = "2024-03-18T06:30:00+01:00"
    canonical: str | None = (
        "https://harbourgazette.example/city/2024/03/18/night-ferry-saltings-returns/"
        "?utm_source=rss#top"
    )
    charset: str | None = "utf-8"
    extra_paragraph: str = ""
    article: bool = True

    def html(self) -> str:
        """The whole page, boilerplate and all."""
        meta = f'<meta charset="{self.charset}">' if self.charset else ""
        date = (
            f'<meta property="article:published_time" content="{self.date}">' if self.date else ""
        )
        canonical = f'<link rel="canonical" href="{self.canonical}">' if self.canonical else ""
        return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}
<title>{self.title} | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:title" content="{self.title}">
{date}
<meta property="article:section" content="City">
<meta property="article:tag" content="ferries"><meta property="article:tag" content="Saltings">
<meta name="author" content="Marit Solberg">
{canonical}
<style>.cookie {{ color: red }} /* {BOILERPLATE["style"]} */</style>
<script>var {BOILERPLATE["script"]} = 1; dataLayer.push({{event: "view"}});</script>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies. Read our
{BOILERPLATE["cookie banner"]} before you accept.</p><button>Accept all</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/city/">City</a></li>
<li><a href="/sport/">Sport</a></li><li><a href="/puzzles/">{BOILERPLATE["navigation"]}
puzzles</a></li></ul></nav></header>
<div class="advert" id="ad-top"><p>Advertisement</p><a href="https://ads.example/c?id=7">
{BOILERPLATE["advert"]} mortgages: switch today and save</a></div>
<main>{self._article() if self.article else self._listing()}
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/city/1">Hull crack grounds the old island ferry</a></li>
<li><a href="/city/2">Island bus timetable for the summer of {BOILERPLATE["related links"]}</a></li>
</ul></aside>
<section class="comments" id="comments"><h3>Comments (2)</h3>
<div class="comment"><p>seagull42</p><p>About time, my gran waited for the
{BOILERPLATE["comments"]} bus for years.</p></div>
<div class="comment"><p>harbourfan</p><p>Who pays for this?</p></div></section>
</main>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li>
<li><a href="/terms">Terms of {BOILERPLATE["footer"]} use</a></li></ul>
<p>&copy; 2024 Harbour Gazette Media. All rights reserved.</p></footer>
<script src="/static/app.js"></script>
</body></html>
"""

    def _article(self) -> str:
        return f"""<article><p class="kicker">City</p><h1>{self.title}</h1>
<p class="byline">By Marit Solberg</p>
<figure><img src="/img/skarv.jpg" alt="A ship">
<figcaption>The ferry Skarv leaving Port Halden at dusk.</figcaption></figure>
<p>The overnight ferry between Port Halden and the Saltings islands will sail again from
May, two years after the route was suspended when its only vessel failed a hull
inspection.</p>
<p>The regional transport board voted on Monday to lease a second-hand ship, the Skarv, for
five years. It will reach Saltings shortly after six in the morning, in time for the fish
auction.</p>
<div class="share-tools"><a href="#">{BOILERPLATE["share buttons"]} this story</a></div>
<div class="advert advert-inline"><p>Advertisement</p><p>Book a cottage with
{BOILERPLATE["advert inside the article"]} Holiday Homes today, from 900 crowns a week.</p></div>
<p>"Islanders have spent two winters taking three buses and a day boat to see a doctor,"
said Hanne Vestby, who chairs the board. "From May it will be over."</p>
<p>The board said the Skarv had passed its inspection in February and would be renamed
after a vote among island schoolchildren.</p>{self.extra_paragraph}
</article>"""

    def _listing(self) -> str:
        links = "".join(
            f'<li><a href="/city/{n}">Headline number {n} on the city page</a></li>'
            for n in range(12)
        )
        return f'<section class="latest"><h2>Latest</h2><ul>{links}</ul></section>'


def rss(items: list[dict[str, str]], *, title: str = "The Harbour Gazette: City") -> str:
    """An RSS 2.0 feed; each item may have title, link, date, author, description, content."""
    body = []
    for item in items:
        parts = [f"<title>{item['title']}</title>"] if "title" in item else []
        if "link" in item:
            parts.append(f"<link>{item['link']}</link>")
        if "date" in item:
            parts.append(f"<pubDate>{item['date']}</pubDate>")
        if "author" in item:
            parts.append(f"<dc:creator>{item['author']}</dc:creator>")
        if "description" in item:
            parts.append(f"<description><![CDATA[{item['description']}]]></description>")
        if "content" in item:
            parts.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        body.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{title}</title><link>https://harbourgazette.example/city/</link>"
        "<description>City news</description>" + "".join(body) + "</channel></rss>\n"
    )


@dataclass(frozen=True)
class Record:
    """One WARC record to write: a response (with HTTP headers), request or revisit."""

    kind: str
    uri: str
    payload: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2024-03-19T10:00:00Z"
    headers: tuple[tuple[str, str], ...] = ()


def write_warc(path: Path, records: list[Record], *, gzipped: bool = False) -> None:
    """Write ``records`` as a WARC file (one gzip member per record when ``gzipped``)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for record in records:
            warc_headers = {"WARC-Date": record.date}
            http = None
            if record.kind in ("response", "revisit"):
                http = StatusAndHeaders(
                    record.status,
                    [("Content-Type", record.content_type), *record.headers],
                    protocol="HTTP/1.1",
                )
            if record.kind == "revisit":
                warc_headers["WARC-Profile"] = (
                    "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"
                )
            writer.write_record(
                writer.create_warc_record(
                    record.uri,
                    record.kind,
                    payload=io.BytesIO(record.payload),
                    http_headers=http,
                    warc_headers_dict=warc_headers,
                )
            )


def gzip_bomb(size: int) -> bytes:
    """``size`` spaces, gzipped into a few kilobytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb") as handle:
        chunk = b" " * (1 << 20)
        for _ in range(size // len(chunk)):
            handle.write(chunk)
    return buffer.getvalue()
