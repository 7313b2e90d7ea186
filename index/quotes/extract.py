"""Put the pieces together: quoted spans, attributions, reported speech, coreference."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.corpus.article import PARAGRAPH_SEPARATOR, Quote, QuoteKind
from index.quotes.attribution import Attribution, after_quote, before_quote
from index.quotes.coref import Registry, resolve, scan_people
from index.quotes.marks import QuotedSpan, find_double_spans, find_single_spans, opens_with_quote
from index.quotes.names import Source
from index.quotes.reported import find_reports
from index.quotes.sentences import split_sentences
from index.quotes.speakers import parse_source
from index.quotes.subjects import Known, clause_subject, verb_subject
from index.quotes.titles import is_span_title

_WORD = re.compile(r"[\w'\u2019\-]+")
# Inherit a speaker from a quote at most this many paragraphs back.
_INHERIT_PARAGRAPHS = 1


@dataclass(slots=True)
class _Candidate:
    """A quote found in a paragraph, before its speaker is resolved."""

    kind: QuoteKind
    paragraph: int
    start: int  # body offsets
    end: int
    source: Source | None
    position: int  # body offset of the speaker phrase
    chain: int = -1  # quotes running over paragraphs share a chain id


_NICKNAME_WORDS = re.compile(r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?")


def _is_nickname(text: str, span: QuotedSpan) -> bool:
    """Whether the quoted words are a nickname inside a name (``Marcia "Cia" Price``)."""
    if not _NICKNAME_WORDS.fullmatch(text, span.start, span.end):
        return False
    before = text[max(0, span.open - 40) : span.open].split()
    after = text[span.close : span.close + 40].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _quote_like(text: str, span: QuotedSpan, sentence: tuple[int, int]) -> bool:
    """Whether an unattributed quoted span is speech rather than a scare quote or a title."""
    inner = text[span.start : span.end]
    if is_span_title(text, span):
        return False
    words = len(inner.split())
    before = text[sentence[0] : span.open].strip(" \u00a0")
    after = text[span.close : sentence[1]].strip(" \u00a0")
    stands_alone = not before and (not after or after in ".")
    return stands_alone and words >= 2


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    for sentence in sentences:
        if sentence[0] <= pos < sentence[1]:
            return sentence
    return sentences[-1] if sentences else (0, 0)


def _trim_direct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _paragraph_candidates(
    index: int, text: str, base: int, spans: list[QuotedSpan], known: Known
) -> list[_Candidate]:
    """Direct, mixed and indirect candidates of one paragraph (speakers not yet resolved)."""
    if not spans:
        # Without quote marks only reported speech can be found, and only after a cue.
        return [
            _Candidate("indirect", index, base + r.start, base + r.end, r.source, base + r.position)
            for r in find_reports(text, spans, None, known)
        ]
    sentences = split_sentences(text, spans)
    attributions: list[Attribution | None] = []
    for number, span in enumerate(spans):
        limit = spans[number + 1].open if number + 1 < len(spans) else len(text)
        found = after_quote(text, span.close, limit) if span.closed else None
        if found is None:
            sentence = _sentence_of(sentences, span.open)
            lo = max(sentence[0], spans[number - 1].close if number else 0)
            found = before_quote(text, lo, span.open, spans, known)
        attributions.append(found)
    candidates: list[_Candidate] = []
    claimed: set[int] = set()
    for report in find_reports(text, spans, sentences, known):
        inside = [
            number
            for number, span in enumerate(spans)
            if report.start <= span.close
            and span.open < report.end
            and not is_span_title(text, span)
        ]
        if inside:
            first = spans[inside[0]]
            rest = text[report.start : first.open] + text[first.close : report.end]
            whole = len(inside) == 1 and all(word.lower() == "that" for word in _WORD.findall(rest))
            if whole and not rest.strip():
                if attributions[inside[0]] is None:
                    attributions[inside[0]] = Attribution(
                        report.source, report.position, report.end
                    )
                continue
            if any(attributions[number] is not None for number in inside):
                continue
            claimed.update(inside)
            start = min(report.start, spans[inside[0]].open)
            end = max(report.end, spans[inside[-1]].close)
            candidates.append(
                _Candidate(
                    "mixed", index, base + start, base + end, report.source, base + report.position
                )
            )
            continue
        if any(s.open < report.start < s.close for s in spans):
            continue  # a source cut at a comma inside a title's marks
        # A statement that ends inside a title's marks (`the book "Days of Rain,"`) takes
        # the closing mark too.
        end = next((s.close for s in spans if s.open < report.end < s.close), report.end)
        candidates.append(
            _Candidate(
                "indirect",
                index,
                base + report.start,
                base + end,
                report.source,
                base + report.position,
            )
        )
    leftovers: dict[tuple[int, int], list[QuotedSpan]] = {}
    for number, span in enumerate(spans):
        if number in claimed:
            continue
        found = attributions[number]
        start, end = _trim_direct(text, span.start, span.end)
        if start >= end:
            continue
        sentence = _sentence_of(sentences, span.open)
        if found is not None and is_span_title(text, span):
            continue  # 'on CBS\'s "Face the Nation," Ryan said': the show, not his words
        if found is None and not _quote_like(text, span, sentence):
            if not is_span_title(text, span):
                leftovers.setdefault(sentence, []).append(span)
            continue
        candidates.append(
            _Candidate(
                "direct",
                index,
                base + start,
                base + end,
                found.source if found else None,
                base + found.position if found else -1,
            )
        )
    for sentence, fragments in leftovers.items():
        # Quoted words inside a sentence about someone are taken as that someone's words.
        subject = verb_subject(text, sentence[0], fragments[0].open, spans, known) or (
            clause_subject(text, sentence[0], fragments[0].open, spans, known)
        )
        if subject is None:
            # Whole sentences quoted without a verb of saying nearby are still quotes; whose
            # is left to the context (the speaker of the quote before).
            long = [span for span in fragments if len(text[span.start : span.end].split()) >= 6]
            for span in long:
                start, end = _trim_direct(text, span.start, span.end)
                candidates.append(_Candidate("direct", index, base + start, base + end, None, -1))
            continue
        candidates.append(
            _Candidate(
                "mixed",
                index,
                base + fragments[0].open,
                base + fragments[-1].close,
                subject[0],
                base + subject[1],
            )
        )
    return candidates


# An opening single mark: a curly or low one, or an apostrophe that opens a word. Every branch
# starts with a literal mark so that ``re`` skips ahead to the next mark instead of trying the
# pattern at every offset; the lookbehind, written after the apostrophe, checks the character
# before it.
_SINGLE_MARKS = re.compile("\u2018|\u2039|\u201a|'(?<![\\w'\u2019]')(?=[^\\W\\d_])")


def _may_hold_single_marks(text: str) -> bool:
    """Whether ``text`` holds a character that ``_SINGLE_MARKS`` starts with.

    Substring tests, faster than the search: most paragraphs hold none (their apostrophes are
    curly ones, which open no quote).
    """
    return "'" in text or "\u2018" in text or "\u2039" in text or "\u201a" in text


def _quoted_spans(text: str) -> list[QuotedSpan]:
    """The quoted spans of a paragraph: double marks, else single ones (British style)."""
    spans = find_double_spans(text)
    if not spans and _may_hold_single_marks(text) and _SINGLE_MARKS.search(text):
        spans = find_single_spans(text)
    return [span for span in spans if not _is_nickname(text, span)] if spans else spans


# The attribution that ends the first sentence of a quote whose closing mark is missing:
# '"The pier is safe, Ada Vik said.' (and no quote runs on into the next paragraph).
_STRANDED_ATTRIBUTION = re.compile(
    r",\s+(?:(?:said|says|added|adds)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"|(?:[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}|he|she|they)\s+"
    r"(?:said|says|added|adds))(?:\.?\s*$|\.\s)"
)


def _close_stranded(text: str, span: QuotedSpan) -> QuotedSpan:
    """Close an unclosed quote before an attribution stranded inside it, if there is one."""
    found = _STRANDED_ATTRIBUTION.search(text, span.start, span.end)
    if found is None or found.start() - span.start < 10:
        return span
    return replace(span, end=found.start(), close=found.start(), closed=True)


def _remove_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep candidates in reading order without overlaps (direct quotes win ties)."""
    candidates.sort(key=lambda c: (c.start, c.kind != "direct", -c.end))
    kept: list[_Candidate] = []
    for candidate in candidates:
        if kept and candidate.start < kept[-1].end:
            if candidate.kind == "direct" and kept[-1].kind != "direct":
                kept[-1] = candidate
            continue
        kept.append(candidate)
    return kept


def _inherit(candidates: list[_Candidate]) -> None:
    """Give unattributed direct quotes the speaker of the quote they continue."""
    last: _Candidate | None = None
    for number, candidate in enumerate(candidates):
        if candidate.source is None and candidate.kind == "direct":
            donor = None
            if last is not None and (
                candidate.paragraph - last.paragraph <= _INHERIT_PARAGRAPHS
                or (candidate.chain >= 0 and candidate.chain == last.chain)
            ):
                donor = last
            else:
                for later in candidates[number + 1 :]:
                    if later.paragraph != candidate.paragraph:
                        break
                    if later.source is not None and later.kind == "direct":
                        donor = later
                        break
            if donor is not None:
                candidate.source = donor.source
                candidate.position = donor.position
        if candidate.source is not None:
            last = candidate


def extract_quotes(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """Return the quotations in ``paragraphs``, in reading order.

    Args:
        paragraphs: The article body, one string per paragraph.

    Returns:
        Direct, mixed and indirect quotes with speakers and offsets into
        ``PARAGRAPH_SEPARATOR.join(paragraphs)``.
    """
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    bases: list[int] = []
    offset = 0
    for text in paragraphs:
        bases.append(offset)
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    all_spans = [_quoted_spans(text) for text in paragraphs]
    for index, spans in enumerate(all_spans):
        if spans and not spans[-1].closed:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            if not opens_with_quote(following):
                spans[-1] = _close_stranded(paragraphs[index], spans[-1])
    skips = [[(span.open, span.close) for span in spans] for spans in all_spans]
    registry = Registry()
    scan_people(list(paragraphs), bases, skips, registry)

    def known(name: str) -> bool:
        return registry.find(name) is not None

    candidates: list[_Candidate] = []
    chain = 0
    for index, text in enumerate(paragraphs):
        found = _paragraph_candidates(index, text, bases[index], all_spans[index], known)
        spans = all_spans[index]
        continues = (
            bool(spans)
            and not spans[-1].closed
            and index + 1 < len(paragraphs)
            and opens_with_quote(paragraphs[index + 1])
        )
        if continues:
            last_end = bases[index] + spans[-1].end
            for candidate in found:
                if candidate.kind == "direct" and candidate.end >= last_end - 1:
                    candidate.chain = chain
        if index > 0 and spans and opens_with_quote(text):
            for candidate in candidates[-3:]:
                if candidate.chain == chain - 1 and candidate.paragraph == index - 1:
                    for mine in found:
                        if mine.kind == "direct" and mine.start <= bases[index] + spans[0].start:
                            mine.chain = chain - 1
        if continues:
            chain += 1
        _attribute_across(paragraphs, bases, index, spans, found, known)
        candidates.extend(found)
    candidates = _remove_overlaps(candidates)
    _share_chain_speakers(candidates)
    _inherit(candidates)
    pieces: list[list[_Candidate]] = []
    speakers: list[tuple[str | None, str | None]] = []
    for candidate in candidates:
        speaker, role = (None, None)
        if candidate.source is not None:
            speaker, role = resolve(candidate.source, candidate.position, registry)
        if pieces and speakers[-1][0] == speaker and _continues(body, pieces[-1][-1], candidate):
            pieces[-1].append(candidate)
        else:
            pieces.append([candidate])
            speakers.append((speaker, role))
    return tuple(
        _quote(body, group, speaker, role)
        for group, (speaker, role) in zip(pieces, speakers, strict=True)
    )


# At most this many words between the pieces of a quote split by its attribution.
_SPLIT_GAP_WORDS = 30


def _continues(body: str, last: _Candidate, candidate: _Candidate) -> bool:
    """Whether ``candidate`` is the next piece of the quote that ``last`` ends.

    Direct pieces continue a quote running over paragraphs (same chain), or one interrupted
    by its attribution: ``"A," she said. "B."`` or ``"A," she said, "B."``, where both
    pieces hang on the one attribution between them. Reported speech interrupted the same
    way (``A, she said, B``) is one statement too.
    """
    if candidate.kind != last.kind or candidate.kind == "mixed":
        return False
    if candidate.kind == "direct" and last.chain >= 0 and candidate.chain == last.chain:
        return True
    if last.source is None or candidate.paragraph != last.paragraph:
        return False
    if candidate.position != last.position or not last.end <= last.position < candidate.start:
        return False
    gap = body[last.end : candidate.start]
    if candidate.kind == "direct":
        return len(gap.split()) <= _SPLIT_GAP_WORDS
    return gap.lstrip()[:1] == "," and gap.rstrip()[-1:] == "," and len(gap.split()) <= 8


def join_pieces(body: str, parts: Sequence[tuple[int, int]], kind: QuoteKind = "direct") -> str:
    """The words of a quote in pieces, joined by spaces.

    A piece cut before its comma (``"A," she said``) gets the comma back, or a full stop when
    the next piece starts a new sentence (``"A," she said. "B."`` reads ``A. B.``).
    """
    words = [body[start:end] for start, end in parts]
    if kind != "direct":
        # "A, she said, B": the commas belong to the interruption, not to the statement.
        return " ".join(words)
    for number, (_, end) in enumerate(parts[:-1]):
        if body[end : end + 1] == ",":
            following = words[number + 1][:1]
            words[number] += "." if following.isupper() else ","
    return " ".join(words)


def _quote(body: str, group: list[_Candidate], speaker: str | None, role: str | None) -> Quote:
    """One quote from its pieces (one piece for most quotes)."""
    first, last = group[0], group[-1]
    if len(group) == 1:
        text = body[first.start : first.end]
        parts: tuple[tuple[int, int], ...] = ()
    else:
        parts = tuple((piece.start, piece.end) for piece in group)
        text = join_pieces(body, parts, first.kind)
    return Quote(
        text=text,
        speaker=speaker,
        role=role,
        kind=first.kind,
        paragraph=first.paragraph,
        start=first.start,
        end=last.end,
        parts=parts,
    )


_SIGNATURE_LINE = re.compile(
    r"[\s\u00a0]*[\u2015\u2014\u2013-]+[\s\u00a0]*(?P<name>[A-Z][^\n]{1,80})$"
)


def _attribute_across(
    paragraphs: Sequence[str],
    bases: list[int],
    index: int,
    spans: list[QuotedSpan],
    found: list[_Candidate],
    known: Known,
) -> None:
    """Attribute a paragraph-long quote from its neighbours.

    ``Caddell continued:`` introduces the quote in the next paragraph, and a paragraph holding
    only ``-- Jane Roe, Philadelphia`` signs the quote before it.
    """
    loose = [c for c in found if c.kind == "direct" and c.source is None]
    if not loose or not spans:
        return
    text = paragraphs[index]
    first = loose[0]
    if index > 0 and first.start <= bases[index] + spans[0].start:
        previous = paragraphs[index - 1].rstrip()
        if previous.endswith(":"):
            sentences = split_sentences(previous, find_double_spans(previous))
            lo = sentences[-1][0] if sentences else 0
            found_before = before_quote(previous, lo, len(previous), [], known)
            if found_before is not None:
                first.source = found_before.source
                first.position = bases[index - 1] + found_before.position
    last = loose[-1]
    if index + 1 < len(paragraphs) and last.end >= bases[index] + len(text.rstrip()) - 2:
        signed = _SIGNATURE_LINE.match(paragraphs[index + 1])
        if signed and len(signed.group("name").split()) <= 8:
            source = parse_source(signed.group("name").rstrip(". "))
            if source is not None and source.kind == "person":
                last.source = source
                last.position = bases[index + 1] + signed.start("name")


def _share_chain_speakers(candidates: list[_Candidate]) -> None:
    """Pieces of a quote running over paragraphs share the speaker any piece names."""
    by_chain: dict[int, _Candidate] = {}
    for candidate in candidates:
        if candidate.chain >= 0 and candidate.source is not None:
            by_chain.setdefault(candidate.chain, candidate)
    for candidate in candidates:
        if candidate.chain >= 0 and candidate.source is None and candidate.chain in by_chain:
            donor = by_chain[candidate.chain]
            candidate.source = donor.source
            candidate.position = donor.position
