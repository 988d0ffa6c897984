"""Result snippets: HTML-escaped text with query matches wrapped in <mark>.

Matching folds both sides, so "dau tu" marks "đầu tư" in the original text;
the snippet always shows the original accents.
"""

import re
import unicodedata
from functools import lru_cache
from html import escape

from .text import _FOLD_TABLE, _TOKEN_RE

SNIPPET_CHARS = 220


def _folded_same_length(text):
    folded = text.lower().translate(_FOLD_TABLE)
    return folded if len(folded) == len(text) else None


@lru_cache(maxsize=256)
def _terms_pattern(terms):
    """One regex finding any of the (folded) terms as a whole syllable."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _matches(text, terms):
    """(start, end, term) of every syllable of `text` whose folded form is a query term."""
    if not terms:
        return []
    folded = _folded_same_length(text)
    if folded is not None:
        pattern = _terms_pattern(frozenset(terms))
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(folded)]
    found = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group().lower().translate(_FOLD_TABLE)
        if word in terms:
            found.append((m.start(), m.end(), word))
    return found


CHUNK_CHARS = 1500  # long texts are folded and searched a chunk at a time


def _first_matches(text, terms):
    """Matches in the first chunk of `text` that holds every term (else the chunk that
    holds the most), offsets into `text`: folding a 20,000-character body for each hit
    costs more than the rest of a search."""
    if len(text) <= CHUNK_CHARS:
        return _matches(text, terms)
    best, best_count, start = [], 0, 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        found = [(s + start, e + start, t) for s, e, t in _matches(text[start:end], terms)]
        count = len({t for _s, _e, t in found})
        if count > best_count:
            best, best_count = found, count
            if count == len(terms):
                break
        start = end
    return best


def _best_window(matches, length):
    """Start offset of the window holding the most distinct terms (matches in order)."""
    best_start, best_score, wanted = matches[0][0], -1, len({t for _s, _e, t in matches})
    for i, (start, _end, _term) in enumerate(matches):
        distinct = set()
        for s, _e, term in matches[i:]:
            if s >= start + length:
                break
            distinct.add(term)
        if len(distinct) > best_score:
            best_start, best_score = start, len(distinct)
            if best_score == wanted:
                break
    return best_start


def highlight(text, terms, length=SNIPPET_CHARS, matches=None):
    """Escaped excerpt of `text` around the best matches, matches in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    terms = set(terms)
    if matches is None:
        matches = _first_matches(text, terms) if terms else []
    if matches:
        centre = _best_window(matches, length)
        start = max(0, centre - length // 4)
        if start:  # do not cut a word in half
            space = text.rfind(" ", 0, start)
            start = space + 1 if space >= 0 and start - space < 30 else start
    else:
        start = 0
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    parts = ["…" if start else ""]
    cursor = start
    for m_start, m_end, _term in matches:
        if m_start < start or m_end > end:
            continue
        parts.append(escape(text[cursor:m_start]))
        parts.append(f"<mark>{escape(text[m_start:m_end])}</mark>")
        cursor = m_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def snippet_with_source(document, parsed_query, length=SNIPPET_CHARS):
    """(snippet, attachment) for a document dict: from the body or summary when they
    match, else from the first attached file whose text matches, then `attachment` is
    that file's {title, filename, url} (the hit shows its name); else the summary's lead."""
    terms = set(parsed_query.folded)
    for source in (document.get("body"), document.get("summary")):
        source = unicodedata.normalize("NFC", source or "")
        found = _first_matches(source, terms) if source else []
        if found:
            return highlight(source, terms, length, found), None
    for attached in document.get("attachments") or ():
        text = unicodedata.normalize("NFC", attached.get("text") or "")
        found = _first_matches(text, terms) if text else []
        if found:
            info = {key: attached.get(key) or "" for key in ("title", "filename", "url")}
            return highlight(text, terms, length, found), info
    lead = document.get("summary") or document.get("body") or ""
    return highlight(lead, terms, length), None


def snippet_for(document, parsed_query, length=SNIPPET_CHARS):
    """Snippet from the body, summary or an attached file of a document dict."""
    return snippet_with_source(document, parsed_query, length)[0]


def highlight_title(title, parsed_query):
    """The whole title, escaped, with every matching syllable in <mark> (never cut)."""
    title = unicodedata.normalize("NFC", title or "")
    parts, cursor = [], 0
    for start, end, _term in _matches(title, set(parsed_query.folded)):
        parts.append(escape(title[cursor:start]))
        parts.append(f"<mark>{escape(title[start:end])}</mark>")
        cursor = end
    parts.append(escape(title[cursor:]))
    return "".join(parts)
