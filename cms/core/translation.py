"""Programmatic translation through wagtail-localize.

This is what an editor does in wagtail-localize's translation editor: create a
translation of a source page or snippet, fill in the strings they have, and
save. Untranslated segments fall back to the source text (fallback=True), so a
partial translation is still a valid page, and wagtail-localize keeps tracking
the source for changes ("out of date" in the admin).
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)


@transaction.atomic
def translate(instance, language_code, strings=None, *, user=None, publish=True):
    """Create or update the `language_code` translation of `instance`.

    `strings` maps source segment text to its translation; segments without an
    entry keep the source text. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
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
    translation.save_target(user=user, publish=publish)
    return instance.get_translation(locale)


def is_translation_out_of_date(translated_instance):
    """True when the source was edited after this translation was last saved.

    wagtail-localize logs every save of a translation (TranslationLog); the
    source page's latest revision being newer than that log is what "out of
    date" means to an editor.
    """
    source = (
        TranslationSource.objects.filter(object_id=translated_instance.translation_key)
        .exclude(locale=translated_instance.locale)
        .first()
    )
    if source is None:
        return False
    last_log = (
        TranslationLog.objects.filter(source=source, locale=translated_instance.locale)
        .order_by("-created_at")
        .first()
    )
    if last_log is None:
        return True
    source_instance = source.get_source_instance()
    edited_at = (
        getattr(source_instance, "latest_revision_created_at", None) or source.last_updated_at
    )
    return edited_at > last_log.created_at
