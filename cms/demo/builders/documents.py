"""Legal documents and planning documents, with generated PDFs and map images."""

from datetime import date

from cms.documents.models import LegalDocumentIndexPage, LegalDocumentPage
from cms.planning.models import PlanningDocumentPage, PlanningIndexPage

from ..content.documents import LEGAL_DOCUMENTS
from ..content.planning import PLANNING_DOCUMENTS
from ..media import ensure_document, ensure_image
from ..translations import Strings, page_slug, translate_page
from . import add_page, child_with_slug, paragraphs_html


def _date(parts):
    return date(*parts) if parts else None


def _attachment(title, collection, lines, report):
    document, created = ensure_document(title, collection, lines=lines)
    report.created("documents", int(created))
    return ("document", {"document": document, "title": ""})


def build_legal_documents(departments, snippets, report):
    for row in LEGAL_DOCUMENTS:
        (site_slug, number, doc_type, body, signer, signed, effective, expiry, topic, status) = row[
            :10
        ]
        title, abstract = row[10], row[11]
        department = departments[site_slug]
        index = LegalDocumentIndexPage.objects.child_of(department.site.root_page).first()
        slug = page_slug(f"{number} {title[0]}")
        if child_with_slug(index, slug) is not None:
            continue
        attachment = _attachment(
            f"{number} – {title[0]}",
            department.collection,
            [f"So, ky hieu: {number}", title[1], abstract[1]],
            report,
        )
        page = LegalDocumentPage(
            title=title[0],
            slug=slug,
            summary=abstract[0],
            number=number,
            document_type=doc_type,
            issuing_body=body[0],
            signer=signer,
            signed_date=_date(signed),
            effective_date=_date(effective),
            expiry_date=_date(expiry),
            topic=snippets["topic"][topic],
            status=status,
            attachments=[attachment],
        )
        add_page(index, page)
        report.created("legal documents")
        strings = Strings().add_pairs([abstract, body])
        translate_page(page, strings, en_title=title[1])
        report.created("English legal document translations")


def build_planning(departments, snippets, report):
    for row in PLANNING_DOCUMENTS:
        (site_slug, plan_type, status, title, decision, decided, authority) = row[:7]
        start, end, vision, area, summary, body = row[7:]
        department = departments[site_slug]
        index = PlanningIndexPage.objects.child_of(department.site.root_page).first()
        slug = page_slug(title[0])
        if child_with_slug(index, slug) is not None:
            continue
        collection = department.collection
        attachments = [
            _attachment(f"Thuyết minh: {title[0]}", collection, [title[1], summary[1]], report),
            _attachment(f"Bản đồ: {title[0]}", collection, [title[1], "Map sheet"], report),
        ]
        map_image, created = ensure_image(
            f"Bản đồ quy hoạch: {title[0]}",
            collection,
            palette_key=site_slug,
            motif="map",
            caption=title[0],
        )
        report.created("images", int(created))
        map_alt = (f"Bản đồ minh họa: {title[0]}", f"Illustrative map: {title[1]}")
        map_caption = ("Bản đồ định hướng phát triển không gian", "Spatial development map")
        consulting = status == "consultation"
        page = PlanningDocumentPage(
            title=title[0],
            slug=slug,
            summary=summary[0],
            plan_type=plan_type,
            status=status,
            decision_number=decision,
            decision_date=_date(decided),
            issuing_authority=authority[0],
            period_start=start,
            period_end=end,
            vision_year=vision,
            area=snippets["unit"][area],
            body=paragraphs_html(vi for vi, _en in body),
            attachments=attachments,
            maps=[
                (
                    "map",
                    {
                        "image": map_image,
                        "alt_text": map_alt[0],
                        "caption": map_caption[0],
                        "credit": authority[0],
                    },
                )
            ],
            consultation_deadline=date(2027, 1, 15) if consulting else None,
            consultation_email=f"gopy.{site_slug}@longan.gov.vn" if consulting else "",
        )
        add_page(index, page)
        report.created("planning documents")
        strings = Strings().add_pairs([summary, authority, map_alt, map_caption, *body])
        translate_page(page, strings, en_title=title[1])
        report.created("English planning translations")
