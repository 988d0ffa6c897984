"""Listings: which records each section lists, its filters (facets) and pages.

A listing is the set of records of one kind shown under a section index page
(news, documents, ...). Filters work without JavaScript: every value of every
facet gets its own static listing (<section>/<facet>/<value>/), and the same
data goes into one small JSON file per listing that filters.js combines
in the browser.
"""

from dataclasses import dataclass, field

from build.kinds import KIND_TABLE

from .formats import format_date, format_money, year_of
from .text import slugify

PAGE_SEGMENT = {"vi": "trang", "en": "page"}
USD_IN_VND = 25_000  # rough rate, only to put USD projects into the capital ranges
# Capital ranges in VND billions: (key, low, high).
CAPITAL_RANGES = (
    ("under-100", 0, 100),
    ("100-500", 100, 500),
    ("500-1000", 500, 1000),
    ("over-1000", 1000, None),
)


def _choice(fields, key):
    value = fields.get(key)
    if not value:
        return None
    return slugify(value), fields.get(f"{key}_label") or value


def _snippet(fields, key):
    value = fields.get(key)
    if not isinstance(value, dict) or not value.get("name"):
        return None
    return slugify(value.get("key") or value["name"]), value["name"]


def _text(fields, key):
    value = (fields.get(key) or "").strip()
    return (slugify(value), value) if value else None


def _news_category(record, _lang):
    return [(c["slug"], c["name"]) for c in record.get("categories") or () if c.get("slug")]


def _year(record, _lang, key="signed_date"):
    year = year_of(record["fields"].get(key) or record.get("date"))
    return (year, year) if year else None


def _period(record, _lang):
    f = record["fields"]
    if not f.get("period_start") or not f.get("period_end"):
        return None
    label = f"{f['period_start']}–{f['period_end']}"
    return f"{f['period_start']}-{f['period_end']}", label


def capital_range(record, lang):
    f = record["fields"]
    amount = f.get("total_investment")
    if amount in (None, ""):
        return None
    billions = float(amount) / 1e9 * (USD_IN_VND if f.get("currency") == "USD" else 1)
    for key, low, high in CAPITAL_RANGES:
        if billions >= low and (high is None or billions < high):
            low_text = format_money(low * 10**9, "VND", lang) if low else ""
            high_text = format_money(high * 10**9, "VND", lang) if high else ""
            if not low:
                return key, ("< " + high_text)
            if high is None:
                return key, ("≥ " + low_text)
            return key, f"{low_text} – {high_text}"
    return None


# How each FacetSpec.reader of the kind table reads a record: (record, lang, field) ->
# (value, label) | [(value, label)] | None.
READERS = {
    "choice": lambda r, _l, key: _choice(r["fields"], key),
    "snippet": lambda r, _l, key: _snippet(r["fields"], key),
    "text": lambda r, _l, key: _text(r["fields"], key),
    "year": lambda r, lang, key: _year(r, lang, key or "signed_date"),
    "period": lambda r, lang, _key: _period(r, lang),
    "categories": lambda r, lang, _key: _news_category(r, lang),
    "capital": lambda r, lang, _key: capital_range(r, lang),
}


@dataclass(frozen=True)
class Facet:
    """One filter of a listing: its URL segment, its label msgid, how to read a value."""

    name: str
    label: str  # gettext msgid, translated in the template
    extract: object  # (record, lang) -> (value, label) | list of those | None


def _facet(spec):
    read = READERS[spec.reader]
    return Facet(spec.name, spec.label, lambda r, lang: read(r, lang, spec.field))


FACETS = {kind.name: tuple(_facet(s) for s in kind.facets) for kind in KIND_TABLE if kind.facets}


def facet_values(facet, record, lang):
    found = facet.extract(record, lang)
    if not found:
        return []
    return found if isinstance(found, list) else [found]


@dataclass
class FacetGroup:
    facet: Facet
    options: list = field(default_factory=list)  # [(value, label, [records])]


def group_by_facets(kind, records, lang):
    """For each facet of the kind: its values, labels and the records having them."""
    groups = []
    for facet in FACETS.get(kind, ()):
        by_value = {}
        for record in records:
            for value, label in facet_values(facet, record, lang):
                entry = by_value.setdefault(value, [label, []])
                entry[1].append(record)
        options = [(v, label, recs) for v, (label, recs) in by_value.items() if v]
        options.sort(key=lambda o: (o[1] if facet.name != "year" else "", o[0]), reverse=False)
        if facet.name == "year":
            options.sort(key=lambda o: o[0], reverse=True)
        groups.append(FacetGroup(facet, options))
    return groups


def paginate(records, per_page, base_path, lang):
    """Yield (page number, path, records on the page, number of pages).

    Page 1 lives at base_path; page n at base_path + "trang/n/" (vi) or "page/n/" (en).
    """
    total = max(1, -(-len(records) // per_page))
    for number in range(1, total + 1):
        path = base_path if number == 1 else f"{base_path}{PAGE_SEGMENT[lang]}/{number}/"
        yield number, path, records[(number - 1) * per_page : number * per_page], total


def page_path(base_path, number, lang):
    return base_path if number == 1 else f"{base_path}{PAGE_SEGMENT[lang]}/{number}/"


def sort_key(record):
    return (record.get("date") or "", record.get("title") or "")


def listing_item_json(record, lang, href, kind):
    """What filters.js needs for one item: text to show and the facet values."""
    facets = {}
    for facet in FACETS.get(kind, ()):
        values = [value for value, _label in facet_values(facet, record, lang)]
        if values:
            facets[facet.name] = values
    return {
        "title": record["title"],
        "url": href,
        "date": format_date(record.get("date"), lang),
        "summary": record.get("summary") or "",
        "facets": facets,
    }


def pager(number, count):
    """Pagination links: first, last and up to two pages either side of `number`.

    None stands for a gap ("…"), shown once just beyond the window on each side.
    Only the candidates near `number` are visited: a listing with 800 pages does
    not loop 800 times on each of its pages.
    """
    window = range(max(1, number - 3), min(count, number + 3) + 1)
    shown = []
    for n in sorted({1, count, *window}):
        distance = abs(n - number)
        if n in (1, count) or distance <= 2:
            shown.append(n)
        elif distance == 3:
            shown.append(None)
    return shown
