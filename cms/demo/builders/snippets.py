"""Shared translatable snippets, created in Vietnamese and translated to English."""

from wagtail.models import Locale

from cms.core.models import AdministrativeUnit, Topic
from cms.investment.models import Sector
from cms.news.models import NewsCategory

from ..content.taxonomy import ADMINISTRATIVE_UNITS, NEWS_CATEGORIES, SECTORS, TOPICS
from ..translations import Strings, translate


def _ensure(model, lookup, fields, strings, report, kind):
    vi = Locale.objects.get(language_code="vi")
    instance = model.objects.filter(locale=vi, **lookup).first()
    if instance is None:
        instance = model.objects.create(locale=vi, **lookup, **fields)
        translate(instance, "en", strings)
        report.created(kind)
    return instance


def build_snippets(report):
    """Return {"category"|"topic"|"sector"|"unit": {key: vi instance}}."""
    result = {"category": {}, "topic": {}, "sector": {}, "unit": {}}
    for kind, model, rows in (
        ("category", NewsCategory, NEWS_CATEGORIES),
        ("topic", Topic, TOPICS),
        ("sector", Sector, SECTORS),
    ):
        for slug, name_vi, name_en, slug_en in rows:
            strings = Strings().add(name_vi, name_en).add(slug, slug_en)
            result[kind][slug] = _ensure(
                model, {"slug": slug}, {"name": name_vi}, strings, report, f"{kind} snippets"
            )
    for code, name_vi, name_en, level in ADMINISTRATIVE_UNITS:
        result["unit"][code] = _ensure(
            AdministrativeUnit,
            {"code": code},
            {"name": name_vi, "level": level},
            Strings().add(name_vi, name_en),
            report,
            "administrative units",
        )
    return result
