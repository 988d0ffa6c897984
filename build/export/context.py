"""State shared by every record of one export run: directory, media, snippet caches."""

import logging

from .directory import SiteDirectory
from .media import HashCache, MediaStore, default_hash_cache_path
from .richtext import RichTextExpander
from .snippets import SnippetCache

logger = logging.getLogger(__name__)


class ExportError(Exception):
    """Export cannot go on (unknown site, missing base URL)."""


class ExportContext:
    """One export run for one site: every cache lives exactly as long as this object."""

    def __init__(self, slug, *, base_urls, out_dir, directory=None, hash_cache=None):
        self.directory = directory or SiteDirectory()
        if slug not in self.directory.departments:
            raise ExportError(f"No department with slug {slug!r}.")
        missing = sorted(set(self.directory.departments) - set(base_urls))
        if missing:
            raise ExportError(f"base_urls has no URL for: {', '.join(missing)}.")
        self.slug = slug
        self.department = self.directory.departments[slug]
        self.base_urls = {key: value.rstrip("/") for key, value in base_urls.items()}
        self.media = MediaStore(
            out_dir,
            self.base_urls[slug],
            hash_cache or HashCache(default_hash_cache_path(slug)),
        )
        self.snippets = SnippetCache()
        self.locale_ids = {lang: pk for pk, lang in self.directory.languages.items()}
        self._scopes = {}

    def scope(self, lang):
        if lang not in self._scopes:
            self._scopes[lang] = RecordScope(self, lang)
        return self._scopes[lang]

    def absolute_url(self, entry):
        return self.base_urls[entry.slug] + entry.url

    def close(self):
        self.media.hash_cache.save()


class RecordScope:
    """What building a record in one language needs: links resolve to that language."""

    def __init__(self, context, lang):
        self.context = context
        self.lang = lang
        self.locale_id = context.locale_ids.get(lang)
        self.media = context.media
        self.directory = context.directory
        self.expand = RichTextExpander(self)
        # Ids of the pages the record being built links to (its "links_to"): an
        # incremental build re-exports a record when a page it links to changes.
        self.linked = set()

    def page_url(self, page_id):
        """Absolute URL of a live page (its translation in this language if live), or None."""
        self.linked.add(str(page_id))
        entry = self.directory.localized(page_id, self.lang)
        return self.context.absolute_url(entry) if entry else None

    def page_link(self, page_id):
        """{id, title, url} of a live page in this language, or None."""
        self.linked.add(str(page_id))
        entry = self.directory.localized(page_id, self.lang)
        if entry is None:
            return None
        return {"id": str(entry.id), "title": entry.title, "url": self.context.absolute_url(entry)}

    def snippet(self, model, pk):
        return self.context.snippets.value(model, pk, self)
