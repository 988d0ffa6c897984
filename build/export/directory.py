"""Where every page lives: department roots and an index of live public pages.

Record URLs, translation maps, cross-site links and parent ids all come from
here, so they are computed from one query per build instead of per page.
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from cms.departments.models import Department

LANGUAGES = ("vi", "en")
ROOT_PATH_LENGTH = Page.steplen * 2  # department home pages sit at depth 2


@dataclass(frozen=True)
class Root:
    """One locale tree of one department's site (its home page in one language)."""

    slug: str
    lang: str
    page_id: int
    path: str
    url_path: str


@dataclass(frozen=True)
class Entry:
    """What the build needs to know about a live public page to link to it."""

    id: int
    slug: str
    lang: str
    url: str  # "/<lang>/<path below the locale root>"
    translation_key: str
    title: str
    content_type_id: int


def relative_url(root, url_path):
    """The record URL of a page: "/<lang>/" + its url_path below its locale root."""
    rest = url_path[len(root.url_path) :] if url_path.startswith(root.url_path) else ""
    return f"/{root.lang}/{rest}"


class SiteDirectory:
    """Department roots in every locale, and a lazily loaded index of live pages."""

    def __init__(self, *, index_all=True):
        self.languages = {locale.id: locale.language_code for locale in Locale.objects.all()}
        self.departments = {
            department.slug: department
            for department in Department.objects.select_related("site", "site__root_page")
        }
        home_keys = {
            department.site.root_page.translation_key: department.slug
            for department in self.departments.values()
        }
        self.roots_by_path = {}
        for row in Page.objects.filter(translation_key__in=list(home_keys), depth=2).values(
            "id", "path", "url_path", "locale_id", "translation_key"
        ):
            lang = self.languages.get(row["locale_id"])
            if lang not in LANGUAGES:
                continue
            self.roots_by_path[row["path"]] = Root(
                slug=home_keys[row["translation_key"]],
                lang=lang,
                page_id=row["id"],
                path=row["path"],
                url_path=row["url_path"],
            )
        self.index_all = index_all
        self._by_id, self._by_key, self._by_path = {}, {}, {}
        self._loaded = False
        self._misses = set()  # on-demand lookups that found no live page

    # Roots -----------------------------------------------------------------

    def roots_of(self, slug):
        return [root for root in self.roots_by_path.values() if root.slug == slug]

    def root_for(self, page):
        """The locale root a page belongs to, also for an unsaved preview page."""
        if page.path:
            return self.roots_by_path.get(page.path[:ROOT_PATH_LENGTH])
        # A new page being previewed has no tree path yet, only its url_path.
        lang = self.languages.get(page.locale_id)
        for root in self.roots_by_path.values():
            if root.lang == lang and (page.url_path or "").startswith(root.url_path):
                return root
        return None

    # Live pages ------------------------------------------------------------
    #
    # A site export reads every live page once (index mode). A preview of one
    # page needs only a handful of them, so it looks each one up on demand.

    ENTRY_COLUMNS = ("id", "path", "url_path", "translation_key", "title", "content_type_id")

    def _live_rows(self, **filters):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gte=2, **filters)
            .values_list(*self.ENTRY_COLUMNS)
        )

    def _remember(self, row):
        """Add one page row to the lookups; None when it is not under a department."""
        page_id, path, url_path, key, title, content_type_id = row
        root = self.roots_by_path.get(path[:ROOT_PATH_LENGTH])
        if root is None:
            return None
        entry = Entry(
            id=page_id,
            slug=root.slug,
            lang=root.lang,
            url=relative_url(root, url_path),
            translation_key=str(key),
            title=title,
            content_type_id=content_type_id,
        )
        self._by_id[page_id] = entry
        self._by_key[(entry.translation_key, entry.lang)] = entry
        self._by_path[path] = page_id
        return entry

    def _load_all(self):
        if not self._loaded:
            for row in self._live_rows().iterator(chunk_size=5000):
                self._remember(row)
            self._loaded = True

    @property
    def entries(self):
        """Every live public page of every site, by id (reads them all once)."""
        self._load_all()
        return self._by_id

    def _lookup(self, cache, cache_key, **filters):
        if self.index_all or self._loaded:
            self._load_all()
            return cache.get(cache_key)
        miss = (id(cache), cache_key)
        if cache_key not in cache and miss not in self._misses:
            for row in self._live_rows(**filters):
                self._remember(row)
            if cache_key not in cache:
                self._misses.add(miss)
        return cache.get(cache_key)

    def live(self, page_id):
        """The live public page with this id, or None (draft, deleted, private)."""
        try:
            page_id = int(page_id)
        except (TypeError, ValueError):
            return None
        return self._lookup(self._by_id, page_id, id=page_id)

    def translation(self, translation_key, lang):
        key = (str(translation_key), lang)
        locale_ids = [pk for pk, code in self.languages.items() if code == lang]
        return self._lookup(
            self._by_key, key, translation_key=translation_key, locale_id__in=locale_ids
        )

    def live_id_at(self, path):
        return self._lookup(self._by_path, path, path=path)

    def localized(self, page_id, lang):
        """The live page to link to from a `lang` page: its `lang` translation if live."""
        entry = self.live(page_id)
        if entry is None or entry.lang == lang:
            return entry
        return self.translation(entry.translation_key, lang) or entry

    def site_page_ids(self, slug):
        return [entry.id for entry in self.entries.values() if entry.slug == slug]
