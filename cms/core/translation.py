"""Programmatic translation through wagtail-localize.

This is what an editor does in wagtail-localize's translation editor: create a
translation of a source page or snippet, fill in the strings they have, and
save. Untranslated segments fall back to the source text (fallback=True), so a
partial translation is still a valid page, and wagtail-localize keeps tracking
the source for changes ("out of date" in the admin, "Sync translated pages").
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)


def _store_strings(source, locale, strings):
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = (strings or {}).get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )


def _publish_latest_revision(instance, user):
    """Publish the revision wagtail-localize just saved, now rather than on commit.

    wagtail-localize publishes translated pages in `transaction.on_commit`, so
    inside an outer transaction (provisioning, imports, tests) the translation
    would stay a draft until the very end, or forever if it is rolled back to
    a savepoint. Publishing here makes the result visible to the caller.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    if not isinstance(instance, DraftStateMixin):
        return
    revision = instance.get_latest_revision()
    if revision is not None and (not instance.live or instance.has_unpublished_changes):
        revision.publish(user=user)


@transaction.atomic
def translate(instance, language_code, strings=None, *, user=None, publish=True):
    """Create or update the `language_code` translation of `instance`.

    `strings` maps source segment text to its translation; segments without an
    entry keep their existing translation, or the source text if they have none.
    The source is re-read first, so this is also "sync": the translation takes
    the source's current structure. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    _store_strings(source, locale, strings)
    # Pages are saved as a revision and published below; snippets without
    # DraftStateMixin cannot be saved as drafts (CannotSaveDraftError).
    translation.save_target(user=user, publish=not isinstance(instance, DraftStateMixin))
    translated = instance.get_translation(locale)
    if _apply_translated_slug(instance, translated, strings, user):
        translated = instance.get_translation(locale)  # its latest revision changed
    if publish:
        _publish_latest_revision(translated, user)
        translated.refresh_from_db()
    return translated.specific if isinstance(translated, Page) else translated


def _apply_translated_slug(instance, translated, strings, user):
    """The slug is not a translatable segment (cms/core/slugs.py): a caller that maps
    the source slug to its own (provisioning's "hoi-dap" → "questions") gets it set
    on the translation's revision, so publishing keeps it."""
    wanted = (strings or {}).get(getattr(instance, "slug", None) or "")
    if not isinstance(translated, Page) or not wanted:
        return False
    latest = translated.specific.get_latest_revision_as_object()
    if latest.slug == wanted:
        return False
    latest.slug = wanted
    latest.save_revision(user=user, clean=False)
    return True


def _source_content(instance, content_json=None):
    """The fields wagtail-localize translates or synchronises, as JSON values.

    Bookkeeping (revision ids, publish dates, lock state) is left out: a
    re-publish without edits does not make a translation out of date.
    """
    if content_json is None:
        if isinstance(instance, ClusterableModel):
            content_json = instance.to_json()
        else:
            content_json = json.dumps(
                get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder
            )
    data = json.loads(content_json)
    names = {field.field_name for field in get_translatable_fields(type(instance))}
    return {name: _decoded(data.get(name)) for name in sorted(names)}


def _decoded(value):
    """StreamFields serialise as JSON text whose key order depends on the
    database (PostgreSQL's jsonb reorders keys): compare the decoded value."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def translation_of(translated_instance):
    """wagtail-localize's Translation record that produced this instance, if any."""
    return (
        Translation.objects.filter(
            source__object_id=translated_instance.translation_key,
            target_locale=translated_instance.locale,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def is_translation_out_of_date(translated_instance):
    """True when the source changed since this translation was last synced/saved.

    Read from wagtail-localize's own state: its frozen copy of the source
    (`TranslationSource.content_json`, refreshed by "Sync translated pages")
    compared with the live source, and its `TranslationLog` of saves of this
    translation compared with the last sync.
    """
    translation = translation_of(translated_instance)
    if translation is None:
        return False
    source = translation.source
    live_source = source.get_source_instance()
    if _source_content(live_source) != _source_content(live_source, source.content_json):
        return True
    last_saved = (
        TranslationLog.objects.filter(source=source, locale=translation.target_locale)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return last_saved is None or last_saved < source.last_updated_at
