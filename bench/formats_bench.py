"""Reading web formats: saved pages per second beside plain text, and WARC files in constant memory.

    python bench/formats_bench.py [--pages 300] [--repeat 5] [--warc-mb 20,200,1024]

Pages: ``--pages`` synthetic articles (bench/synth.py's writer) rendered twice, as a news page
of about 40 KB (navigation, adverts, inline scripts and styles, cookie banner, comments,
related links, footer) and as a plain ``.txt`` file. One process, one core; each round reads
every file with ``index.read.read_file`` (quotes included, as the index does), timed in CPU
seconds of the process so a busy shared machine does not count. Prints the median pages/s
of both readers, and the share of the HTML read spent in extraction.

WARC: files of the given sizes (uncompressed), each page's response followed by its request
and an image of about 400 KB, read start to end by ``read_file`` in a fresh process. Prints
articles, seconds and the process's peak resident memory: constant memory means the peak
does not grow with the file.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

NAV = "".join(f'<li><a href="/section/{n}">Section {n} of the site</a></li>' for n in range(40))
SCRIPT = "var config = {" + ",".join(f'"k{n}": "{"x" * 40}"' for n in range(150)) + "};"
STYLE = "".join(f".c{n} {{ margin: {n}px; padding: 0 {n}px; }}\n" for n in range(200))


def page_html(art: object, number: int) -> str:
    """One synthetic article as a news site would serve it."""
    title, paragraphs = art.title, art.paragraphs  # type: ignore[attr-defined]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    caption = art.captions[0] if art.captions else "A photograph"  # type: ignore[attr-defined]
    date = art.date or "2024-01-01"  # type: ignore[attr-defined]
    related = "".join(
        f'<li><a href="/story/{number + k}">Another headline about the harbour, part {k}</a></li>'
        for k in range(12)
    )
    comments = "".join(
        f'<div class="comment"><p class="author">reader{k}</p><p>I have thoughts about this '
        f"story and I will share them at length, reader number {k}.</p></div>"
        for k in range(8)
    )
    # Most news sites describe the article in JSON-LD; one page in ten here does not, so the
    # slower search of the markup for a byline is in the measure too.
    json_ld = (
        ""
        if number % 10 == 9
        else (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "NewsArticle", "headline": "{title}", "datePublished": "{date}", '
            f'"author": {{"@type": "Person", "name": "{art.author or "Staff"}"}}}}</script>'
        )
    )  # type: ignore[attr-defined]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {art.source}</title>
<meta property="og:site_name" content="{art.source}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<meta property="article:section" content="{art.section}">
<link rel="canonical" href="https://{art.source}/story/{number}">{json_ld}
<style>{STYLE}</style><script>{SCRIPT}</script></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p>
<button>Accept</button></div>
<header><a href="/">{art.source}</a><nav><ul>{NAV}</ul></nav></header>
<div class="advert"><p>Advertisement</p><p>Buy a new kitchen today with free fitting</p></div>
<main><article><h1>{title}</h1><p class="byline">By {art.author or "Staff"}</p>
<figure><img src="/img/{number}.jpg" alt=""><figcaption>{caption}</figcaption></figure>
{body}</article>
<aside class="related"><h3>Related</h3><ul>{related}</ul></aside>
<section class="comments"><h3>Comments</h3>{comments}</section></main>
<footer><ul>{NAV}</ul><p>&copy; 2024 {art.source}. All rights reserved.</p></footer>
<script>{SCRIPT}</script></body></html>
"""  # type: ignore[attr-defined]


def articles(count: int, seed: int = 1) -> list[object]:
    """``count`` synthetic articles from bench/synth.py's writer."""
    import synth

    writer = synth._Writer(random.Random(seed))
    return [writer.article(i, 0.0) for i in range(count)]


def bench_pages(count: int, repeat: int, folder: Path) -> None:
    """Pages/s for HTML and plain text, and the extractor's share of the HTML time."""
    from index.formats.charset import decode_markup
    from index.formats.html import parse_html
    from index.pipeline.read import read_file

    html_files, text_files = [], []
    for number, art in enumerate(articles(count)):
        html = folder / f"page-{number}.html"
        html.write_text(page_html(art, number), encoding="utf-8")
        text = folder / f"page-{number}.txt"
        text.write_text(art.title + "\n\n" + "\n\n".join(art.paragraphs) + "\n")  # type: ignore[attr-defined]
        html_files.append(html)
        text_files.append(text)
    size = statistics.mean(p.stat().st_size for p in html_files) / 1024
    print(f"{count} pages, {size:.0f} KB of HTML on average")
    raw = [p.read_bytes() for p in html_files]
    list(read_file(html_files[0]))  # imports and caches outside the timing

    def timed(work: object) -> float:
        # CPU time of this process: the rate of one core however busy the machine is
        # (wall time on a shared machine measures the neighbours too).
        started = time.process_time()
        work()  # type: ignore[operator]
        return time.process_time() - started

    rounds: dict[str, list[float]] = {"html": [], "extract": [], "text": []}
    for _ in range(repeat):
        rounds["html"].append(timed(lambda: [list(read_file(p)) for p in html_files]))
        rounds["extract"].append(timed(lambda: [parse_html(decode_markup(d).text) for d in raw]))
        rounds["text"].append(timed(lambda: [list(read_file(p)) for p in text_files]))
    median = {name: statistics.median(times) for name, times in rounds.items()}
    for name in ("html", "text"):
        trials = ", ".join(f"{count / t:.0f}" for t in rounds[name])
        print(f"  {name:5} read_file: {count / median[name]:6.0f} pages/s (trials: {trials})")
    print(f"  trafilatura extraction alone: {count / median['extract']:.0f} pages/s")
    share = median["extract"] / median["html"]
    print(f"  extraction is {share:.0%} of the HTML read; the HTML read takes "
          f"{median['html'] / median['text']:.1f}x the text read")  # fmt: skip


def write_warc(path: Path, megabytes: int) -> int:
    """A WARC of about ``megabytes`` MB: page responses, their requests, and images."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pool = articles(200)
    image = random.Random(2).randbytes(400 * 1024)
    pages = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        while out.tell() < megabytes * 1024 * 1024:
            art = pool[pages % len(pool)]
            uri = f"https://{art.source}/story/{pages}"  # type: ignore[attr-defined]
            body = page_html(art, pages).encode("utf-8")
            for kind, payload, content_type in (
                ("response", body, "text/html; charset=utf-8"),
                ("request", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", None),
                ("response", image, "image/jpeg"),
            ):
                headers = None
                if content_type:
                    headers = StatusAndHeaders(
                        "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
                    )
                target = uri if content_type != "image/jpeg" else uri + ".jpg"
                writer.write_record(
                    writer.create_warc_record(
                        target, kind, payload=io.BytesIO(payload), http_headers=headers
                    )
                )
            pages += 1
    return pages


READ_WARC = """
import resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from index.pipeline.read import read_file
started = time.perf_counter()
count = sum(1 for _ in read_file(Path({path!r}), warn=lambda _: None))
seconds = time.perf_counter() - started
print(count, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_warc(sizes: list[int], folder: Path) -> None:
    """Articles, seconds and peak memory for reading WARC files of the given sizes."""
    for megabytes in sizes:
        path = folder / f"crawl-{megabytes}.warc"
        pages = write_warc(path, megabytes)
        script = READ_WARC.format(root=str(BENCH.parent), path=str(path))
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        count, seconds, peak_kb = done.stdout.split()
        print(
            f"  {path.stat().st_size / 2**20:6.0f} MB WARC, {pages} pages: {count} articles in "
            f"{float(seconds):.1f} s ({int(count) / float(seconds):.0f}/s), "
            f"peak RSS {int(peak_kb) / 1024:.0f} MB"
        )
        path.unlink()


def main() -> int:
    """Run both benchmarks and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warc-mb", default="20,200,1024", help="comma-separated sizes in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-formats-") as temp:
        folder = Path(temp)
        print("Saved pages, one core:")
        bench_pages(args.pages, args.repeat, folder)
        sizes = [int(s) for s in args.warc_mb.split(",") if s]
        if sizes:
            print("WARC files, read start to end (quotes included):")
            bench_warc(sizes, folder)
    print(
        f"(bench process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
