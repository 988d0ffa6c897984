"""Feeds, the search, feedback and 404 pages, and the headless JSON of a language.

Functions of the records generator `gen` (generator.py): they write through
its `output`/`render_page`, so their files have output keys like every page.
"""

from build.kinds import INDEX_KIND, KIND_LABELS

from . import seo
from .outputs import FRAGMENTS, json_fragment
from .site import FEEDBACK_PATHS, SEARCH_PATHS


def write_feed(gen, path, title, records):
    entries = [r for r in records if r["kind"] == "news"][: gen.job.config["feed_items"]]
    gen.output(
        path,
        f"feed|{title}|{gen.hashes_of(entries)}",
        lambda: seo.atom_feed(
            title=f"{gen.view.name()} – {title}",
            site_url=gen.view.home_url,
            feed_url=gen.view.abs(path),
            lang=gen.lang,
            entries=entries,
            href=gen.view.href,
        ),
    )


def render_feeds(gen):
    news_index = gen.view.index.get(INDEX_KIND["news"])
    title = news_index["title"] if news_index else "News"
    write_feed(gen, f"/{gen.lang}/atom.xml", title, gen.view.items["news"])
    if news_index:
        write_feed(gen, news_index["url"] + "atom.xml", title, gen.view.items["news"])


def render_special_pages(gen):
    search_path = SEARCH_PATHS[gen.lang]
    other = gen.view.other_lang
    gen.render_page(
        "search",
        search_path,
        key="search|" + ",".join(KIND_LABELS),
        page=None,
        kind_labels=KIND_LABELS,
        canonical=gen.view.abs(search_path),
        alternates=[
            (gen.lang, gen.view.abs(search_path)),
            (other, gen.view.abs(SEARCH_PATHS[other])),
        ],
        switch_url=gen.view.abs(SEARCH_PATHS[other]),
    )
    if gen.view.feedback:
        render_feedback_pages(gen)
    gen.render_page(
        "404",
        f"/{gen.lang}/404.html",
        key="404",
        page=None,
        canonical=None,
        alternates=[],
        switch_url=gen.view.other_home_url,
    )
    for kind, _index in gen.view.sections:
        items = gen.view.items[kind]
        gen.output(
            f"/{gen.lang}/api/{kind}.json",
            f"api|{gen.kind_key(kind)}",
            lambda items=items: (
                "["
                + ",".join(
                    FRAGMENTS.get(
                        ("api", gen.view.base_url, gen.rhash(r)),
                        lambda r=r: json_fragment(headless_item(r, gen.view)),
                    )
                    for r in items
                )
                + "]"
            ),
        )


def render_feedback_pages(gen):
    """The question/feedback form, its thank-you page and the tracking page."""
    other = gen.view.other_lang
    for name, template in (
        ("form", "feedback"),
        ("thanks", "feedback_thanks"),
        ("track", "feedback_track"),
    ):
        paths = FEEDBACK_PATHS[name]
        gen.render_page(
            template,
            paths[gen.lang],
            key=template,
            page=None,
            feedback=gen.view.feedback,
            departments=feedback_departments(gen),
            canonical=gen.view.abs(paths[gen.lang]),
            alternates=[
                (gen.lang, gen.view.abs(paths[gen.lang])),
                (other, gen.view.abs(paths[other])),
            ],
            switch_url=gen.view.abs(paths[other]),
        )


def feedback_departments(gen):
    """[(slug, name)] a question may be addressed to, or None for a department
    site (it takes only its own). The portal offers every site of the build
    (dist/sites.json's names), itself first; without them, the sites its
    aggregated records come from."""
    portal = gen.job.portal or {}
    if portal.get("url") != gen.view.base_url:
        return None
    own = gen.view.slug
    names = gen.job.site_names or {r["site"]: {} for r in gen.view.aggregated if r.get("site")}
    others = sorted(
        (
            (slug, name.get(gen.lang) or name.get("vi") or slug)
            for slug, name in names.items()
            if slug != own
        ),
        key=lambda item: item[1],
    )
    return [(own, gen.view.name()), *others]


HEADLESS_LEFT_OUT = ("parent_id", "links_to", "body_html")


def headless_item(record, view):
    """A record for headless consumers, without its body and the build's internals.

    The lists stay small enough to fetch whole (the full text is on the page and
    in the CMS's API at /api/v2/pages/<id>/); items point at both.
    """
    item = {k: v for k, v in record.items() if k not in HEADLESS_LEFT_OUT}
    item["url"] = view.href(record)
    item["translations"] = {k: view.abs(v) for k, v in (record.get("translations") or {}).items()}
    return item
