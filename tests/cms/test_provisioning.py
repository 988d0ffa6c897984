from wagtail.models import Page

from cms.core.models import SiteHomePage
from cms.departments.models import Department
from cms.news.models import NewsIndexPage


def test_create_department_builds_both_locale_trees(make_department):
    department = make_department("so-ct", "Sở Công Thương", "Department of Industry and Trade")

    roots = {page.locale.language_code: page for page in department.root_pages}
    assert set(roots) == {"vi", "en"}
    assert roots["en"].title == "Department of Industry and Trade"
    news_en = NewsIndexPage.objects.child_of(roots["en"]).get()
    assert (news_en.title, news_en.slug) == ("News", "news")
    assert NewsIndexPage.objects.child_of(roots["vi"]).get().slug == "tin-tuc"


def test_create_department_is_idempotent(make_department):
    make_department("so-ct")
    pages_before = Page.objects.count()
    make_department("so-ct", name_en="Renamed")

    assert Page.objects.count() == pages_before
    assert Department.objects.get(slug="so-ct").name_en == "Renamed"
    assert SiteHomePage.objects.filter(locale__language_code="vi").count() == 1
