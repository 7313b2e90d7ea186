"""Writes sample_data/web/harbour-crawl-2025-04.warc.gz: the bundled web archive sample.

Two news pages (one dated by its own markup, one only by its capture), an image, a script,
the requests for them and a revisit of the first page, as a crawler would have stored them.

    python bench/sample_warc.py
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

TARGET = (
    Path(__file__).resolve().parent.parent / "sample_data" / "web" / "harbour-crawl-2025-04.warc.gz"
)

CHROME = """<header><a href="/">{site}</a><nav><ul><li><a href="/">Home</a></li>
<li><a href="/local/">Local</a></li><li><a href="/nature/">Nature</a></li>
<li><a href="/sport/">Sport</a></li><li><a href="/weather/">Weather</a></li></ul></nav></header>
<div class="advert" id="ad-top"><p>Advertisement</p><p>Winter tyres fitted while you wait at
Quayside Motors</p></div>"""

FOOTER = """<aside class="related"><h3>More from {site}</h3><ul>
<li><a href="/local/1">Harbour wall repairs to start in May</a></li>
<li><a href="/local/2">New ferry timetable for the islands</a></li></ul></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Finally some good news.</p>
</div></section>
<footer><p>&copy; 2025 {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a>
<a href="/cookies">Cookies</a> <a href="/contact">Contact</a></p></footer>
<script src="/static/site.js"></script>"""

SEAL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Record number of seal pups counted on the outer skerries | Northlight News</title>
<meta property="og:site_name" content="Northlight News">
<meta property="article:published_time" content="2025-04-14T07:00:00Z">
<meta property="article:section" content="Nature">
<meta name="author" content="Mira Holt">
<link rel="canonical" href="https://northlight.example/nature/seal-pups-record">
<script>window.analytics = {{page: "seal-pups"}};</script>
<style>.advert {{ background: #eee }}</style>
</head><body>
<div class="cookie-banner"><p>We use cookies to measure our audience.</p><button>OK</button></div>
{chrome}
<main><article>
<h1>Record number of seal pups counted on the outer skerries</h1>
<figure><img src="/img/2025/04/seal-pup.jpg" alt="A grey seal pup on the rocks">
<figcaption>A grey seal pup on the rocks of Ytre Skjer, photographed from the survey boat.
</figcaption></figure>
<p>Wildlife wardens counted 412 grey seal pups on the outer skerries this winter, the highest
number since surveys began in 1979 and almost twice the count of ten years ago.</p>
<p>The colony has grown steadily since a ban on netting near the skerries came into force, and
wardens say the mild winter meant that fewer pups were lost in storms.</p>
<p>"When I started this job you could count the pups from one rock," said Nils Ødegaard, the
senior warden. "Now we need two boats and a drone, and we still argue about the total."</p>
<p>Fishing crews are less pleased. The local fishermen's association said that seals were taking
a growing share of the catch and asked for a study of the colony's diet.</p>
</article></main>
{footer}
</body></html>
"""

MARKET_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta http-equiv="content-type" content="text/html">
<title>Weir Street market traders vote to open on Sundays - The Coastline Courier</title>
<meta property="og:site_name" content="The Coastline Courier">
<meta property="og:type" content="article">
<meta name="author" content="Leif Amundsen">
</head><body>
{chrome}
<div class="content"><div class="post">
<h1 class="entry-title">Weir Street market traders vote to open on Sundays</h1>
<div class="entry-content">
<p>Traders at the covered market on Weir Street have voted to open on Sundays from May, ending a
rule that has kept the market shut at weekends since it was built in 1898.</p>
<p>Of the 64 stallholders who took part, 41 voted in favour. Stalls will open from ten until
four, and each trader may choose whether to take part.</p>
<p>"Half the city is out walking on a Sunday and our doors have been closed to them," said
Emre Yilmaz, who chairs the traders' association. "This is the day families have time to
shop for food properly."</p>
<p>The city, which owns the building, said that it would pay for extra cleaning and security for
the first six months.</p>
</div></div></div>
{footer}
</body></html>
"""


def main() -> None:
    """Write the sample WARC (deterministic apart from warcio's record ids)."""
    pages = [
        (
            "https://northlight.example/nature/seal-pups-record",
            SEAL_PAGE.format(
                chrome=CHROME.format(site="Northlight News"),
                footer=FOOTER.format(site="Northlight News"),
            ),
            "2025-04-14T09:12:03Z",
        ),
        (
            "https://coastlinecourier.example/business/2025/04/15/weir-street-sunday-opening",
            MARKET_PAGE.format(
                chrome=CHROME.format(site="The Coastline Courier"),
                footer=FOOTER.format(site="The Coastline Courier"),
            ),
            "2025-04-15T18:40:51Z",
        ),
    ]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(
            writer.create_warcinfo_record(
                TARGET.name, {"software": "newsdesk sample", "format": "WARC File Format 1.1"}
            )
        )
        for uri, html, date in pages:
            _exchange(writer, uri, html.encode("utf-8"), "text/html; charset=utf-8", date)
        _exchange(
            writer,
            "https://northlight.example/img/2025/04/seal-pup.jpg",
            _jpeg(),
            "image/jpeg",
            "2025-04-14T09:12:04Z",
        )
        _exchange(
            writer,
            "https://northlight.example/static/site.js",
            b"document.documentElement.className += ' js';\n",
            "application/javascript",
            "2025-04-14T09:12:04Z",
        )
        revisit = writer.create_revisit_record(
            pages[0][0],
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri=pages[0][0],
            refers_to_date=pages[0][2],
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            ),
        )
        revisit.rec_headers.replace_header("WARC-Date", "2025-04-16T09:12:03Z")
        writer.write_record(revisit)


def _exchange(writer: WARCWriter, uri: str, body: bytes, content_type: str, date: str) -> None:
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: sample-crawler/1.0\r\n\r\n"
    writer.write_record(
        writer.create_warc_record(
            uri,
            "request",
            payload=io.BytesIO(request.encode()),
            warc_headers_dict={"WARC-Date": date},
        )
    )
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
    )


def _jpeg() -> bytes:
    # A JPEG's markers around filler: enough for the record to look like an image.
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + bytes(range(256)) * 8
        + b"\xff\xd9"
    )


if __name__ == "__main__":
    main()
