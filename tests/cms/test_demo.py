"""manage.py load_demo: minimum counts, real English translations, idempotency.

One test on purpose: loading the demo is the expensive part, and the second
run (idempotency) needs the first run's database.
"""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from cms.core.models import AdministrativeUnit, SiteHomePage, SiteSettings, Topic
from cms.departments.models import Department
from cms.documents.models import LegalDocumentPage
from cms.investment.models import InvestmentProjectPage, Sector
from cms.news.models import NewsArticlePage, NewsCategory
from cms.planning.models import PlanningDocumentPage
from cms.procedures.models import ProcedurePage


def counts():
    models = [
        Page, Image, Document, Translation, NewsCategory, Topic, Sector, AdministrativeUnit,
        Department, get_user_model(),
    ]  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def vi(model):
    return model.objects.filter(locale__language_code="vi")


def en(model):
    return model.objects.filter(locale__language_code="en")


def test_load_demo_creates_the_demo_once(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    output = out.getvalue()

    departments = set(Department.objects.values_list("slug", flat=True))
    assert {"portal", "so-tc", "so-ct", "bql-kkt"} <= departments
    portal = Department.objects.get(slug="portal")
    assert portal.name_vi == "Cổng thông tin điện tử tỉnh Long An"
    assert portal.site.is_default_site and portal.site.hostname == "localhost"
    assert Department.objects.get(slug="so-tc").site.hostname == "so-tc.longan.localhost"

    assert vi(NewsArticlePage).count() >= 30
    assert en(NewsArticlePage).count() * 2 >= vi(NewsArticlePage).count()
    assert vi(LegalDocumentPage).count() >= 10
    assert vi(PlanningDocumentPage).count() >= 10
    assert {p.plan_type for p in vi(PlanningDocumentPage)} == {
        "socio_economic", "sector", "land_use", "construction"
    }  # fmt: skip
    assert {p.status for p in vi(PlanningDocumentPage)} == {
        "consultation", "approved", "adjusted", "expired"
    }  # fmt: skip
    assert vi(InvestmentProjectPage).count() >= 15
    assert en(InvestmentProjectPage).count() == vi(InvestmentProjectPage).count()
    assert vi(ProcedurePage).count() >= 20
    assert all(len(p.forms) >= 1 and len(p.steps) >= 3 for p in vi(ProcedurePage))
    news_sites = {
        Department.objects.get(site__root_page__in=[a.get_ancestors().get(depth=2)]).slug
        for a in vi(NewsArticlePage)
    }
    assert len(news_sites) >= 4, "news is spread over every site"
    assert vi(NewsArticlePage).filter(show_on_portal=True).exists()
    assert vi(NewsArticlePage).filter(featured=True).exists()
    assert all(a.hero_image_id and a.hero_alt for a in vi(NewsArticlePage))

    # Images and files live in their department's collection.
    for department in Department.objects.all():
        assert Image.objects.filter(collection=department.collection).exists()
        assert Document.objects.filter(collection=department.collection).exists()
    assert Document.objects.filter(file__endswith=".docx").exists()
    pdf = Document.objects.filter(file__endswith=".pdf").first()
    with pdf.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
    assert len(data) > 4000, "a real PDF with an embedded font, not a placeholder"

    # English versions are wagtail-localize translations of the Vietnamese pages.
    article_en = en(NewsArticlePage).first()
    article_vi = article_en.get_translation(Locale.objects.get(language_code="vi"))
    assert Translation.objects.filter(
        source__object_id=article_vi.translation_key, target_locale=article_en.locale
    ).exists()
    assert article_en.title != article_vi.title
    assert article_en.body.raw_data != article_vi.body.raw_data
    assert {c.locale.language_code for c in article_en.categories.all()} == {"en"}
    project_en = en(InvestmentProjectPage).get(project_code="KCN-01")
    assert project_en.title == "Phuc Long electronic components plant"
    assert "USD 120 million" in project_en.objectives
    assert en(Sector).count() == vi(Sector).count() > 0
    assert en(AdministrativeUnit).filter(name="Con Dao Special Zone", level="special_zone").exists()
    assert vi(AdministrativeUnit).filter(level="former_district").exists()

    home_en = en(SiteHomePage).get(translation_key=portal.site.root_page.translation_key)
    assert home_en.address.startswith("61 Nguyen Hue Street")
    assert "Chairman of the Provincial People's Committee" in [
        block.value["role"] for block in home_en.leaders
    ]
    settings_portal = SiteSettings.for_site(portal.site)
    assert settings_portal.navigation and settings_portal.footer_links
    assert all(item.value["label_en"] for item in settings_portal.navigation)

    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert (
        users.get(username="so-tc-editor")
        .groups.filter(pk=Department.objects.get(slug="so-tc").editors_group_id)
        .exists()
    )
    assert users.get(username="bql-kkt-moderator").groups.exists()
    assert "so-tc-editor" in output and "longan-demo-2026" in output

    # A second run creates nothing and changes nothing.
    before = counts()
    revisions = article_vi.revisions.count()
    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert counts() == before
    assert article_vi.revisions.count() == revisions
    assert "nothing to create" in again.getvalue()
