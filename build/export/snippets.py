"""Translatable snippets (categories, topics, sectors, administrative units) per language.

Snippet tables are small, so each is read once per build and every lookup is a
dict hit: {"key": stable across languages, "name": in the record's language}.
"""

from django.utils.translation import override

SOURCE_LANGUAGE = "vi"


def snippet_key(obj):
    """Slug when the snippet has one (readable in filter URLs), else its translation key."""
    return getattr(obj, "slug", None) or str(obj.translation_key)


class SnippetCache:
    def __init__(self):
        self._tables = {}

    def _table(self, model):
        if model not in self._tables:
            by_id, by_key = {}, {}
            for obj in model._default_manager.all():
                by_id[obj.pk] = obj
                by_key[(obj.translation_key, obj.locale_id)] = obj
            self._tables[model] = (by_id, by_key)
        return self._tables[model]

    def localise(self, model, pk, locale_id):
        """The snippet's translation in this locale, or the snippet itself."""
        by_id, by_key = self._table(model)
        obj = by_id.get(pk)
        if obj is None:
            return None
        return by_key.get((obj.translation_key, locale_id), obj)

    def value(self, model, pk, scope):
        """{"key", "name"} in the scope's language (plus level for administrative units).

        The key comes from the Vietnamese source, so a translated slug cannot
        make the English filter values differ from the Vietnamese ones.
        """
        if not pk:
            return None
        obj = self.localise(model, pk, scope.locale_id)
        if obj is None:
            return None
        source = self.localise(model, pk, scope.context.locale_ids.get(SOURCE_LANGUAGE))
        value = {"key": snippet_key(source), "name": obj.name}
        if hasattr(obj, "get_level_display"):
            with override(scope.lang):
                value.update(level=obj.level, level_label=str(obj.get_level_display()))
        return value
