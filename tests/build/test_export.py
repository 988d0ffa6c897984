"""Export: live pages of a site -> content records, media copied with hashed names."""

import datetime
import hashlib
import json
import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from build.export import export_page, export_site, export_site_context, list_sites
from build.records import FIELDS_BY_KIND, KINDS
from cms.core.models import AdministrativeUnit, SiteSettings, SocialLink, StandardPage, Topic
from cms.core.translation import translate
from cms.documents.models import LegalDocumentIndexPage, LegalDocumentPage
from cms.feedback.models import QuestionAnswerIndexPage, QuestionAnswerPage
from cms.investment.models import InvestmentIndexPage, InvestmentProjectPage, Sector
from cms.news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from cms.planning.models import PlanningDocumentPage, PlanningIndexPage
from cms.procedures.models import ProcedureIndexPage, ProcedurePage

BASE_URLS = {
    "portal": "http://127.0.0.1:8080/portal",
    "so-khdt": "http://127.0.0.1:8080/so-khdt",
}
RECORD_KEYS = {
    "id",
    "site",
    "lang",
    "translation_key",
    "kind",
    "url",
    "title",
    "summary",
    "date",
    "updated",
    "fields",
    "body_html",
    "image",
    "attachments",
    "categories",
    "tags",
    "translations",
    "parent_id",
    "canonical",
    "source_site",
    "links_to",
    "revision",
}
HASHED_NAME = re.compile(r"\.[0-9a-f]{10}\.[a-z]+$")


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    """CMS media and the export hash cache in a temporary folder for the module."""
    root = tmp_path_factory.mktemp("export-media")
    with override_settings(MEDIA_ROOT=str(root / "cms-media"), VAR_DIR=root / "var"):
        yield root


def make_image(collection, title="Toàn cảnh khu kinh tế", size=(1600, 900)):
    buffer = BytesIO()
    PILImage.new("RGB", size, (180, 40, 40)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="toan-canh.jpg"), collection=collection
    )


def make_document(collection, title="Quyết định số 12/QĐ-UBND"):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 test document\n", name="qd-12.pdf"),
        collection=collection,
    )


def make_department_now(slug, name_vi, name_en, *, is_portal=False):
    """What the make_department fixture does, callable from a module-scoped fixture."""
    from cms.departments.provisioning import provision_department

    return provision_department(
        slug=slug, name_vi=name_vi, name_en=name_en, hostname=f"{slug}.test", is_portal=is_portal
    )


def translate_snippet(snippet, **values):
    """The English copy of a snippet, as wagtail-localize's editor would save it."""
    translated = snippet.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in values.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def child(model, home):
    return model.objects.child_of(home).get()


@pytest.fixture(scope="module")
def saved_content(django_db_setup, django_db_blocker, module_media):
    """The content is built once per module inside a transaction rolled back at the end;
    each test runs in its own savepoint inside it (pytest-django's `db`)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _make_content(make_department_now)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def content(saved_content, db):
    """Fresh copies of the module's objects, so one test's edits never leak."""
    fresh = {}
    for key, value in saved_content.items():
        if isinstance(value, models.Model):
            value = type(value).objects.get(pk=value.pk)
        fresh[key] = value
    return fresh


def _make_content(make_department):
    portal = make_department("portal", "Cổng thông tin tỉnh", "Provincial portal", is_portal=True)
    department = make_department("so-khdt", "Sở Kế hoạch và Đầu tư", "Department of Planning")
    home = department.site.root_page.specific
    portal_about = StandardPage.objects.child_of(portal.site.root_page).get()
    image = make_image(department.collection)
    document = make_document(department.collection)

    category = NewsCategory.objects.create(name="Đầu tư", slug="dau-tu")
    translate_snippet(category, name="Investment", slug="investment")
    topic = Topic.objects.create(name="Kế hoạch", slug="ke-hoach")
    translate_snippet(topic, name="Planning")
    area = AdministrativeUnit.objects.create(name="Phường Tân An", level="ward", code="26734")
    sector = Sector.objects.create(name="Công nghiệp", slug="cong-nghiep")

    news_index = child(NewsIndexPage, home)
    draft = NewsArticlePage(title="Bản nháp chưa đăng", slug="ban-nhap", live=False)
    news_index.add_child(instance=draft)
    draft.save_revision()

    article = NewsArticlePage(
        title="Hội nghị xúc tiến đầu tư",
        slug="hoi-nghi-xuc-tien",
        summary="Tỉnh tổ chức hội nghị.",
        published_date=datetime.datetime(2026, 11, 20, 8, 30, tzinfo=datetime.UTC),
        hero_image=image,
        hero_alt="Quang cảnh hội nghị",
        hero_caption="Hội nghị sáng 20/11",
        author="Minh Anh",
        body=[
            {"type": "heading", "value": {"text": "Kết quả", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    f'<p>Xem <a linktype="page" id="{portal_about.id}">giới thiệu cổng</a>, '
                    f'<a linktype="document" id="{document.id}">quyết định</a> và '
                    f'<a linktype="page" id="{draft.id}">bản nháp</a>.</p>'
                ),
            },
            {
                "type": "image",
                "value": {
                    "image": image.id,
                    "alt_text": "Đại biểu tham dự",
                    "caption": "Đại biểu",
                    "credit": "Báo tỉnh",
                },
            },
            {"type": "quote", "value": {"text": "Tỉnh luôn đồng hành.", "attribution": "Chủ tịch"}},
            {
                "type": "table",
                "value": {
                    "data": [["Năm", "Vốn"], ["2025", "1.500"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Vốn đăng ký",
                },
            },
            {"type": "document", "value": {"document": document.id, "title": ""}},
        ],
    )
    publish_child(news_index, article)
    article.categories.add(category)
    article.tags.add("xúc tiến")
    article.save_revision().publish()
    article_en = translate(
        article,
        "en",
        {
            "Hội nghị xúc tiến đầu tư": "Investment promotion conference",
            "hoi-nghi-xuc-tien": "investment-promotion-conference",
        },
    )

    legal = publish_child(
        child(LegalDocumentIndexPage, home),
        LegalDocumentPage(
            title="Kế hoạch phát triển",
            slug="ke-hoach-phat-trien",
            number="2513/KH-UBND",
            document_type="plan",
            issuing_body="UBND tỉnh",
            signed_date=datetime.date(2026, 3, 2),
            topic=topic,
            attachments=[{"type": "document", "value": {"document": document.id, "title": ""}}],
        ),
    )
    planning = publish_child(
        child(PlanningIndexPage, home),
        PlanningDocumentPage(
            title="Quy hoạch tỉnh",
            slug="quy-hoach-tinh",
            plan_type="socio_economic",
            period_start=2021,
            period_end=2030,
            vision_year=2050,
            area=area,
            status="approved",
            body='<p>Nội dung</p><script>alert("x")</script><p onclick="steal()">tiếp</p>',
            maps=[{"type": "map", "value": {"image": image.id, "alt_text": "Bản đồ"}}],
        ),
    )
    project = publish_child(
        child(InvestmentIndexPage, home),
        InvestmentProjectPage(
            title="Khu công nghiệp Phước Đông",
            slug="kcn-phuoc-dong",
            sector=sector,
            location=area,
            land_area_ha=Decimal("120.50"),
            total_investment=Decimal("1500000000000.00"),
            investment_form="ppp",
            objectives="<p>Mục tiêu</p>",
        ),
    )
    procedure = publish_child(
        child(ProcedureIndexPage, home),
        ProcedurePage(
            title="Cấp giấy chứng nhận đầu tư",
            slug="cap-gcn",
            code="1.009645",
            implementing_agency="Sở Kế hoạch và Đầu tư",
            topic=topic,
            online_level="full",
            steps=[{"type": "step", "value": {"title": "Nộp hồ sơ", "description": "Trực tuyến"}}],
            forms=[{"type": "document", "value": {"document": document.id, "title": "Mẫu đơn"}}],
        ),
    )
    question = publish_child(
        child(QuestionAnswerIndexPage, home),
        QuestionAnswerPage(
            title="Hỏi về thủ tục đầu tư",
            slug="hoi-thu-tuc",
            question="Thủ tục cấp giấy chứng nhận mất bao lâu?",
            answer=f'<p>Xem <a linktype="page" id="{procedure.id}">thủ tục</a>.</p>',
            topic=topic,
            category="procedure",
            asked_date=datetime.date(2026, 11, 1),
            answered_date=datetime.date(2026, 11, 5),
        ),
    )
    return {
        "question": question,
        "portal": portal,
        "department": department,
        "home": home,
        "portal_about": portal_about,
        "image": image,
        "document": document,
        "draft": draft,
        "article": article,
        "article_en": article_en,
        "legal": legal,
        "planning": planning,
        "project": project,
        "procedure": procedure,
        "news_index": news_index,
    }


def by_id(records):
    return {record["id"]: record for record in records}


def media_file(out_dir, url, base_url):
    assert url.startswith(base_url + "/media/")
    return Path(out_dir) / url[len(base_url) + 1 :]


def test_list_sites(content):
    sites = list_sites()
    assert sites[0] == {
        "slug": "portal",
        "name_vi": "Cổng thông tin tỉnh",
        "name_en": "Provincial portal",
        "is_portal": True,
        "cms": {},  # no base URL etc. set in the CMS: the site files and defaults apply
    }
    assert [site["slug"] for site in sites] == ["portal", "so-khdt"]


def test_records_follow_the_contract_and_survive_json(content, tmp_path):
    records = export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS)

    assert json.loads(json.dumps(records)) == records
    for record in records:
        assert set(record) == RECORD_KEYS
        assert record["kind"] in KINDS
        assert record["site"] == "so-khdt"
        assert record["url"].startswith(f"/{record['lang']}/") and record["url"].endswith("/")
        assert set(FIELDS_BY_KIND.get(record["kind"], ())) <= set(record["fields"])
    kinds = {(record["lang"], record["kind"]) for record in records}
    for kind in (
        "home",
        "page",
        "news_index",
        "news",
        "document",
        "planning",
        "project",
        "qa",
        "qa_index",
    ):
        assert ("vi", kind) in kinds
    assert ("vi", "procedure") in kinds
    assert ("en", "news") in kinds and ("en", "home") in kinds


def test_urls_translations_ids_and_drafts(content, tmp_path):
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    article, article_en = content["article"], content["article_en"]
    home = content["home"]

    vi = records[str(article.id)]
    en = records[str(article_en.id)]
    assert vi["url"] == "/vi/tin-tuc/hoi-nghi-xuc-tien/"
    assert en["url"] == "/en/news/investment-promotion-conference/"
    assert vi["translations"] == {"en": en["url"]}
    assert en["translations"] == {"vi": vi["url"]}
    assert en["title"] == "Investment promotion conference"
    assert vi["translation_key"] == en["translation_key"]
    assert vi["parent_id"] == str(content["news_index"].id)
    assert vi["date"] == "2026-11-20T15:30:00+07:00"

    assert records[str(home.id)]["url"] == "/vi/"
    assert records[str(home.id)]["parent_id"] is None
    en_home = home.get_translation(content["article_en"].locale)
    assert records[str(en_home.id)]["url"] == "/en/"

    # Drafts and unpublished pages are not exported.
    assert str(content["draft"].id) not in records
    content["legal"].unpublish()
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    assert str(content["legal"].id) not in records
    assert str(article.id) in records
    # Legal document has no English translation: its records say so.
    assert all("en" not in r["translations"] for r in records.values() if r["kind"] == "document")


def test_rich_text_links_across_sites_documents_and_dead_links(content, tmp_path):
    out = tmp_path / "out"
    records = by_id(export_site("so-khdt", out, base_urls=BASE_URLS))
    vi = records[str(content["article"].id)]
    en = records[str(content["article_en"].id)]
    base = BASE_URLS["so-khdt"]

    assert (
        '<a href="http://127.0.0.1:8080/portal/vi/gioi-thieu/">giới thiệu cổng</a>'
        in (vi["body_html"])
    )
    # The English article links to the English translation of the portal page.
    assert '<a href="http://127.0.0.1:8080/portal/en/about/">' in en["body_html"]
    # A link to a draft becomes plain text.
    assert "bản nháp" in vi["body_html"]
    assert not re.search(r"<a[^>]*>bản nháp", vi["body_html"])

    doc_urls = re.findall(r'href="([^"]*/media/documents/[^"]+)"', vi["body_html"])
    assert doc_urls, vi["body_html"]
    path = media_file(out, doc_urls[0], base)
    assert path.name.startswith("quyet-dinh-so-12-qd-ubnd.")
    assert HASHED_NAME.search(path.name)
    content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    assert f".{content_hash[:10]}." in path.name

    # Blocks as semantic HTML.
    assert "<h2>Kết quả</h2>" in vi["body_html"]
    assert "<figcaption>Đại biểu" in vi["body_html"]
    assert 'alt="Đại biểu tham dự"' in vi["body_html"]
    assert '<source type="image/webp"' in vi["body_html"]
    assert "<blockquote><p>Tỉnh luôn đồng hành.</p></blockquote>" in vi["body_html"]
    assert '<thead><tr><th scope="col">Năm</th>' in vi["body_html"]
    assert "PDF, " in vi["body_html"]


def test_images_are_copied_as_hashed_renditions(content, tmp_path):
    out = tmp_path / "out"
    records = by_id(export_site("so-khdt", out, base_urls=BASE_URLS))
    image = records[str(content["article"].id)]["image"]
    base = BASE_URLS["so-khdt"]

    assert image["alt"] == "Quang cảnh hội nghị"
    assert image["caption"] == "Hội nghị sáng 20/11"
    assert (image["width"], image["height"]) == (800, 450)
    src = media_file(out, image["src"], base)
    assert src.exists() and src.suffix == ".jpg" and HASHED_NAME.search(src.name)
    assert hashlib.sha256(src.read_bytes()).hexdigest()[:10] in src.name
    widths = [int(item.rsplit(" ", 1)[1][:-1]) for item in image["srcset"].split(", ")]
    assert widths == [480, 800, 1200]
    for item in image["webp_srcset"].split(", "):
        webp = media_file(out, item.rsplit(" ", 1)[0], base)
        assert webp.suffix == ".webp" and webp.exists()

    # A second build finds everything in place and rewrites nothing.
    before = {p: p.stat().st_mtime_ns for p in (out / "media").rglob("*")}
    export_site("so-khdt", out, base_urls=BASE_URLS)
    after = {p: p.stat().st_mtime_ns for p in (out / "media").rglob("*")}
    assert after == before


def test_typed_fields_snippets_and_labels(content, tmp_path):
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    vi = records[str(content["article"].id)]
    en = records[str(content["article_en"].id)]
    assert vi["categories"] == [{"slug": "dau-tu", "key": "dau-tu", "name": "Đầu tư"}]
    assert en["categories"] == [{"slug": "dau-tu", "key": "dau-tu", "name": "Investment"}]
    assert vi["tags"] == ["xúc tiến"]

    legal = records[str(content["legal"].id)]
    assert legal["fields"]["signed_date"] == "2026-03-02"
    assert legal["fields"]["topic"] == {"key": "ke-hoach", "name": "Kế hoạch"}
    assert legal["fields"]["document_type_label"] == "Kế hoạch" or legal["fields"][
        "document_type_label"
    ] == str(LegalDocumentPage.DocumentType.PLAN.label)
    assert [a["title"] for a in legal["attachments"]] == ["Quyết định số 12/QĐ-UBND"]
    attachment = legal["attachments"][0]
    assert attachment["ext"] == "pdf" and attachment["filename"] == "qd-12.pdf"
    assert attachment["size"] == len(b"%PDF-1.4 test document\n")

    project = records[str(content["project"].id)]["fields"]
    assert project["land_area_ha"] == 120.5
    assert project["total_investment"] == 1_500_000_000_000
    assert project["sector"] == {"key": "cong-nghiep", "name": "Công nghiệp"}
    assert project["location"]["name"] == "Phường Tân An"
    assert project["location"]["level"] == "ward"
    assert project["objectives_html"] == "<p>Mục tiêu</p>"

    procedure = records[str(content["procedure"].id)]
    assert procedure["fields"]["steps"] == [{"title": "Nộp hồ sơ", "description": "Trực tuyến"}]
    assert procedure["attachments"][0]["title"] == "Mẫu đơn"
    assert procedure["fields"]["online_level"] == "full"


def test_question_and_answer(content, tmp_path):
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    record = records[str(content["question"].id)]
    assert record["kind"] == "qa"
    assert record["parent_id"] in records
    assert records[record["parent_id"]]["kind"] == "qa_index"
    fields = record["fields"]
    assert fields["question"] == "Thủ tục cấp giấy chứng nhận mất bao lâu?"
    assert fields["answer_html"] == (
        '<p>Xem <a href="http://127.0.0.1:8080/so-khdt/vi/thu-tuc-hanh-chinh/cap-gcn/">'
        "thủ tục</a>.</p>"
    )
    assert fields["topic"] == {"key": "ke-hoach", "name": "Kế hoạch"}
    assert (fields["asked_date"], fields["answered_date"]) == ("2026-11-01", "2026-11-05")
    assert fields["department"] == "so-khdt"
    assert record["date"] == "2026-11-05T00:00:00+07:00"


def test_choice_labels_follow_the_record_language(
    content, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        legal_en = translate(content["legal"], "en", {"Kế hoạch phát triển": "Development plan"})
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    en = records[str(legal_en.id)]
    assert en["lang"] == "en"
    assert en["fields"]["document_type_label"] == "Plan"
    assert en["fields"]["topic"] == {"key": "ke-hoach", "name": "Planning"}
    assert en["url"].startswith("/en/documents/")


def test_script_in_rich_text_is_removed(content, tmp_path):
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    body = records[str(content["planning"].id)]["body_html"]
    assert "<p>Nội dung</p>" in body
    assert "<script" not in body and "alert" not in body and "onclick" not in body
    assert "tiếp" in body
    maps = records[str(content["planning"].id)]["fields"]["maps"]
    assert maps[0]["alt"] == "Bản đồ"


def test_page_ids_limits_the_export(content, tmp_path):
    wanted = [content["article"].id, content["draft"].id, content["portal_about"].id]
    records = export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS, page_ids=wanted)
    assert [record["id"] for record in records] == [str(content["article"].id)]


def test_export_page_previews_a_draft_revision(content, tmp_path):
    article = content["article"]
    article.title = "Tiêu đề đang sửa"
    revision = article.save_revision()
    draft = revision.as_object()
    record = export_page(draft, base_urls=BASE_URLS, out_dir=tmp_path / "preview")
    assert record["title"] == "Tiêu đề đang sửa"
    assert record["url"] == "/vi/tin-tuc/hoi-nghi-xuc-tien/"
    assert record["kind"] == "news"
    # The live record still has the published title.
    live = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    assert live[str(article.id)]["title"] == "Hội nghị xúc tiến đầu tư"
    # A plain Page object is exported as its specific type.
    plain = Page.objects.get(id=content["legal"].id)
    assert export_page(plain, base_urls=BASE_URLS, out_dir=tmp_path / "p")["kind"] == "document"


def test_site_context(content, tmp_path):
    department, home = content["department"], content["home"]
    image = content["image"]
    settings_obj = SiteSettings.for_site(department.site)
    news_index = content["news_index"]
    settings_obj.navigation = [
        {
            "type": "item",
            "value": {
                "label": "Tin tức",
                "label_en": "News",
                "page": news_index.id,
                "url": "",
                "children": [
                    {
                        "label": "Cổng tỉnh",
                        "label_en": "",
                        "page": content["portal_about"].id,
                        "url": "",
                    },
                ],
            },
        },
        {
            "type": "item",
            "value": {"label": "Dịch vụ công", "label_en": "", "url": "https://dichvucong.gov.vn"},
        },
    ]
    settings_obj.footer_links = [
        {
            "type": "link",
            "value": {"label": "Nháp", "label_en": "Draft", "page": content["draft"].id},
        }
    ]
    settings_obj.banner_image = image
    settings_obj.banner_text = "Chào mừng"
    settings_obj.banner_text_en = "Welcome"
    settings_obj.contact_block = '<p>Gọi <a href="tel:0251">0251</a></p><script>x()</script>'
    settings_obj.save()
    SocialLink.objects.create(settings=settings_obj, network="facebook", url="https://fb.com/x")
    home.phone = "0251 3822 123"
    home.save_revision().publish()

    out = tmp_path / "out"
    context = export_site_context("so-khdt", base_urls=BASE_URLS, out_dir=out)
    assert json.loads(json.dumps(context)) == context
    assert context["slug"] == "so-khdt" and context["is_portal"] is False
    assert context["name"] == {"vi": "Sở Kế hoạch và Đầu tư", "en": "Department of Planning"}
    assert context["languages"] == ["vi", "en"]
    base = BASE_URLS["so-khdt"]
    assert context["navigation"]["vi"] == [
        {
            "label": "Tin tức",
            "url": f"{base}/vi/tin-tuc/",
            "children": [{"label": "Cổng tỉnh", "url": f"{BASE_URLS['portal']}/vi/gioi-thieu/"}],
        },
        {"label": "Dịch vụ công", "url": "https://dichvucong.gov.vn", "children": []},
    ]
    # English: untranslated labels are hidden, pages resolve to their translations.
    assert context["navigation"]["en"] == [
        {"label": "News", "url": f"{base}/en/news/", "children": []}
    ]
    assert context["footer_links"] == {"vi": [], "en": []}  # the page is a draft
    assert context["banner"]["text"] == {"vi": "Chào mừng", "en": "Welcome"}
    assert media_file(out, context["banner"]["image"]["src"], base).exists()
    assert context["contact_html"]["vi"] == '<p>Gọi <a href="tel:0251">0251</a></p>'
    assert context["social_links"] == [{"network": "facebook", "url": "https://fb.com/x"}]
    assert context["home"]["vi"]["phone"] == "0251 3822 123"
    assert context["home"]["vi"]["agency_name"] == "Sở Kế hoạch và Đầu tư"
    assert context["home"]["en"]["agency_name"] == "Department of Planning"


def test_unknown_site_and_missing_base_url_are_clear_errors(content, tmp_path):
    from build.export import ExportError

    with pytest.raises(ExportError, match="no-such-site"):
        export_site("no-such-site", tmp_path, base_urls=BASE_URLS)
    with pytest.raises(ExportError, match="portal"):
        export_site("so-khdt", tmp_path, base_urls={"so-khdt": BASE_URLS["so-khdt"]})


def test_dead_links_keep_their_text_and_leave_live_links_alone():
    from build.export.richtext import DEAD_LINK, unwrap_dead_links

    html = (
        f'<p>{DEAD_LINK}một</a> <a href="https://x.vn/">hai</a> {DEAD_LINK}<b>ba</b></a>.</p>'
        f"<p>{DEAD_LINK}bốn"
    )
    assert unwrap_dead_links(html) == (
        '<p>một <a href="https://x.vn/">hai</a> <b>ba</b>.</p><p>bốn'
    )


def test_export_page_matches_the_site_export(content, tmp_path):
    """export_page looks pages up one by one; the result must equal the bulk export's."""
    records = by_id(export_site("so-khdt", tmp_path / "out", base_urls=BASE_URLS))
    for key in ("article", "article_en", "legal", "question", "home"):
        page = content[key]
        single = export_page(page, base_urls=BASE_URLS, out_dir=tmp_path / "out")
        assert single == records[str(page.id)], key
