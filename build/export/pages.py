"""Kind-specific parts of a record, one builder per page model.

Each builder returns the keys of the record that depend on the page type
(fields, body_html, image, attachments, categories, tags, date); the common
keys are filled in by build.export.records.
"""

from collections.abc import Callable
from dataclasses import dataclass

from cms.core.models import AdministrativeUnit, SiteHomePage, StandardPage, Topic
from cms.documents.models import LegalDocumentIndexPage, LegalDocumentPage
from cms.feedback.models import QuestionAnswerIndexPage, QuestionAnswerPage
from cms.investment.models import InvestmentIndexPage, InvestmentProjectPage, Sector
from cms.news.models import NewsArticlePage, NewsArticleTag, NewsCategory, NewsIndexPage
from cms.planning.models import PlanningDocumentPage, PlanningIndexPage
from cms.procedures.models import ProcedureIndexPage, ProcedurePage

from . import blocks
from .values import choice_label, iso_date, iso_datetime, number


def _home(page, scope):
    media = scope.media
    leaders = []
    for leader in blocks.struct_values(
        page.leaders, ("name", "role", "photo", "phone", "email", "responsibilities")
    ):
        leader["photo"] = media.image(leader["photo"], alt=leader["name"])
        leaders.append(leader)
    logo = media.image(page.logo_id, alt=page.agency_name)
    return {
        "fields": {
            "agency_name": page.agency_name,
            "short_description": page.short_description,
            "logo": logo,
            "address": page.address,
            "phone": page.phone,
            "hotline": page.hotline,
            "email": page.email,
            "working_hours": page.working_hours,
            "leaders": leaders,
            "functions_html": scope.expand(page.functions),
            "organisation_chart": media.image(page.organisation_chart_id),
        },
        "body_html": blocks.body_html(page.introduction, scope),
        "image": logo,
    }


def _news_related_rows(pages):
    """{page id: {category_ids, tags}} for a batch of saved articles, in two queries.

    Prefetching through the model managers builds a model instance per row,
    which costs more than the rest of the record at 20k articles.
    """
    rows = {page.pk: {"category_ids": [], "tags": []} for page in pages}
    categories = NewsArticlePage._meta.get_field("categories")
    through = categories.remote_field.through
    page_column = f"{categories.m2m_field_name()}_id"
    category_column = f"{categories.m2m_reverse_field_name()}_id"
    for page_id, category_id in (
        through.objects.filter(**{f"{page_column}__in": list(rows)})
        .order_by("pk")
        .values_list(page_column, category_column)
    ):
        rows[page_id]["category_ids"].append(category_id)
    for page_id, name in (
        NewsArticleTag.objects.filter(content_object_id__in=list(rows))
        .order_by("pk")
        .values_list("content_object_id", "tag__name")
    ):
        rows[page_id]["tags"].append(name)
    return rows


def _standard(page, scope):
    return {"body_html": blocks.body_html(page.body, scope)}


def _news(page, scope):
    related = []
    for item in blocks.raw_items(page.related_articles):
        link = scope.page_link(item.get("value"))
        if link is not None:
            related.append(link)
    related_rows = getattr(page, "_export_related_rows", None)
    if related_rows is None:  # one page object (a preview): its in-memory relations
        related_rows = {
            "category_ids": [category.pk for category in page.categories.all()],
            "tags": [item.tag.name for item in page.tagged_items.all()],
        }
    categories = []
    for category_id in related_rows.get("category_ids", []):
        value = scope.snippet(NewsCategory, category_id)
        if value is not None:
            categories.append({"slug": value["key"], **value})
    return {
        "date": iso_datetime(page.published_date),
        "fields": {
            "author": page.author,
            "source": page.source,
            "featured": page.featured,
            "show_on_portal": page.show_on_portal,
            "related": related,
        },
        "body_html": blocks.body_html(page.body, scope),
        "image": scope.media.image(
            page.hero_image_id, alt=page.hero_alt, caption=page.hero_caption
        ),
        "categories": categories,
        "tags": related_rows.get("tags", []),
    }


def _document(page, scope):
    lang = scope.lang
    return {
        "date": iso_datetime(page.signed_date),
        "fields": {
            "number": page.number,
            "document_type": page.document_type,
            "document_type_label": choice_label(page, "document_type", lang),
            "issuing_body": page.issuing_body,
            "signer": page.signer,
            "signed_date": iso_date(page.signed_date),
            "effective_date": iso_date(page.effective_date),
            "expiry_date": iso_date(page.expiry_date),
            "topic": scope.snippet(Topic, page.topic_id),
            "status": page.status,
            "status_label": choice_label(page, "status", lang),
        },
        "attachments": blocks.attachments(page.attachments, scope),
    }


def _planning(page, scope):
    lang = scope.lang
    maps = blocks.images(page.maps, scope)
    return {
        "date": iso_datetime(page.decision_date or page.first_published_at),
        "fields": {
            "plan_type": page.plan_type,
            "plan_type_label": choice_label(page, "plan_type", lang),
            "decision_number": page.decision_number,
            "decision_date": iso_date(page.decision_date),
            "issuing_authority": page.issuing_authority,
            "period_start": page.period_start,
            "period_end": page.period_end,
            "vision_year": page.vision_year,
            "area": scope.snippet(AdministrativeUnit, page.area_id),
            "status": page.status,
            "status_label": choice_label(page, "status", lang),
            "maps": maps,
            "consultation_deadline": iso_date(page.consultation_deadline),
            "consultation_email": page.consultation_email,
            "links": [item.get("value") for item in blocks.raw_items(page.links)],
        },
        "body_html": scope.expand(page.body),
        "image": maps[0] if maps else None,
        "attachments": blocks.attachments(page.attachments, scope),
    }


def _project(page, scope):
    lang = scope.lang
    images = blocks.images(page.images, scope)
    return {
        "fields": {
            "project_code": page.project_code,
            "sector": scope.snippet(Sector, page.sector_id),
            "location": scope.snippet(AdministrativeUnit, page.location_id),
            "address": page.address,
            "latitude": number(page.latitude),
            "longitude": number(page.longitude),
            "land_area_ha": number(page.land_area_ha),
            "total_investment": number(page.total_investment),
            "currency": page.currency,
            "investment_form": page.investment_form,
            "investment_form_label": choice_label(page, "investment_form", lang),
            "status": page.status,
            "status_label": choice_label(page, "status", lang),
            "objectives_html": scope.expand(page.objectives),
            "incentives_html": scope.expand(page.incentives),
            "infrastructure_html": scope.expand(page.infrastructure),
            "contact_agency": page.contact_agency,
            "contact_phone": page.contact_phone,
            "contact_email": page.contact_email,
            "deadline": iso_date(page.deadline),
            "featured": page.featured,
            "images": images,
        },
        "image": images[0] if images else None,
        "attachments": blocks.attachments(page.attachments, scope),
    }


def _procedure(page, scope):
    return {
        "fields": {
            "code": page.code,
            "topic": scope.snippet(Topic, page.topic_id),
            "implementing_agency": page.implementing_agency,
            "steps": blocks.struct_values(page.steps, ("title", "description")),
            "dossier": blocks.struct_values(page.dossier, ("name", "copies")),
            "processing_time": page.processing_time,
            "fees": page.fees,
            "legal_basis_html": scope.expand(page.legal_basis),
            "result": page.result,
            "online_level": page.online_level,
            "online_level_label": choice_label(page, "online_level", scope.lang),
            "online_url": page.online_url,
        },
        "attachments": blocks.attachments(page.forms, scope),
    }


def _question_answer(page, scope):
    return {
        "date": iso_datetime(page.answered_date),
        "fields": {
            "question": page.question,
            "answer_html": scope.expand(page.answer),
            "topic": scope.snippet(Topic, page.topic_id),
            "asked_date": iso_date(page.asked_date),
            "answered_date": iso_date(page.answered_date),
            "department": scope.context.slug,
            "category": page.category,
            "category_label": choice_label(page, "category", scope.lang),
        },
    }


def _nothing(page, scope):
    return {}


@dataclass(frozen=True)
class KindSpec:
    kind: str
    build: Callable
    # Loads what the builder needs beyond the page's own columns for a whole
    # batch: pages -> {page id: value}, set on each page as _export_related_rows.
    load_related: Callable | None = None


KIND_SPECS = {
    SiteHomePage: KindSpec("home", _home),
    StandardPage: KindSpec("page", _standard),
    NewsIndexPage: KindSpec("news_index", _nothing),
    NewsArticlePage: KindSpec("news", _news, _news_related_rows),
    LegalDocumentIndexPage: KindSpec("document_index", _nothing),
    LegalDocumentPage: KindSpec("document", _document),
    PlanningIndexPage: KindSpec("planning_index", _nothing),
    PlanningDocumentPage: KindSpec("planning", _planning),
    InvestmentIndexPage: KindSpec("project_index", _nothing),
    InvestmentProjectPage: KindSpec("project", _project),
    ProcedureIndexPage: KindSpec("procedure_index", _nothing),
    ProcedurePage: KindSpec("procedure", _procedure),
    QuestionAnswerIndexPage: KindSpec("qa_index", _nothing),
    QuestionAnswerPage: KindSpec("qa", _question_answer),
}

# Any other page type (none exist yet) is exported as a plain page without body.
DEFAULT_SPEC = KindSpec("page", _nothing)


def spec_for(model):
    return KIND_SPECS.get(model, DEFAULT_SPEC)
