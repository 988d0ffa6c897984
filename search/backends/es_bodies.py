"""Request bodies the Elasticsearch backend sends: index template, documents, queries.

Kept apart from the client calls so tests can check their structure directly,
and so the analysis is readable in one place:

* Vietnamese fields (`title_vi`, `body_vi`) use `vi_folded`: standard tokenizer,
  lowercase, asciifolding with preserve_original — "đường" is indexed as both
  "đường" and "duong" (Lucene's asciifolding maps đ → d), so folded queries
  match and exact-accent queries match twice, ranking first. An `exact`
  sub-field (lowercase only) boosts exact accents further, and a `shingles`
  sub-field (folded syllable pairs) boosts adjacent-syllable matches.
* English fields (`title_en`, `body_en`) use the built-in `english` analyzer
  (stemming: "investments" finds "investment") with a `folded` sub-field.
* `numbers` holds document-number variants as keywords ("2513", "kh", "ubnd",
  "2513khubnd").

Queries use match/multi_match/term clauses only, never query_string, so
nothing the user types is query syntax.
"""

from ..text import number_variants, parse_query

TEXT_FIELDS_BY_LANG = {"vi": ("title_vi", "body_vi"), "en": ("title_en", "body_en")}


def _vi_text():
    return {
        "type": "text",
        "analyzer": "vi_folded",
        "fields": {
            "exact": {"type": "text", "analyzer": "vi_exact"},
            "shingles": {"type": "text", "analyzer": "vi_shingles"},
        },
    }


def _en_text():
    return {
        "type": "text",
        "analyzer": "english",
        "fields": {"folded": {"type": "text", "analyzer": "plain_folded"}},
    }


def _stored(kind="text"):
    """Returned with hits but not searched."""
    return {"type": kind, "index": False} if kind == "text" else {"type": kind}


def index_template(alias, shards=1, replicas=0):
    """Body for PUT _index_template/<alias>: every concrete index `<alias>-*` gets it."""
    keyword = {"type": "keyword"}
    return {
        "index_patterns": [f"{alias}-*"],
        "priority": 100,
        "template": {
            "settings": {
                "number_of_shards": shards,
                "number_of_replicas": replicas,
                "analysis": {
                    "filter": {
                        "vi_folding": {"type": "asciifolding", "preserve_original": True},
                        "plain_folding": {"type": "asciifolding", "preserve_original": False},
                        "syllable_pairs": {
                            "type": "shingle",
                            "min_shingle_size": 2,
                            "max_shingle_size": 2,
                            "output_unigrams": False,
                        },
                    },
                    "analyzer": {
                        "vi_folded": {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase", "vi_folding"],
                        },
                        "vi_exact": {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase"],
                        },
                        "vi_shingles": {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase", "plain_folding", "syllable_pairs"],
                        },
                        "plain_folded": {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase", "plain_folding"],
                        },
                    },
                },
            },
            "mappings": {
                "dynamic": "strict",
                # The per-language copies are searched, never returned: not stored twice.
                "_source": {"excludes": ["title_vi", "body_vi", "title_en", "body_en"]},
                "properties": {
                    "id": keyword,
                    "site": keyword,
                    "lang": keyword,
                    "kind": keyword,
                    "year": {"type": "integer"},
                    "date": {"type": "date", "format": "yyyy-MM-dd", "ignore_malformed": True},
                    "categories": keyword,
                    "sector": keyword,
                    "district": keyword,
                    "document_type": keyword,
                    "document_number": keyword,
                    "keywords": keyword,
                    "numbers": keyword,
                    "hash": keyword,
                    "title_vi": _vi_text(),
                    "body_vi": _vi_text(),
                    "title_en": _en_text(),
                    "body_en": _en_text(),
                    "title": _stored(),
                    "summary": _stored(),
                    "body": _stored(),
                    "url": _stored(),
                    "site_name": _stored(),
                    # Text of attached files: searched through body_vi/body_en, shown
                    # (snippet and file name) when the hit is in a file.
                    "attachments": {
                        "properties": {
                            name: _stored() for name in ("title", "filename", "url", "text")
                        }
                    },
                },
            },
        },
    }


def document_source(doc):
    """The _source of one SearchDocument."""
    source = doc.as_dict()
    source["hash"] = doc.content_hash
    source["date"] = doc.date or None
    source["numbers"] = [v for number in doc.numbers() for v in number_variants(number)]
    title_field, body_field = TEXT_FIELDS_BY_LANG.get(doc.lang, TEXT_FIELDS_BY_LANG["vi"])
    source[title_field] = doc.title
    attached = [a.get("text") or "" for a in doc.attachments]
    source[body_field] = " ".join(
        [doc.summary, " ".join(doc.categories), " ".join(doc.keywords), doc.body, *attached]
    )
    return source


def bulk_actions(index, documents):
    for doc in documents:
        yield {"_op_type": "index", "_index": index, "_id": doc.id, "_source": document_source(doc)}


def delete_actions(index, ids):
    for doc_id in ids:
        yield {"_op_type": "delete", "_index": index, "_id": doc_id}


_FILTER_FIELDS = ("site", "kind", "year")


def _term_filters(request, skip=None):
    return [
        {"term": {name: value}}
        for name, value in request.filters().items()
        if name != skip and name in _FILTER_FIELDS
    ]


def search_body(request):
    """Body for POST <alias>/_search.

    Every syllable must match (folded fields, operator "and"), or the whole
    query as one compact document number. Exact accents, syllable pairs and
    document numbers are `should` boosts. Facet filters go in post_filter so
    each facet aggregation can apply all filters but its own.
    """
    parsed = parse_query(request.text)
    text = parsed.text
    required = [
        {
            "multi_match": {
                "query": text,
                "type": "cross_fields",
                "operator": "and",
                "fields": [
                    "title_vi^3",
                    "body_vi",
                    "title_en^3",
                    "body_en",
                    "title_en.folded^2",
                    "body_en.folded",
                ],
            }
        }
    ]
    if parsed.compact:
        required.append({"term": {"numbers": {"value": parsed.compact}}})
    boosts = [
        {
            "multi_match": {
                "query": text,
                "fields": ["title_vi.exact^4", "body_vi.exact"],
                "boost": 2,
            }
        },
        {
            "multi_match": {
                "query": text,
                "fields": ["title_vi.shingles^3", "body_vi.shingles"],
                "boost": 2,
            }
        },
        {"match_phrase": {"title_en": {"query": text, "boost": 3}}},
    ]
    if parsed.compact:
        boosts.append({"term": {"numbers": {"value": parsed.compact, "boost": 10}}})
    query = {
        "bool": {
            "must": [{"bool": {"should": required, "minimum_should_match": 1}}],
            "should": boosts,
            "filter": [{"term": {"lang": request.lang}}] if request.lang else [],
        }
    }
    aggregations = {
        name: {
            "filter": {"bool": {"filter": _term_filters(request, skip=name)}},
            "aggs": {"values": {"terms": {"field": name, "size": 100}}},
        }
        for name in _FILTER_FIELDS
    }
    return {
        "query": query,
        "post_filter": {"bool": {"filter": _term_filters(request)}},
        "aggs": aggregations,
        "from": request.offset,
        "size": request.size,
        "track_total_hits": True,
        "_source": {"excludes": ["hash", "numbers", "keywords"]},
    }


def suggest_body(words, filters, size):
    """Body for POST <alias>/_search finding titles that hold `words` (folded), the
    last one as a prefix: the titles suggested while someone types."""
    text = " ".join(words)
    return {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": text,
                            "type": "phrase_prefix",
                            "fields": ["title_vi", "title_en.folded"],
                            "max_expansions": 50,
                        }
                    }
                ],
                "filter": [{"term": {name: value}} for name, value in filters.items() if value],
            }
        },
        "size": size,
        "_source": ["title", "url"],
    }


def facets_from(aggregations):
    return {
        name: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in aggregations.get(name, {}).get("values", {}).get("buckets", [])
        }
        for name in _FILTER_FIELDS
    }
