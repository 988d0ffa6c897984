"""The embedded index's schema, documents and queries (search/backends/embedded.py).

Fields:

    title_f, body_f   folded and English-stemmed ("cong_stem": lower case, ASCII folding
                      — đ → d, every Vietnamese mark removed — then the English
                      stemmer), with positions → "dau tu" finds "đầu tư", phrases rank
                      above scattered syllables, "investments" finds "investment"
    title_x, body_x   text with its accents (body: its first LEAD_CHARS) → an
                      exact-accent match ranks first
    numbers           document-number variants → "2513khubnd" finds 2513/KH-UBND
    site lang kind    raw fast fields (filters, facets); year a fast integer
    id                the document id, indexed only (deletes by term); hash and data (the document's
                      JSON, read for the page of hits) stored as bytes, not indexed

Folding happens inside tantivy's analyzers (Python's str.translate over every
body cost more than the rest of indexing); query syllables go through the very
same analyzers (`_ANALYZERS`), so both sides fold alike. The tokenizer splits on
every character that is not a letter or digit, as search/text.py's tokens() does.

Queries are built from term, phrase and boolean query objects, never parsed
from text, so nothing the user types is query syntax.

"""

import unicodedata

import tantivy

from ..documents import hash_json
from ..text import number_variants

SCHEMA_VERSION = "1"
LEAD_CHARS = 160  # characters of summary + body kept with accents for exact-accent boosts

# Boosts (the FTS5 backend's bm25 column weights, as tantivy query boosts).
TITLE_F, BODY_F, TITLE_X, BODY_X, NUMBERS = 6.0, 1.0, 12.0, 3.0, 25.0
PHRASE_TITLE, PHRASE_BODY, COMPACT_NUMBER = 8.0, 2.0, 50.0
PHRASE_MAX_SHARE = 0.05  # body phrases only when a syllable is in fewer than 5% of bodies


def _analyzer(stem):
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(tantivy.Filter.stemmer("english"))
    return builder.build()


_ANALYZERS = {"cong_stem": _analyzer(stem=True), "cong_fold": _analyzer(stem=False)}


def with_analyzers(index):
    """Register the analyzers (tantivy keeps only their names in the index)."""
    for name, analyzer in _ANALYZERS.items():
        index.register_tokenizer(name, analyzer)
    return index


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    # Stored, not indexed (a text field is always indexed: one huge term per document).
    builder.add_bytes_field("hash", stored=True)
    builder.add_bytes_field("data", stored=True)
    for name in ("title_f", "body_f"):
        builder.add_text_field(name, tokenizer_name="cong_stem", index_option="position")
    builder.add_text_field("body_x", tokenizer_name="default", index_option="freq")
    for name in ("title_x", "numbers"):  # a title or a number rarely repeats a word
        builder.add_text_field(name, tokenizer_name="default", index_option="basic")
    for name in ("site", "lang", "kind"):
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("year", indexed=True, fast=True)
    return builder.build()


SCHEMA = build_schema()


def tantivy_document(doc):
    """The tantivy Document for one SearchDocument (a pure function)."""
    extra = " ".join([doc.summary, " ".join(doc.categories), " ".join(doc.keywords)])
    title = unicodedata.normalize("NFC", doc.title)
    body = unicodedata.normalize("NFC", f"{extra} {doc.body}")
    attached = " ".join(a.get("text", "") for a in doc.attachments)
    data = doc.as_json()
    fields = {
        "id": doc.id,
        "hash": bytes.fromhex(hash_json(data)),  # 12 bytes, not 24 hex digits
        "data": data.encode(),
        "title_f": title,
        "body_f": f"{body} {unicodedata.normalize('NFC', attached)}" if attached else body,
        "title_x": title,
        "body_x": body[:LEAD_CHARS],
        "numbers": " ".join(v for number in doc.numbers() for v in number_variants(number)),
        "site": doc.site,
        "lang": doc.lang,
        "kind": doc.kind,
    }
    if doc.year is not None:
        fields["year"] = doc.year
    return tantivy.Document(**fields)


def stem_terms(words):
    """Index terms of query syllables (folded and stemmed as title_f/body_f are)."""
    return [stem for word in words for stem in _ANALYZERS["cong_stem"].analyze(word)]


def fold_terms(words):
    return [term for word in words for term in _ANALYZERS["cong_fold"].analyze(word)]


def _term(field, value, boost=None):
    query = tantivy.Query.term_query(SCHEMA, field, value)
    return query if boost is None else tantivy.Query.boost_query(query, boost)


def _should(queries):
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])


def match_query(parsed):
    """Every folded syllable required (in a folded field or the numbers); a compact
    document number may stand in for all of them. Scores are those of the terms."""
    required = []
    for syllable in dict.fromkeys(parsed.exact):
        options = [_term("numbers", folded, NUMBERS) for folded in fold_terms([syllable])]
        for stem in stem_terms([syllable]):
            options += [_term("title_f", stem, TITLE_F), _term("body_f", stem, BODY_F)]
        required.append((tantivy.Occur.Must, _should(options)))
    query = tantivy.Query.boolean_query(required)
    if parsed.compact:
        query = _should([query, _term("numbers", parsed.compact, COMPACT_NUMBER)])
    return query


def rank_query(parsed, matching, searcher=None):
    """`matching` plus boosts that change the order, never the set of rows:
    exact accents, adjacent syllables (phrases) in title and body.

    A phrase of syllables that are all very common ("của các", "và là") is boosted
    in titles only: checking its positions in every body costs more than the rest
    of the search, and the title is where such a phrase tells documents apart."""
    boosts = []
    for word in dict.fromkeys(parsed.accented):
        # title_x/body_x use tantivy's "default" analyzer: lower case, no folding.
        boosts += [_term("title_x", word, TITLE_X), _term("body_x", word, BODY_X)]
    stems = stem_terms(parsed.exact)
    if len(stems) > 1:
        fields = [("title_f", PHRASE_TITLE)]
        if searcher is None or _has_rare(searcher, stems):
            fields.append(("body_f", PHRASE_BODY))
        for field, boost in fields:
            phrase = tantivy.Query.phrase_query(SCHEMA, field, stems)
            boosts.append(tantivy.Query.boost_query(phrase, boost))
    if not boosts:
        return matching
    return tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, matching)] + [(tantivy.Occur.Should, q) for q in boosts]
    )


def _has_rare(searcher, stems):
    """Whether one of the stems is in fewer than PHRASE_MAX_SHARE of the bodies."""
    limit = PHRASE_MAX_SHARE * max(searcher.num_docs, 1)
    return any(searcher.doc_freq("body_f", stem) < limit for stem in stems)


def filter_clauses(filters):
    """(Must, zero-scored term query) per filter: filters narrow, they do not rank."""
    clauses = []
    for name, value in filters.items():
        if value is None:
            continue
        if name == "year":
            query = tantivy.Query.term_query(SCHEMA, "year", int(value))
        else:
            query = tantivy.Query.term_query(SCHEMA, name, str(value))
        clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(query, 0.0)))
    return clauses


def with_filters(query, filters):
    clauses = filter_clauses(filters)
    if not clauses:
        return query
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *clauses])


def prefix_regex(word):
    """A regex matching terms that start with `word` (letters and digits only)."""
    return "".join(c for c in word if c.isalnum()) + ".*"
