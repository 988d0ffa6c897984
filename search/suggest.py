"""Suggestions while typing: `GET /api/suggest?q=&site=&lang=`.

    → {"query": q, "suggestions": [{"text": "quy hoạch sử dụng đất", "url": null},
                                   {"text": "<a title>", "url": "https://…"}]}

Up to MAX_SUGGESTIONS: first the phrases that several matching titles share
(url null: choosing one searches for it), then the titles themselves (url: the
page). Matching is accent-folded: "quy ho" finds "Quy hoạch sử dụng đất…"; the
last word typed is a prefix. A backend only finds titles
(`suggest_titles(words, filters, limit)`); the phrases are worked out here from
those titles, the same way for every backend.
"""

import unicodedata
from urllib.parse import parse_qs

from build.records import LANGUAGES

from .backends import BackendUnavailable
from .text import _FOLD_TABLE, _TOKEN_RE, MAX_QUERY_TOKENS

MAX_SUGGESTIONS = 8
MAX_PHRASES = 5  # the rest of the list is titles
CANDIDATES = 40  # titles read to find the common phrases
MAX_PHRASE_WORDS = 6
MIN_PREFIX_CHARS = 2
MAX_QUERY_CHARS = 100
SUGGEST_CACHE = "public, max-age=300"


def _words(text):
    """(original syllables, folded syllables) of a text."""
    original = _TOKEN_RE.findall(unicodedata.normalize("NFC", text or ""))
    return original, [w.lower().translate(_FOLD_TABLE) for w in original]


def query_words(text):
    """The folded syllables typed so far (the last one is a prefix)."""
    return _words(text)[1][:MAX_QUERY_TOKENS]


def _phrases(titles, typed):
    """{folded phrase: (count of titles, display text)} of the phrases that start where
    a title matches what was typed, from the typed words up to MAX_PHRASE_WORDS."""
    *complete, prefix = typed
    found = {}
    for title in titles:
        original, folded = _words(title)
        seen = set()
        for start in range(len(folded) - len(typed) + 1):
            if folded[start : start + len(complete)] != complete:
                continue
            if not folded[start + len(complete)].startswith(prefix):
                continue
            end_max = min(len(folded), start + MAX_PHRASE_WORDS)
            for end in range(start + len(typed), end_max + 1):
                key = " ".join(folded[start:end])
                if key in seen:
                    continue
                seen.add(key)
                count, text = found.get(key, (0, None))
                found[key] = (count + 1, text or " ".join(original[start:end]).lower())
    return found


def common_phrases(titles, typed, limit=MAX_PHRASES):
    """The phrases at least two titles share, the longest of equal frequency, ranked by
    frequency × words (a long shared phrase says more than a short one):
    "quy ho" over titles about land-use plans → "quy hoạch sử dụng đất"."""
    found = _phrases(titles, typed)
    keep = []
    for key, (count, text) in found.items():
        if count < 2 or len(key.split()) < max(2, len(typed)):
            continue
        # A phrase that a longer one extends in just as many titles says less.
        longer = (k for k, (c, _t) in found.items() if c == count and k.startswith(key + " "))
        if next(longer, None) is None:
            keep.append((-count * len(key.split()), -count, key, text))
    keep.sort()
    return [text for _score, _count, _key, text in keep[:limit]]


def suggestions(backend, text, site=None, lang=None, limit=MAX_SUGGESTIONS):
    """[{"text", "url"}] for a prefix typed into the search box."""
    typed = query_words(text)
    if not typed or sum(len(w) for w in typed) < MIN_PREFIX_CHARS:
        return []
    filters = {name: value for name, value in (("site", site), ("lang", lang)) if value}
    titles = backend.suggest_titles(typed, filters, CANDIDATES)
    result, seen = [], set()
    for phrase in common_phrases([title for title, _url in titles], typed):
        result.append({"text": phrase, "url": None})
        seen.add(phrase.translate(_FOLD_TABLE))
    for title, url in titles:
        key = title.lower().translate(_FOLD_TABLE)
        if len(result) >= limit:
            break
        if key not in seen:
            seen.add(key)
            result.append({"text": title, "url": url})
    return result[:limit]


def _error(status, code, message, param=None):
    error = {"code": code, "message": message}
    if param:
        error["param"] = param
    return status, {"error": error}, [("Cache-Control", "no-store")]


def endpoint(api, environ):
    """The /api/suggest handler of search.api.SearchAPI: (status, body, headers)."""
    try:
        raw = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True, max_num_fields=10)
    except ValueError:
        return _error(400, "invalid_parameter", "too many query parameters")
    params = {name: values[0] for name, values in raw.items()}
    text = params.get("q", "").strip()
    if not text:
        return _error(400, "invalid_parameter", "q (the text typed so far) is required", "q")
    if len(text) > MAX_QUERY_CHARS:
        return _error(400, "invalid_parameter", f"q is longer than {MAX_QUERY_CHARS}", "q")
    site, lang = params.get("site") or None, params.get("lang") or None
    if site is not None and site not in api.sites.slugs():
        return _error(400, "invalid_parameter", f"unknown site: {site[:50]!r}", "site")
    if lang is not None and lang not in LANGUAGES:
        return _error(400, "invalid_parameter", f"unknown lang: {lang[:50]!r}", "lang")
    try:
        found = suggestions(api.backend, text, site=site, lang=lang)
    except BackendUnavailable:
        status, body, extra = _error(503, "unavailable", "suggestions are unavailable")
        return status, body, [*extra, ("Retry-After", "30")]
    return 200, {"query": text, "suggestions": found}, [("Cache-Control", SUGGEST_CACHE)]
