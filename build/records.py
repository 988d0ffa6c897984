"""Content records: the one contract between export, render, search and publish.

Export (build/export) produces them from the CMS; everything downstream reads
only these plain, JSON-serialisable dicts and never imports Django models.

A record (all keys present, values may be empty):

    id              str   "<page id>" — the Wagtail page id of this locale's page
    site            str   department slug, e.g. "portal", "so-khdt"
    lang            str   "vi" | "en"
    translation_key str   shared by a page and its translations
    kind            str   one of KINDS
    url             str   path below the site's base URL, always "/<lang>/…/" with
                          a trailing slash; the home page is "/vi/" or "/en/"
    title           str
    summary         str   plain text
    date            str   ISO 8601 date-time (publication date, or date issued)
    updated         str   ISO 8601 date-time of the last publish
    fields          dict  kind-specific typed values (see FIELDS_BY_KIND)
    body_html       str   sanitised HTML, links already final, images as <picture>
    image           dict | None  {src, srcset, webp_srcset, width, height, alt, caption, credit}
    attachments     list  [{title, url, filename, size, ext}]
    categories      list  [{slug, name}]
    tags            list  [str]
    translations    dict  {lang: url} of the other-language versions that exist
    parent_id       str | None  id of the parent page's record
    canonical       str | None  absolute URL when this record is a copy aggregated
                          from another site (the portal lists department content)
    source_site     str | None  slug of the site the canonical page lives on
    revision        int | None  the live revision the record was exported from: a
                          build without page ids finds changed pages by it
    links_to        list  ids of the pages this record links to (rich text, related
                          articles): an incremental build re-exports the record
                          when one of them is published, unpublished or deleted

URLs: `url` and the values in `translations` are paths below the site's base
URL ("/vi/tin-tuc/slug/"); every URL *inside* body_html, image and
attachments is already absolute and final (base URL of the right site +
path), so render copies them verbatim and links across sites work.

Inside `fields`: dates are "YYYY-MM-DD" strings; amounts and areas are
numbers; snippet values (topic, sector, location, area) are
{"key": <stable key shared by both languages>, "name": <name in this language>}
or None; choice values come with a translated "<name>_label".

What export puts where (beyond the list above):
- categories: [{slug, key, name}] (key == slug, the Vietnamese category's slug,
  so both languages share it); AdministrativeUnit values (location, area) also
  carry "level" and a translated "level_label".
- Image dicts (record image, logo, maps, images, leaders' photo) all have the
  `image` shape; their URLs are absolute (media copied into the site's output
  under /media/images/ and /media/documents/ with content-hashed names).
- news "related": [{id, title, url}] with absolute URLs, in the record's
  language when a live translation exists.
- body_html is the page's main text: StreamField body (news, page, home
  introduction), rich text body (planning). It is "" for document, project,
  procedure and qa records, whose text is in fields (*_html, steps, dossier).
- Extra fields: planning "consultation_email", "links" [url]; project
  "images" [image]; qa "category" and "category_label" (what the sender chose).
"""

# The kind table (build/kinds.py) owns every per-kind list; re-exported here
# because records are where kinds are read.
from build.kinds import (
    AGGREGATED_KINDS,
    FIELDS_BY_KIND,
    KINDS,
    SEARCHABLE_KINDS,
)

LANGUAGES = ("vi", "en")

__all__ = [
    "AGGREGATED_KINDS",
    "FIELDS_BY_KIND",
    "KINDS",
    "LANGUAGES",
    "SEARCHABLE_KINDS",
    "record_order",
]


def record_order(record):
    """The order of records in a site's records file: language, then URL."""
    return (LANGUAGES.index(record["lang"]), record["url"])
