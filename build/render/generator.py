"""The Pelican plugin that turns content records into pages.

pelican_run.py makes it on Pelican's settings and drives it (Pelican.run()
would only add generators with nothing to do). It takes records straight
from the records file (no Markdown, no per-file reading), uses Pelican's
Jinja environment (theme, template overrides, i18n extension) and writes one
language of one site.
"""

from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from build.kinds import DETAIL_KINDS, INDEX_KIND, KIND_TABLE
from build.recordfile import read_language

from . import formats, seo
from .job import RenderResult
from .keys import OutputKeys
from .listings import (
    FACETS,
    group_by_facets,
    listing_item_json,
    page_path,
    pager,
    paginate,
)
from .outputs import (
    FRAGMENTS,
    canonical_json,
    content_digest,
    digest,
    json_fragment,
    output_file,
)
from .related import Related
from .site import (
    ABOUT_PATHS,
    LANGUAGE_NAMES,
    SiteView,
)
from .special import render_feeds, render_special_pages, write_feed
from .themes import install_translations, theme_chain, translations


def _featured(items):
    return [r for r in items if (r.get("fields") or {}).get("featured")]


# How each HomeList.select of the kind table picks a family's items (newest first).
HOME_SELECTIONS = {
    "latest": lambda items: items,
    "featured": _featured,
    "featured_or_latest": lambda items: _featured(items) or items,
}


class RecordsGenerator(OutputKeys, Generator):
    """Writes every page of one site in one language from its records."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.job = self.settings["CONG_JOB"]
        self.lang = self.settings["DEFAULT_LANG"]
        self.out = Path(self.output_path)
        self.files_written = 0
        # Incremental builds: {file: [key, digest]} of the previous build; a file whose
        # key is unchanged is not rendered (its live copy is current).
        self.previous = self.job.previous.outputs if self.job.previous else {}
        self.outputs = {}  # {file: [key, digest]} of every output of this build
        self.related_ids = {}  # {news id: [ids of the records it shows as related]}
        self._facet_keys = {}  # id(facet links) -> (facet links, digest)
        self._kind_keys = {}  # kind -> digest of its items' hashes
        self.hashes = self.job.record_hashes or {}
        chain = theme_chain(self.job.config["theme"], Path(self.job.themes_dir))
        self.chain = chain
        install_translations(self.env, translations(chain, self.lang))
        lang = self.lang
        manifest = self.job.assets
        asset_base = self.job.base_url if self.job.asset_base is None else self.job.asset_base
        self.env.globals.update(
            asset=lambda name: asset_base + manifest[name] if name in manifest else "",
            has_asset=lambda name: name in manifest,
            language_names=LANGUAGE_NAMES,
            pager=pager,
            listing_item=self.listing_item,
        )
        self._item_html = {}
        self.env.filters.update(
            date=lambda v: formats.format_date(v, lang),
            datetime=lambda v: formats.format_datetime(v, lang),
            number=lambda v, d=2: formats.format_number(v, lang, d),
            money=lambda v, cur="VND": formats.format_money(v, cur, lang),
            area=lambda v: formats.format_area(v, lang),
            filesize=lambda v: formats.format_filesize(v, lang),
        )

    def listing_item(self, record, show_image):
        """A record's entry in listings, rendered once: it appears on several listing pages."""
        key = (id(record), show_image)  # records live as long as this generator
        html = self._item_html.get(key)
        if html is None:
            macros = self.get_template("macros").module
            html = macros.item(
                record, self.view, self.common["site_names"], self.lang, show_image=show_image
            )
            self._item_html[key] = html
        return html

    # Pelican calls these two --------------------------------------------------
    def generate_context(self):
        records = self.job.records
        if records is None:
            records = read_language(self.job.records_path, self.lang)
        self.view = SiteView(records=records, lang=self.lang, job=self.job)
        self.common = {
            "view": self.view,
            "lang": self.lang,
            "site_name": self.view.name(),
            "portal": self.job.portal,
            "search_api_url": self.job.config["search_api_url"],
            "search_scope": self.job.config["search_scope"],
            "csp": self.job.csp,
            "org_ld": seo.organisation_ld(self.view),
            # contact details: the export's site context, else the home record's fields
            "home_info": (self.view.context.get("home") or {}).get(self.lang)
            or (self.view.home or {}).get("fields")
            or {},
            "site_context": self.view.context,
            "site_names": self.job.site_names or {},
        }
        # The menu and footer are the same on every page of a language: render them
        # once and hand them to each page as ready HTML (the bulk of a page's work).
        self.common["chrome"] = {
            "nav": Markup(self.get_template("_nav").render(self.common)),  # noqa: S704 - autoescaped
            "footer": Markup(self.get_template("_footer").render(self.common)),  # noqa: S704
        }
        self.related = Related(self.view)
        self.base_key = self.shared_key()

    def generate_output(self, writer):
        for record in self.records_to_check():
            self.render_record(record)
        for kind, index in self.view.sections:
            self.render_listing(kind, index)
        render_feeds(self)
        render_special_pages(self)

    def result(self, seconds=0.0):
        return RenderResult(
            lang=self.lang,
            files=self.files_written,
            outputs=self.outputs,
            base_key=self.base_key,
            related=self.related_ids,
            seconds=seconds,
        )

    # Writing -----------------------------------------------------------------
    def write(self, path, content, *, key=""):
        """path is below the site root: "/vi/tin-tuc/" -> vi/tin-tuc/index.html."""
        rel = output_file(path)
        target = self.out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode()
        target.write_bytes(data)
        self.outputs[rel] = [key, content_digest(data)]
        self.files_written += 1

    def render_page(self, template, path, *, write=True, key=None, **context):
        if write and key is not None:
            self.output(path, key, lambda: self.render_page(template, path, write=False, **context))
            return None
        html = self.get_template(template).render({**self.common, **context})
        if write:
            self.write(path, html)
        return html

    # Pages -------------------------------------------------------------------
    def template_for(self, record):
        kind = record["kind"]
        if kind == "page" and record["url"] == ABOUT_PATHS.get(self.lang):
            return "about"
        if kind.endswith("_index"):
            return None  # rendered as listings
        return kind if kind in (*DETAIL_KINDS, "home") else "page"

    def render_record(self, record, *, write=True):
        """Render a record's own page; returns the HTML (None for section indexes)."""
        template = self.template_for(record)
        if template is None:
            return None
        if not write:
            return self._render_record(template, record, write=False)
        # The key is made of hashes only: computing it for every record of a
        # large site must cost far less than rendering them.
        key = [template, self.rhash(record)]
        if template == "home":
            key += [name + ":" + self.hashes_of(value) for name, value in self.home_lists()]
        elif template == "news":
            related = self.related.records(record)
            self.related_ids[record["id"]] = [item["id"] for item in related if "kind" in item]
            key += [self.rhash(item) if "kind" in item else "-" for item in related]
        elif template == "about":
            key.append(self.rhash(self.view.home) if self.view.home else "")
        self.output(
            record["url"],
            "|".join(key),
            lambda: self._render_record(template, record, write=False),
        )
        return None

    def _render_record(self, template, record, *, write):
        context = {
            "page": record,
            "title": record["title"],
            "canonical": self.view.href(record),
            "alternates": self.view.alternates(record),
            "switch_url": self.view.switch_url(record),
            "description": record.get("summary") or "",
            "fields": record.get("fields") or {},
        }
        if template == "home":
            context.update(self.home_context())
        elif template == "news":
            context["related"] = self.related.links(record)
            context["article_ld"] = seo.article_ld(self.view, record)
        elif template == "about":
            context["home"] = self.view.home
        return self.render_page(template, record["url"], write=write, **context)

    def preview_html(self, record):
        """HTML of one record without writing it; section indexes show their first page."""
        html = self.render_record(record, write=False)
        if html is not None:
            return html
        kind = next(
            (k for k, index_kind in INDEX_KIND.items() if index_kind == record["kind"]), None
        )
        return self.render_page(
            "listing",
            record["url"],
            write=False,
            index=record,
            kind=kind,
            facet_links=[],
            listing_url=self.view.href(record),
            json_url="",
            title=record["title"],
            description=record.get("summary") or "",
            items=self.view.items.get(kind, []) if kind else [],
            page_number=1,
            page_count=1,
            page_url=lambda n: self.view.href(record),
            canonical=self.view.href(record),
            alternates=self.view.alternates(record),
            switch_url=self.view.switch_url(record),
            active=None,
            feed_url=None,
        )

    def home_lists(self):
        return [
            (home.name, HOME_SELECTIONS[home.select](self.view.items[kind.name])[: home.count])
            for kind in KIND_TABLE
            for home in kind.home
        ]

    def home_context(self):
        return dict(self.home_lists())

    # Listings ------------------------------------------------------------------
    def render_listing(self, kind, index):
        items = self.view.items[kind]
        per_page = self.job.config["per_page"]
        base = index["url"]
        groups = group_by_facets(kind, items, self.lang)
        facet_links = [
            (
                group.facet,
                [
                    (value, label, len(recs), f"{base}{group.facet.name}/{value}/")
                    for value, label, recs in group.options
                ],
            )
            for group in groups
        ]
        shared = {
            "index": index,
            "kind": kind,
            "facet_links": facet_links,
            "listing_url": self.view.href(index),
            "json_url": self.view.abs(base + "index.json"),
            "switch_url": self.view.switch_url(index),
            "description": index.get("summary") or "",
            "feed_url": self.view.abs(base + "atom.xml") if kind == "news" else None,
        }
        self._paginated(base, items, per_page, title=index["title"], active=None, **shared)
        for group in groups:
            for value, label, records in group.options:
                path = f"{base}{group.facet.name}/{value}/"
                extra = {}
                if kind == "news" and group.facet.name == "category":
                    extra["feed_url"] = self.view.abs(path + "atom.xml")
                    write_feed(self, path + "atom.xml", f"{index['title']}: {label}", records)
                self._paginated(
                    path,
                    records,
                    per_page,
                    title=f"{index['title']}: {label}",
                    active=(group.facet.name, value, label),
                    **{**shared, **extra},
                )

        facets = {
            group.facet.name: [[value, label, len(recs)] for value, label, recs in group.options]
            for group in groups
        }

        def listing_json():
            # json.dumps of {"kind", "lang", "facets", "items"}, each item serialised
            # once per record version (outputs.FRAGMENTS)
            fragments = ",".join(
                FRAGMENTS.get(
                    ("listing", self.view.base_url, self.lang, kind, self.rhash(r)),
                    lambda r=r: json_fragment(
                        listing_item_json(r, self.lang, self.view.href(r), kind)
                    ),
                )
                for r in items
            )
            head = json_fragment({"kind": kind, "lang": self.lang, "facets": facets})
            return f'{head[:-1]},"items":[{fragments}]}}'

        self.output(
            base + "index.json",
            f"json|{canonical_json(facets)}|{self.kind_key(kind)}",
            listing_json,
        )

    def _paginated(self, base, records, per_page, *, title, **context):
        shared_key = digest(self.listing_key(context), title, repr(context["active"]))
        for number, path, chunk, total in paginate(records, per_page, base, self.lang):
            self.render_page(
                "listing",
                path,
                key=f"{shared_key}|{number}|{total}|{self.hashes_of(chunk)}",
                title=title,
                items=chunk,
                page_number=number,
                page_count=total,
                page_url=lambda n, base=base: self.view.abs(page_path(base, n, self.lang)),
                canonical=self.view.abs(path),
                # the section's first page has a translation; its other pages do not
                alternates=(
                    self.view.alternates(context["index"])
                    if path == context["index"]["url"]
                    else self.view.alternates(path=path)
                ),
                **context,
            )


__all__ = ["FACETS", "RecordsGenerator"]
