"""Deterministic synthetic news archive for the benchmarks.

``generate(out_dir, n, seed)`` writes ``n`` BBC-sized articles in newsdesk's four formats (about
60% scraped-page ``.txt``, 25% Markdown, 10% plain ``.txt`` and ``jsonl_share`` in JSON Lines
files of 500) under ``out_dir/<source>/<year>/``, with Zipfian vocabulary, quotes, sources,
sections, dates, authors and tags. The same ``(n, seed)`` gives the same bytes and mtimes, and
article ``i`` is the same for any ``n > i``. ``touch_changed`` edits a few files, for
incremental-update benchmarks. Words and templates live in ``synth_words.py``. Command line::

    python bench/synth.py OUT_DIR [-n 20000] [--seed 1] [--jsonl-share 0.05] [--touch COUNT]
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import re
import sys
import time
from array import array
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from itertools import chain
from multiprocessing import get_all_start_methods, get_context
from operator import call
from pathlib import Path
from typing import NamedTuple, TypeVar

if str(Path(__file__).resolve().parent) not in sys.path:  # bench/ is a folder, not a package
    sys.path.append(str(Path(__file__).resolve().parent))
import synth_words as words

T = TypeVar("T")
VERSION = 5  # bumped whenever the output for a given (n, seed) changes: key caches on it
CHUNK = 1_000  # articles per random stream, and per job for the worker processes
JSONL_PER_FILE = 500
BLOCK = 50_000  # articles per year folder of a source (at most ~8% x 15% of them per folder)
SUFFIXES = {"scraped": ".txt", "plain": ".txt", "markdown": ".md"}
FORMAT_SHARES = {"scraped": 0.60, "markdown": 0.25, "plain": 0.10}
QUOTED_SHARE = 0.70
UNDATED_SHARE = 0.03
YEARS = range(2010, 2027)
LAST_MONTH = 10  # of the last year
_TABLE = 1 << 16  # sampling tables hold 2**16 entries, indexed by random 16-bit numbers
_MARKS = [('"', '"')] * 7 + [("\u201c", "\u201d")] * 2 + [("\u00ab", "\u00bb")]
_TIMES = [f"on {day}" for day in calendar.day_name] + [f"in {m}" for m in calendar.month_name[1:]]
_TIMES += [f"{w} {p}" for w in ("last", "this", "earlier this") for p in ("week", "month", "year")]
_COUNTS = "two three four five six seven ten 12 15 20 30 50 100 300 1,200 2,500"


class Speaker(NamedTuple):
    """A person quoted in the archive."""

    full: str
    last: str
    pronoun: str
    title: str
    role: str


class Article(NamedTuple):
    """One generated article, before it is written in its format."""

    number: int
    fmt: str  # scraped, markdown, plain or jsonl
    source: str
    section: str
    date: str | None
    mtime: float
    author: str | None
    tags: list[str]
    title: str
    captions: list[str]
    paragraphs: list[str]

    @property
    def slug(self) -> str:
        """Up to eight title words, for file names and URLs."""
        return "-".join(re.sub(r"[^a-z0-9]+", " ", self.title.lower()).split()[:8])

    @property
    def url(self) -> str:
        """A made-up canonical URL."""
        when = f"{self.date[:4]}/{self.date[5:7]}/" if self.date else ""
        return f"https://{self.source}/{self.section.lower()}/{when}{self.slug}-{self.number}"


class _Vocab(NamedTuple):
    tables: dict[str, list[str]]  # slot code -> sampling table; "t0".."t11": topics by section
    numbers: dict[str, list[int]]  # speakers, focus slots, and templates by kind
    templates: dict[str, list[tuple[str, str, int]]]  # kind -> (%-format, slot codes, words)
    topics: list[list[str]]
    speakers: list[Speaker]
    authors: list[str]


def _plural(word: str, exceptions: dict[str, str] = words.PLURAL_EXCEPTIONS) -> str:
    if word in exceptions:
        return exceptions[word]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word[:-1] + "ies" if word.endswith("y") and word[-2] not in "aeiou" else word + "s"


def _with_article(word: str) -> str:
    low = word.lower()
    vowel = low[0] in "aeiou" and not low.startswith(("uni", "eu", "use", "usu", "one"))
    return ("an " if vowel or low.startswith(("hour", "honest", "honour")) else "a ") + word


def _ranked(top: Sequence[str], rest: Sequence[str]) -> list[str]:
    """The common words in written order, then the others in a fixed random order."""
    others = [w for w in dict.fromkeys(rest) if w not in set(top)]
    random.Random(20_240_901).shuffle(others)
    return list(dict.fromkeys(top)) + others


def _table(items: Sequence[T], q: float | None = 2.7, s: float = 1.0) -> list[T]:
    """A 2**16-entry table where item r appears in proportion to 1/(r+q)**s (uniform: q None)."""
    weights = [1.0 if q is None else 1.0 / (r + q) ** s for r in range(len(items))]
    total = sum(weights)
    counts = [max(1, int(w / total * _TABLE)) for w in weights]
    counts[0] += _TABLE - sum(counts)
    return [item for item, k in zip(items, counts, strict=True) for _ in range(k)]


def _stream(rng: random.Random, table: Sequence[T]) -> Iterator[T]:
    """Endless draws from a 2**16-entry table, 4,096 random indices at a time (C-speed next)."""

    def batches() -> Iterator[Iterator[T]]:
        while True:
            index = array("H", rng.randbytes(8192))
            if sys.byteorder == "big":
                index.byteswap()
            yield map(table.__getitem__, index)

    return chain.from_iterable(batches())


@cache
def _vocab() -> _Vocab:
    """Sampling tables, templates, speakers and authors: the same for every seed."""
    rng, places = random.Random(7), words.PLACES
    nouns = _ranked(words.NOUNS_TOP, words.NOUNS)
    adjectives = _ranked(words.ADJECTIVES_TOP, words.ADJECTIVES)
    verbs = _ranked(words.VERBS_BASE_TOP, words.VERBS_BASE)
    orgs = rng.sample([f"the {p} {k}" for p in places[:80] for k in words.ORG_KINDS], 260)
    orgs += [f"the Ministry of {field.title()}" for field in words.FIELDS]
    companies = [f"{s} {k}" for s in words.SURNAMES[:90] for k in words.COMPANY_KINDS]
    companies = rng.sample(companies, 150)
    fill = {"f": words.FIELDS, "x": places[:60], "o": orgs[:150], "c": companies}
    names = [(f, "he", "Mr") for f in words.FIRST_MALE]
    names += [(f, "she", "Ms") for f in words.FIRST_FEMALE]
    people = []
    for k in rng.sample(range(len(names) * len(words.SURNAMES)), 2400):
        (first, pronoun, title), last = names[k % len(names)], words.SURNAMES[k // len(names)]
        role = re.sub(r"\{(\w)\}", lambda m: rng.choice(fill[m[1]]), rng.choice(words.ROLES))
        people.append(Speaker(f"{first} {last}", last, pronoun, title, role))
    money = [f"{c}{x} {u}" for c in "$\u00a3\u20ac" for x in (1.2, 3, 40, 250, 600)
             for u in ("million", "billion")]  # fmt: skip
    money += [f"{c}{x},000" for c in "$\u00a3\u20ac" for x in (5, 40, 250, 600)]
    percent = [f"{x} percent" for x in (2, 3.5, 5, 8, 11, 15, 20, 40)]
    topics = [block.split() for block in words.TOPICS]
    tables = {
        "n": _table(nouns[:200] + words.MASS_NOUNS + nouns[200:]),
        "N": _table([*map(_plural, nouns[:100]), *words.PLURAL_ONLY, *map(_plural, nouns[100:])]),
        "a": _table(adjectives),
        "A": _table([_with_article(a) for a in adjectives]),
        "v": _table(_ranked(words.VERBS_PAST_TOP, words.VERBS_PAST)),
        "b": _table(verbs),
        "B": _table([_plural(v, {}) for v in verbs]),  # the third person takes the same endings
        "r": _table(_ranked(words.ADVERBS_TOP, words.ADVERBS)),
        "x": _table(places, 3.0, 1.1),
        "o": _table(orgs + companies, 5.0),
        "p": _table(words.PREPOSITIONS, 1.5),
        "d": _table(_TIMES, None),
        "k": _table(_COUNTS.split(), None),
        "m": _table(percent + money, None),
        "M": _table(money, None),
        "s": _table([p.full for p in people[:2000]], 2.0),
        "source": _table(words.SOURCES, 6.0),
        "section": _table(words.SECTIONS, 4.0),
        "agency": _table(words.AGENCIES, 2.0),
    }
    shown = {w.lower(): w for w in places} | {"ai": "AI", "nato": "NATO"}  # topic words in text
    tables |= {f"t{k}": _table([shown.get(w, w) for w in t], 2.0) for k, t in enumerate(topics)}
    tables |= {"X": tables["x"], "O": tables["o"]}  # any place or organisation, not the focus
    blocks = {"n": words.NARRATIVE, "q": words.QUOTE, "t": words.TITLE, "c": words.CAPTION}
    templates = {
        kind: [(re.sub(r"\{\w\}", "%s", line), "".join(re.findall(r"\{(\w)\}", line)),
                len(line.split())) for line in block.strip().splitlines()]
        for kind, block in blocks.items()
    }  # fmt: skip
    numbers = {kind: _table(range(len(t)), None) for kind, t in templates.items()}
    numbers |= {"speaker": _table(range(2000), 2.0), "focus": _table(range(8), 1.0)}
    authors = [p.full for p in people[2000:]]
    return _Vocab(tables, numbers, templates, topics, people[:2000], authors)


class _Scene:
    """Who has been quoted so far in one article, and with which quote marks."""

    def __init__(self, cast: list[Speaker], marks: tuple[str, str]) -> None:
        self.cast, self.marks = cast, marks
        self.seen: set[str] = set()
        self.last: Speaker | None = None


class _Writer:
    """Draws articles, titles, paragraphs and quotes from one seeded random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.vocab = rng, _vocab()
        draw = {code: _stream(rng, t).__next__ for code, t in self.vocab.tables.items()}
        number = {code: _stream(rng, t).__next__ for code, t in self.vocab.numbers.items()}
        # Places, organisations and topics come mostly from a few per article: these slots read
        # lists that focus() refills in place, so templates can hold their fillers once for all.
        self.local = {code: [""] * 8 for code in "xot"}
        slots, focus = dict(draw), self.vocab.numbers["focus"]
        for code, local in self.local.items():
            slots[code] = map(local.__getitem__, _stream(rng, focus)).__next__
        self.draw, self.speaker = draw, number["speaker"]
        self.templates = {
            kind: ([(fmt, tuple(slots[c] for c in codes), n) for fmt, codes, n in compiled],
                   number[kind])
            for kind, compiled in self.vocab.templates.items()
        }  # fmt: skip
        self.year_weights = [1.12**k for k in range(len(YEARS))]

    def focus(self, section: int) -> None:
        """Pick the places, organisations and topics the next article is mostly about."""
        pools = {"x": self.draw["x"], "o": self.draw["o"], "t": self.draw[f"t{section}"]}
        for code, pool in pools.items():
            self.local[code][:] = [pool() for _ in range(8)]

    def sentence(self, kind: str) -> str:
        """A filled template: ``n`` narrative, ``q`` quote, ``t`` title or ``c`` caption."""
        templates, pick = self.templates[kind]
        fmt, fillers, _ = templates[pick()]
        return fmt % tuple(map(call, fillers))

    def paragraph(self, budget: float) -> str:
        """Narrative sentences until the word budget is spent."""
        templates, pick = self.templates["n"]
        out, count = [], 0
        while count < budget:
            fmt, fillers, k = templates[pick()]
            text = fmt % tuple(map(call, fillers))
            out.append(text[0].upper() + text[1:] + ".")
            count += k
        return " ".join(out)

    def said(self, sentences: int = 1) -> str:
        """Quoted words: capitalised first-person sentences without the final full stop."""
        parts = [self.sentence("q") for _ in range(sentences)]
        return ". ".join(p[0].upper() + p[1:] for p in parts)

    def quote(self, scene: _Scene, two: bool = True) -> list[str]:
        """One paragraph (two for a quote left open) quoting someone in a shape newsdesk handles."""
        rng, (o, c) = self.rng, scene.marks
        if rng.random() < 0.06:
            scene.last, org = None, self.draw["o"]()
            return [f"{org[0].upper()}{org[1:]} said in a statement that {self.sentence('n')}."]
        sp = scene.last if scene.last and rng.random() < 0.45 else rng.choice(scene.cast)
        q, r = self.said(2 if rng.random() < 0.3 else 1), rng.random()
        first, name, role = sp.full not in scene.seen, sp.full, sp.role
        who = sp.pronoun if sp is scene.last else sp.last
        scene.seen.add(sp.full)
        scene.last = sp
        if first and r < 0.35:
            return [f"{o}{q},{c} said {name}, {role}."]
        if first and r < 0.50:
            return [f"{name} said: {o}{q}.{c}"]
        if first and r < 0.62:
            return [f"{name}, {role}, said: {o}{q}.{c}"]
        if first and r < 0.72:
            clause = self.sentence("n")
            return [f"{clause[0].upper()}{clause[1:]}, according to {name}, {role}."]
        if first and r < 0.78:
            return [f"According to {name}, {role}, {self.sentence('n')}."]
        if first and (r < 0.90 or not two):
            return [f"{o}{q},{c} {name}, {role}, said."]
        if first:  # over two paragraphs: the first is left open, the second reopens it
            return [f"{o}{q},{c} said {name}, {role}. {o}{self.said()}", f"{o}{self.said(2)}.{c}"]
        if r < 0.20:
            return [f"{o}{q},{c} {sp.last} said."]
        if r < 0.32:
            return [f"{o}{q},{c} said {sp.last}."]
        if r < 0.46:
            return [f"{sp.last} noted that {self.sentence('n')}."]
        if r < 0.60:
            return [f"{who[0].upper()}{who[1:]} added that {self.sentence('n')}."]
        if r < 0.80:
            return [f"{o}{self.said()},{c} {who} said. {o}{self.said()}.{c}"]
        if r < 0.92:
            return [f"{sp.title} {sp.last} said: {o}{q}.{c}"]
        return [f"{o}{q},{c} {who} added."]

    def body(self, marks: tuple[str, str]) -> list[str]:
        """5-20 paragraphs, about 450 words on average with a tail to 1,500; quotes in most."""
        rng = self.rng
        target = min(1500.0, max(150.0, rng.lognormvariate(6.0, 0.45)))
        count = min(20, max(5, round(target / 36)))
        quotes: set[int] = set()
        if rng.random() < QUOTED_SHARE:
            k = rng.choices(range(1, 7), (22, 26, 20, 14, 10, 8))[0]
            quotes = set(rng.sample(range(1, count), min(k, count - 1)))
        cast = [self.vocab.speakers[self.speaker()] for _ in range(1 + len(quotes) // 2)]
        scene, paragraphs = _Scene(cast, marks), list[str]()
        while len(paragraphs) < count:
            if len(paragraphs) in quotes:
                paragraphs += self.quote(scene, two=len(paragraphs) < count - 1)
            else:  # a paragraph overshoots its budget by half a sentence on average
                budget = target / count * (0.6 + 0.8 * rng.random()) - 8
                paragraphs.append(self.paragraph(budget))
        return paragraphs

    def article(self, index: int, jsonl_share: float) -> Article:
        """Metadata, title, captions and body of one article."""
        rng, draw = self.rng, self.draw
        source = draw["source"]()
        home = words.SOURCES.index(source)  # a source's home section, agency and quote marks
        section = words.SECTIONS[home % 12] if rng.random() < 0.4 else draw["section"]()
        r, fmt = rng.random(), "jsonl"
        if r >= jsonl_share:
            r = (r - jsonl_share) / (1 - jsonl_share) * sum(FORMAT_SHARES.values())
            for fmt, share in FORMAT_SHARES.items():  # noqa: B007 - the last one takes the rest
                if r < share:
                    break
                r -= share
        date, mtime = None, 1_735_689_600.0 + rng.randrange(300 * 86_400)
        if rng.random() >= UNDATED_SHARE:
            year = rng.choices(YEARS, self.year_weights)[0]
            month = rng.randint(1, LAST_MONTH if year == YEARS[-1] else 12)
            day = rng.randint(1, calendar.monthrange(year, month)[1])
            date = f"{year}-{month:02d}-{day:02d}"
            mtime = calendar.timegm((year, month, day, 6, 0, 0)) + rng.randrange(14 * 3600)
        author = None
        if rng.random() > 0.1:
            author = self.vocab.authors[home * 9 + min(11, int(rng.expovariate(0.3)))]
        topic = words.SECTIONS.index(section)
        pool = self.vocab.topics[topic][:17]
        tags = rng.choices(pool, [1 / (k + 1) for k in range(len(pool))], k=rng.randint(1, 4))
        self.focus(topic)
        captions = []
        if fmt in ("scraped", "markdown"):
            for _ in range(rng.choices((0, 1, 2), (5, 80, 15))[0]):
                agency = words.AGENCIES[home % 12] if rng.random() < 0.7 else draw["agency"]()
                caption = self.sentence("c")
                captions.append(f"{caption[0].upper()}{caption[1:]} [Photo/{agency}]")
        title = ""
        while not 6 <= len(title.split()) <= 12 or re.search(r"\b(\w+)-\1\b", title):
            title = self.sentence("t")
        paragraphs = self.body(_MARKS[home % len(_MARKS)])
        return Article(index, fmt, f"{source}.example", section, date, mtime, author,
                       list(dict.fromkeys(tags)), title[0].upper() + title[1:], captions,
                       paragraphs)  # fmt: skip


def render(art: Article) -> str:
    """The article as file text in its format (one JSON line for ``jsonl``)."""
    if art.fmt == "jsonl":
        record = {"id": f"synth-{art.number:07d}", "title": art.title,
                  "body": "\n\n".join(art.paragraphs), "date": art.date, "source": art.source,
                  "url": art.url, "section": art.section, "tags": art.tags,
                  "author": art.author}  # fmt: skip
        return json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n"
    if art.fmt == "scraped":
        blocks = [f"Home>{art.section}", art.title]
        if art.date:
            blocks.append(f"{art.source} Updated:{art.date}")
        blocks += ["1.jpg", art.captions[0], *art.paragraphs[:3]] if art.captions else []
        blocks += ["2.jpg", art.captions[1]] if len(art.captions) > 1 else []
        blocks += art.paragraphs[3:] if art.captions else art.paragraphs
    elif art.fmt == "markdown":
        front = [f"title: {json.dumps(art.title, ensure_ascii=False)}", f"source: {art.source}"]
        front += [f"date: {art.date}"] if art.date else []
        front += [f"section: {art.section}"]
        front += [f"author: {json.dumps(art.author, ensure_ascii=False)}"] if art.author else []
        front += [f"url: {art.url}", f"tags: {json.dumps(art.tags)}"]
        images = [f"![{c.rpartition(' [')[0]}](images/{art.number}.jpg)" for c in art.captions[:1]]
        blocks = ["\n".join(["---", *front, "---"]), *images, *art.paragraphs]
    else:
        blocks = [art.title, *art.paragraphs]
    return "\n\n".join(blocks) + "\n"


_Chunk = tuple[list[str], list[bytes], Counter[str]]  # files written, JSON lines, counts


def _write_chunk(out_dir: str, seed: int, chunk: int, n: int, jsonl_share: float) -> _Chunk:
    """Write one chunk's article files; return them, its JSON lines and counts.

    Each chunk has its own random stream, and its folders depend only on article numbers (the
    year folder gets ``-2``, ``-3``... after each ``BLOCK`` articles), so chunks can be written
    by several processes at once and the archive does not depend on how many.
    """
    writer = _Writer(random.Random(seed * 1_000_003 + chunk))
    files, lines, stats, made = [], [], Counter[str](), set()
    for index in range(chunk * CHUNK, min(n, (chunk + 1) * CHUNK)):
        art = writer.article(index, jsonl_share)
        data = render(art).encode()
        stats[art.fmt] += 1
        stats["undated"] += art.date is None
        if art.fmt == "jsonl":
            lines.append(data)
            continue
        block = index // BLOCK
        folder = art.date[:4] if art.date else "undated"
        folder = os.path.join(out_dir, art.source, f"{folder}-{block + 1}" if block else folder)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        path = os.path.join(folder, f"{art.slug}-{index:06d}{SUFFIXES[art.fmt]}")
        with open(path, "wb") as file:
            file.write(data)
        os.utime(path, (art.mtime, art.mtime))
        files.append(path)
    return files, lines, stats


def _chunks(out_dir: str, seed: int, n: int, share: float, workers: int) -> Iterator[_Chunk]:
    """Write the chunks, in worker processes when there are enough; yield their results in order."""
    jobs = [(out_dir, seed, chunk, n, share) for chunk in range(-(-n // CHUNK))]
    importable = getattr(sys.modules.get(__name__), "_write_chunk", None) is _write_chunk
    if workers < 2 or len(jobs) < 3 or not importable or "fork" not in get_all_start_methods():
        yield from (_write_chunk(*job) for job in jobs)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        pending: deque[Future[_Chunk]] = deque()
        for job in jobs:  # a bounded window keeps memory flat however large n is
            pending.append(pool.submit(_write_chunk, *job))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def generate(
    out_dir: Path, n: int = 20_000, seed: int = 1, *, jsonl_share: float = 0.05,
    workers: int | None = None, stats: Counter[str] | None = None,
) -> list[Path]:  # fmt: skip
    """Write ``n`` synthetic articles under ``out_dir``: the same ``(n, seed)``, the same bytes.

    Files go to ``out_dir/<source>/<year>/`` (``undated`` without a date; ``<year>-2`` for
    articles 50,000-99,999 and so on, so that no folder holds more than about 600 files), their
    mtime set from the article date; JSON Lines articles go to ``out_dir/crawls/crawl-NNNN.jsonl``,
    500 a file. ``workers`` processes (default: the CPU count) share the work; the output does
    not depend on them. ``stats``, when given, counts formats, undated articles and JSON Lines
    files. Returns the files written, in order.
    """
    out_dir, paths, crawl = Path(out_dir), list[Path](), list[bytes]()
    stats = Counter() if stats is None else stats
    workers = os.cpu_count() or 1 if workers is None else workers
    for files, lines, counts in _chunks(str(out_dir), seed, n, jsonl_share, workers):
        paths += map(Path, files)
        stats.update(counts)
        for line in lines:
            crawl.append(line)
            if len(crawl) == JSONL_PER_FILE:
                paths.append(_write_crawl(out_dir, crawl, stats))
    if crawl:
        paths.append(_write_crawl(out_dir, crawl, stats))
    return paths


def _write_crawl(out_dir: Path, lines: list[bytes], stats: Counter[str]) -> Path:
    """Write (and empty) one JSON Lines file of crawled articles."""
    stats["jsonl files"] += 1
    path = out_dir / "crawls" / f"crawl-{stats['jsonl files']:04d}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(lines))
    mtime = 1_767_225_600 + stats["jsonl files"] * 86_400
    os.utime(path, (mtime, mtime))
    lines.clear()
    return path


def touch_changed(out_dir: Path, count: int, seed: int) -> list[Path]:
    """Append an update paragraph to ``count`` article files chosen by ``seed``; bump their mtime.

    Only ``.txt`` and ``.md`` files are changed. The choice and the new text are deterministic;
    the new mtime is the current time (at least a second past the old one), as after a real edit.
    """
    files = sorted(p for p in Path(out_dir).rglob("*") if p.suffix in (".txt", ".md"))
    if not 0 <= count <= len(files):
        raise ValueError(f"cannot change {count} files: {out_dir} has {len(files)} articles")
    rng = random.Random(seed * 1_000_003 + 999_983)
    writer, now, chosen = _Writer(rng), time.time(), rng.sample(files, count)
    for path in chosen:
        mtime = max(now, path.stat().st_mtime + 1)
        writer.focus(rng.randrange(len(words.SECTIONS)))
        text = path.read_text(encoding="utf-8").rstrip("\n")
        path.write_text(f"{text}\n\nUpdate: {writer.paragraph(30)}\n", encoding="utf-8")
        os.utime(path, (mtime, mtime))
    return chosen


def main(argv: list[str] | None = None) -> int:
    """Command line: generate an archive, or change some files of an existing one."""
    parser = argparse.ArgumentParser(description="Write a deterministic synthetic news archive.")
    parser.add_argument("out_dir", type=Path, help="folder to write the archive into")
    parser.add_argument("-n", type=int, default=20_000, help="number of articles (20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--jsonl-share", type=float, default=0.05, help="share in JSON Lines")
    parser.add_argument("--workers", type=int, help="rendering processes (CPU count)")
    parser.add_argument("--touch", type=int, metavar="COUNT", help="change COUNT existing files")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.touch is not None:
        changed = touch_changed(args.out_dir, args.touch, args.seed)
        seconds = time.perf_counter() - start
        print(f"changed {len(changed)} files in {args.out_dir} in {seconds:.2f} s")
        return 0
    stats: Counter[str] = Counter()
    paths = generate(
        args.out_dir, args.n, args.seed, jsonl_share=args.jsonl_share, workers=args.workers,
        stats=stats,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {args.n:,} articles in {len(paths):,} files ({size / 1e6:.1f} MB) "
          f"to {args.out_dir} in {seconds:.1f} s")  # fmt: skip
    print("  " + ", ".join(f"{key} {value:,}" for key, value in sorted(stats.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
