"""One site in one language, seen through its records: lookups and URLs.

Everything here is computed once per render and memoised: Pelican's own
Article objects recompute URLs on every template access, which is where a
large build's time went (FINDINGS.md).
"""

from functools import cached_property

from build.kinds import INDEX_KIND

from .listings import sort_key

SEARCH_PATHS = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}
# Feedback pages (cms/feedback): the form, its thank-you page, the tracking-code lookup.
FEEDBACK_PATHS = {
    "form": {"vi": "/vi/gop-y/", "en": "/en/feedback/"},
    "thanks": {"vi": "/vi/gop-y/cam-on/", "en": "/en/feedback/thank-you/"},
    "track": {"vi": "/vi/gop-y/tra-cuu/", "en": "/en/feedback/track/"},
}
ABOUT_PATHS = {"vi": "/vi/gioi-thieu/", "en": "/en/about/"}
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class SiteView:
    def __init__(self, *, records, lang, job):
        self.lang = lang
        self.other_lang = "en" if lang == "vi" else "vi"
        self.job = job
        self.slug = job.slug
        self.base_url = job.base_url
        self.config = job.config
        self.context = job.context or {}
        self.languages = tuple(job.config["languages"])
        self.all = [r for r in records if r["lang"] == lang]
        self.own = [r for r in self.all if not r.get("canonical")]
        self.aggregated = [r for r in self.all if r.get("canonical")]
        self.by_id = {r["id"]: r for r in self.own}
        self.home = next((r for r in self.own if r["kind"] == "home"), None)
        self.index = {}
        for record in self.own:
            if record["kind"].endswith("_index"):
                self.index.setdefault(record["kind"], record)
        items = {kind: [] for kind in INDEX_KIND}
        for record in self.all:
            if record["kind"] in items:
                items[record["kind"]].append(record)
        for kind_items in items.values():
            kind_items.sort(key=sort_key, reverse=True)
        self.items = items
        # Other-language home, for the language switch when a page has no translation.
        self.other_home_url = self.abs(f"/{self.other_lang}/")

    # URLs -----------------------------------------------------------------
    def abs(self, path):
        return self.base_url + path

    def href(self, record):
        return record.get("canonical") or self.base_url + record["url"]

    @cached_property
    def home_url(self):
        return self.abs(f"/{self.lang}/")

    @cached_property
    def search_url(self):
        return self.abs(SEARCH_PATHS[self.lang])

    @cached_property
    def feedback(self):
        """The feedback pages' URLs and the CMS endpoint, or None when not configured."""
        endpoint = self.config.get("feedback_endpoint") or ""
        if not endpoint:
            return None
        urls = {name: self.abs(paths[self.lang]) for name, paths in FEEDBACK_PATHS.items()}
        return {"endpoint": endpoint, **urls}

    @cached_property
    def has_other_language(self):
        return self.other_lang in self.languages

    def switch_url(self, record=None):
        """The same page in the other language, or that language's home."""
        if record is not None:
            target = (record.get("translations") or {}).get(self.other_lang)
            if target:
                return self.abs(target)
        return self.other_home_url

    def alternates(self, record=None, path=None):
        """hreflang alternates: [(lang, url)] including this page itself."""
        if record is None:
            return [(self.lang, self.abs(path))] if path else []
        result = [(self.lang, self.href(record))]
        for lang, url in sorted((record.get("translations") or {}).items()):
            if lang != self.lang:
                result.append((lang, self.abs(url)))
        return result

    def listing_path(self, kind):
        index = self.index.get(INDEX_KIND[kind])
        return index["url"] if index else None

    @cached_property
    def sections(self):
        """[(kind, index record)] for the section indexes this language has."""
        return [
            (kind, self.index[INDEX_KIND[kind]])
            for kind in INDEX_KIND
            if INDEX_KIND[kind] in self.index
        ]

    @cached_property
    def about(self):
        path = ABOUT_PATHS[self.lang]
        return next((r for r in self.own if r["kind"] == "page" and r["url"] == path), None)

    @cached_property
    def navigation(self):
        """Menu items: the CMS navigation, else the site file's menus, else the sections."""
        nav = (self.context.get("navigation") or {}).get(self.lang) or []
        if nav:
            return nav
        configured = self.config.get("menus", {}).get(self.lang) or []
        if configured:
            return [
                {"label": item["label"], "url": self._menu_url(item["url"]), "children": []}
                for item in configured
            ]
        items = [
            {"label": index["title"], "url": self.href(index), "children": []}
            for _kind, index in self.sections
        ]
        if self.about:
            items.append({"label": self.about["title"], "url": self.href(self.about)})
        return items

    def _menu_url(self, url):
        return self.abs(url) if url.startswith("/") else url

    def name(self, lang=None):
        return self.config["name"].get(lang or self.lang) or self.slug

    def record_by_id(self, record_id):
        return self.by_id.get(str(record_id)) if record_id is not None else None
