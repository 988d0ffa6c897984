"""Machine-readable output: sitemap with hreflang, robots.txt, Atom feeds, JSON-LD."""

import html
import json
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from feedgenerator import Atom1Feed

from .formats import parse_date


def _as_datetime(value):
    parsed = parse_date(value)
    if parsed is None:
        return None
    if not isinstance(parsed, datetime):
        parsed = datetime(parsed.year, parsed.month, parsed.day, tzinfo=UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def sitemap_xml(records, base_url, hashes=None):
    """sitemap.xml of every page the site itself publishes, with hreflang alternates.

    With `hashes` ({lang: {id: record hash}}) each record's entry is taken from
    outputs.FRAGMENTS when this process wrote it before.
    """
    from .outputs import FRAGMENTS

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for record in records:
        if record.get("canonical"):
            continue  # aggregated copies belong to the department's sitemap
        known = hashes.get(record["lang"], {}).get(record["id"]) if hashes else None
        if known is None:
            lines.append(_sitemap_entry(record, base_url))
        else:
            key = ("sitemap", base_url, known)
            lines.append(FRAGMENTS.get(key, lambda r=record: _sitemap_entry(r, base_url)))
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _sitemap_entry(record, base_url):
    lines = ["<url>", f"<loc>{escape(base_url + record['url'])}</loc>"]
    updated = _as_datetime(record.get("updated") or record.get("date"))
    if updated:
        lines.append(f"<lastmod>{updated.date().isoformat()}</lastmod>")
    translations = dict(record.get("translations") or {})
    if translations:
        translations[record["lang"]] = record["url"]
        for lang, url in sorted(translations.items()):
            lines.append(
                f'<xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
                f"href={quoteattr(base_url + url)}/>"
            )
    lines.append("</url>")
    return "\n".join(lines)


def robots_txt(base_url):
    return f"User-agent: *\nAllow: /\nDisallow: /*/api/\n\nSitemap: {base_url}/sitemap.xml\n"


class StableAtomFeed(Atom1Feed):
    """Atom1Feed whose <updated> never falls back to "now" (for a feed without dated
    entries): the same records must give the same bytes, build after build."""

    EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

    def latest_post_date(self):
        dates = [
            item[name]
            for item in self.items
            for name in ("updateddate", "pubdate")
            if item.get(name) is not None
        ]
        return max(dates) if dates else self.EPOCH


def atom_feed(*, title, site_url, feed_url, lang, entries, href):
    """An Atom 1.0 feed of news records (newest first), as a string."""
    feed = StableAtomFeed(
        title=title,
        link=site_url,
        description="",
        language=lang,
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for record in entries:
        link = href(record)
        feed.add_item(
            title=record["title"],
            link=link,
            # Atom1Feed writes the description as type="html", and feed readers
            # render it as HTML: the summary is plain text, so escape it.
            description=html.escape(record.get("summary") or "", quote=False),
            pubdate=_as_datetime(record.get("date")),
            updateddate=_as_datetime(record.get("updated") or record.get("date")),
            unique_id=link,
            author_name=(record.get("fields") or {}).get("author") or None,
            categories=[c["name"] for c in record.get("categories") or ()],
        )
    return feed.writeString("utf-8")


def _json_script(data):
    # "</" would end the <script> element early; escape it inside JSON strings.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def organisation_ld(view):
    home = (view.context.get("home") or {}).get(view.lang) or {}
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": home.get("agency_name") or view.name(),
        "url": view.home_url,
    }
    for key, prop in (("address", "address"), ("phone", "telephone"), ("email", "email")):
        if home.get(key):
            data[prop] = home[key]
    logo = home.get("logo")
    if isinstance(logo, dict) and logo.get("src"):
        data["logo"] = logo["src"]
    return _json_script(data)


def article_ld(view, record):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": record["title"][:110],
        "inLanguage": record["lang"],
        "mainEntityOfPage": view.href(record),
        "datePublished": record.get("date") or None,
        "dateModified": record.get("updated") or record.get("date") or None,
        "description": record.get("summary") or None,
        "publisher": {"@type": "GovernmentOrganization", "name": view.name()},
    }
    author = (record.get("fields") or {}).get("author")
    if author:
        data["author"] = {"@type": "Person", "name": author}
    image = record.get("image")
    if image and image.get("src"):
        data["image"] = [image["src"]]
    return _json_script({k: v for k, v in data.items() if v is not None})
