"""build_sites end to end on a real CMS database: export, render, swap, sites.json.

Content is created through the models (tests/conftest.py make_department);
the build runs the real exporter and renders in worker processes.
"""

import json
import shutil
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from build.pipeline import Pipeline

from .site_checks import broken_links, html_files, parse_html_strict, parse_xml

ROOT = "http://127.0.0.1:8080"


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def content(make_department):
    from cms.core.translation import translate
    from cms.documents.models import LegalDocumentIndexPage, LegalDocumentPage
    from cms.investment.models import InvestmentIndexPage, InvestmentProjectPage
    from cms.news.models import NewsArticlePage, NewsIndexPage
    from cms.planning.models import PlanningDocumentPage, PlanningIndexPage
    from cms.procedures.models import ProcedureIndexPage, ProcedurePage

    make_department("portal", "Cổng thông tin điện tử tỉnh", "Provincial e-portal", is_portal=True)
    department = make_department("so-test", "Sở Thử nghiệm", "Test Department")
    home = department.site.root_page.specific

    def index(model):
        return model.objects.child_of(home).get()

    news = _publish(
        index(NewsIndexPage),
        NewsArticlePage(
            title="Hội nghị xúc tiến đầu tư",
            slug="hoi-nghi",
            summary="Tóm tắt hội nghị",
            published_date=timezone.now(),
            show_on_portal=True,
            featured=True,
        ),
    )
    translate(
        news, "en", {"Hội nghị xúc tiến đầu tư": "Investment conference", "hoi-nghi": "conference"}
    )
    _publish(
        index(NewsIndexPage),
        NewsArticlePage(title="Tin nội bộ", slug="tin-noi-bo", published_date=timezone.now()),
    )
    _publish(
        index(LegalDocumentIndexPage),
        LegalDocumentPage(
            title="Quyết định phê duyệt",
            slug="qd-1",
            number="2513/QĐ-UBND",
            document_type="decision",
            issuing_body="UBND tỉnh",
            signed_date=date(2026, 11, 22),
        ),
    )
    _publish(
        index(InvestmentIndexPage),
        InvestmentProjectPage(
            title="Khu công nghiệp Phước Đông",
            slug="kcn-phuoc-dong",
            investment_form="ppp",
            total_investment=Decimal("1500000000000"),
            land_area_ha=Decimal("120.5"),
        ),
    )
    _publish(
        index(ProcedureIndexPage),
        ProcedurePage(
            title="Cấp giấy chứng nhận đăng ký đầu tư",
            slug="cap-gcn",
            code="1.009645",
            implementing_agency="Sở Tài chính",
        ),
    )
    _publish(
        index(PlanningIndexPage),
        PlanningDocumentPage(
            title="Quy hoạch tỉnh thời kỳ 2021–2030",
            slug="quy-hoach-tinh",
            plan_type="socio_economic",
            status="approved",
            period_start=2021,
            period_end=2030,
        ),
    )
    return department


def build(tmp_path, **kwargs):
    pipeline = Pipeline(dist_dir=tmp_path / "dist", var_dir=tmp_path / "var", processes=2, **kwargs)
    return pipeline.run(kwargs.pop("slugs", None))


def test_build_sites_writes_every_site_in_both_languages(content, tmp_path):
    summary = build(tmp_path)
    assert [s.error for s in summary.sites] == ["", ""]
    dist = tmp_path / "dist"
    sites = json.loads((dist / "sites.json").read_text("utf-8"))
    assert {s["slug"]: s["base_url"] for s in sites} == {
        "portal": f"{ROOT}/portal",
        "so-test": f"{ROOT}/so-test",
    }
    for slug in ("portal", "so-test"):
        for lang in ("vi", "en"):
            assert (dist / slug / lang / "index.html").is_file()
        parse_xml(dist / slug / "sitemap.xml")
        parse_xml(dist / slug / "vi" / "atom.xml")
        records = (tmp_path / "var/build" / slug / "records.jsonl").read_text("utf-8").splitlines()
        assert records and all(json.loads(line)["site"] == slug for line in records)
    for page in html_files(dist):
        parse_html_strict(page)
    assert broken_links(dist) == []
    article = (dist / "so-test/vi/tin-tuc/hoi-nghi/index.html").read_text("utf-8")
    assert f'href="{ROOT}/so-test/en/news/conference/" hreflang="en"' in article
    untranslated = (dist / "so-test/vi/tin-tuc/tin-noi-bo/index.html").read_text("utf-8")
    assert f'href="{ROOT}/so-test/en/" hreflang="en"' in untranslated
    project = (dist / "so-test/vi/du-an-dau-tu/kcn-phuoc-dong/index.html").read_text("utf-8")
    assert "1.500 tỷ đồng" in project and "120,5 ha" in project
    assert (dist / "so-test/vi/van-ban/qd-1/index.html").is_file()
    assert (dist / "so-test/vi/thu-tuc-hanh-chinh/cap-gcn/index.html").is_file()
    assert (dist / "so-test/vi/quy-hoach/quy-hoach-tinh/index.html").is_file()
    # the portal lists the flagged news and the department's project, linking to them
    portal_news = (dist / "portal/vi/tin-tuc/index.html").read_text("utf-8")
    assert f'href="{ROOT}/so-test/vi/tin-tuc/hoi-nghi/"' in portal_news
    assert "tin-noi-bo" not in portal_news
    portal_projects = (dist / "portal/vi/du-an-dau-tu/index.html").read_text("utf-8")
    assert f'href="{ROOT}/so-test/vi/du-an-dau-tu/kcn-phuoc-dong/"' in portal_projects
    assert f'href="{ROOT}/portal/vi/"' in article  # the shared header leads back to the portal


def test_failed_build_leaves_previous_output_untouched(content, tmp_path):
    assert not build(tmp_path).failed
    dist = tmp_path / "dist"
    before = {p: p.read_bytes() for p in (dist / "so-test").rglob("*") if p.is_file()}
    # a theme whose base template breaks while rendering
    themes = tmp_path / "themes"
    shutil.copytree(Pipeline(dist_dir=dist, var_dir=tmp_path).themes_dir, themes)
    base = themes / "portal/templates/base.html"
    base.write_text(base.read_text("utf-8").replace("<main", "{{ no_such_macro() }}<main"), "utf-8")
    summary = build(tmp_path, themes_dir=themes)
    assert {s.slug for s in summary.failed} == {"portal", "so-test"}
    after = {p: p.read_bytes() for p in (dist / "so-test").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in dist.iterdir() if p.name.startswith(".")] == []


def test_build_sites_command_builds_one_site(content, tmp_path, settings, capsys, monkeypatch):
    settings.DIST_DIR = tmp_path / "dist"
    settings.VAR_DIR = tmp_path / "var"
    settings.ELASTICSEARCH_URL = ""  # search/config.py reads settings in the CMS
    settings.SEARCH_INDEX_PATH = tmp_path / "search-index"
    call_command("build_sites", "--site", "so-test", "--processes", "1")
    out = capsys.readouterr().out
    assert "Built 1 of 1 sites" in out
    assert (tmp_path / "dist/so-test/vi/index.html").is_file()
    assert not (tmp_path / "dist/portal").exists()

    # The build updated the shared search index for the site it built.
    from search.backends import get_backend
    from search.backends.base import SearchRequest

    backend = get_backend()
    try:
        results = backend.search(SearchRequest(text="dau tu", site="so-test"))
    finally:
        backend.close()
    assert any(hit["title"] == "Hội nghị xúc tiến đầu tư" for hit in results.hits)
