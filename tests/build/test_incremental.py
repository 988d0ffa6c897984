"""Incremental builds equal full builds, byte for byte, after every kind of change.

Each test builds a real CMS site, changes content through Wagtail (publish,
unpublish, delete, rename, translate), builds incrementally in one folder and
from scratch in another, and compares every file. Builds run in this process
(processes=1) so a failure shows its traceback.
"""

import shutil

import pytest
from django.utils import timezone

from build.incremental import MANIFEST_NAME, Manifest
from build.pipeline import Pipeline
from build.publish.files import walk_files
from cms.publishing.signals import paused

SITE = "so-inc"


def tree(folder):
    return {rel: open(path, "rb").read() for rel, path, _ in walk_files(folder)}  # noqa: SIM115


def assert_same_tree(incremental, full):
    got, want = tree(incremental), tree(full)
    assert sorted(got) == sorted(want), (
        f"only incremental: {sorted(set(got) - set(want))[:10]}; "
        f"only full: {sorted(set(want) - set(got))[:10]}"
    )
    different = [rel for rel in want if got[rel] != want[rel]]
    assert not different, f"{len(different)} files differ, e.g. {different[:5]}"


class Builds:
    """An incremental build folder, and full builds of the same content to compare with."""

    def __init__(self, tmp_path):
        self.tmp = tmp_path
        self.pipeline = Pipeline(dist_dir=tmp_path / "dist", var_dir=tmp_path / "var", processes=1)
        self.fulls = 0

    def incremental(self, *page_ids, detect=False):
        changes = None if detect else {SITE: [p.pk for p in page_ids]}
        summary = self.pipeline.run([SITE], changes=changes)
        site = summary.sites[0]
        assert not site.error, site.error
        return site

    def full_copy(self):
        """A full build of the same content from nothing, in its own folders."""
        self.fulls += 1
        base = self.tmp / f"full-{self.fulls}"
        summary = Pipeline(dist_dir=base / "dist", var_dir=base / "var", processes=1).run([SITE])
        assert not summary.failed, summary.failed[0].error
        return base / "dist" / SITE

    @property
    def live(self):
        return self.tmp / "dist" / SITE

    def page(self, path):
        return (self.live / path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def site(make_department, tmp_path):
    from cms.core.translation import translate
    from cms.news.models import NewsArticlePage, NewsIndexPage

    with paused():
        make_department("portal", "Cổng thông tin", "Portal", is_portal=True)
        department = make_department(SITE, "Sở Gia tăng", "Incremental Department")
        home = department.site.root_page.specific
        news_index = NewsIndexPage.objects.child_of(home).get()
        articles = []
        for n in range(15):  # more than one listing page (12 per page)
            article = publish(
                news_index,
                NewsArticlePage(
                    title=f"Bài viết số {n}",
                    slug=f"bai-viet-{n}",
                    summary=f"Tóm tắt {n}",
                    published_date=timezone.now() - timezone.timedelta(days=n),
                    featured=n == 0,
                ),
            )
            articles.append(article)
        translate(articles[1], "en", {"Bài viết số 1": "Article one", "bai-viet-1": "article-one"})
    builds = Builds(tmp_path)
    first = builds.pipeline.run([SITE])
    assert not first.failed and not first.sites[0].incremental
    return {"index": news_index, "articles": articles, "builds": builds}


def edit(page, **values):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in values.items():
        setattr(page, name, value)
    with paused():
        page.save_revision().publish()
    return page


def test_a_build_with_no_change_changes_no_file(site):
    builds = site["builds"]
    before = tree(builds.live)
    result = builds.incremental(detect=True)
    assert result.incremental and result.changed_paths == []
    assert tree(builds.live) == before


def test_an_edited_title_rewrites_only_what_shows_it(site):
    builds = site["builds"]
    article = edit(site["articles"][7], title="Tiêu đề đã sửa")
    result = builds.incremental(article)
    assert result.incremental
    changed = set(result.changed_paths)
    assert "vi/tin-tuc/bai-viet-7/index.html" in changed
    assert "Tiêu đề đã sửa" in builds.page("/vi/tin-tuc/bai-viet-7/")
    # a handful of files, not the site: its page, the listing page it is on,
    # its neighbours' related links, feeds, JSON and the sitemap
    assert len(changed) < 20, sorted(changed)
    assert not any(p.startswith("en/") for p in changed), sorted(changed)
    assert_same_tree(builds.live, builds.full_copy())


def test_build_sites_without_ids_finds_the_change(site):
    builds = site["builds"]
    edit(site["articles"][3], summary="Tóm tắt mới")
    result = builds.incremental(detect=True)
    assert result.incremental and "vi/tin-tuc/bai-viet-3/index.html" in result.changed_paths
    assert_same_tree(builds.live, builds.full_copy())


def test_a_new_article_shifts_the_listing_pages(site):
    from cms.news.models import NewsArticlePage

    builds = site["builds"]
    with paused():
        article = publish(
            site["index"],
            NewsArticlePage(title="Tin mới nhất", slug="tin-moi", published_date=timezone.now()),
        )
    result = builds.incremental(article)
    assert "vi/tin-tuc/tin-moi/index.html" in result.changed_paths
    assert "vi/tin-tuc/trang/2/index.html" in result.changed_paths  # one item moved down
    assert_same_tree(builds.live, builds.full_copy())


def test_unpublished_and_deleted_pages_disappear(site):
    builds = site["builds"]
    unpublished, deleted = site["articles"][2], site["articles"][4]
    with paused():
        unpublished.specific.unpublish()
        deleted.delete()
    result = builds.incremental(unpublished, deleted)
    assert "vi/tin-tuc/bai-viet-2/index.html" in result.changed_paths
    assert not (builds.live / "vi/tin-tuc/bai-viet-2").exists()
    assert not (builds.live / "vi/tin-tuc/bai-viet-4").exists()
    assert "bai-viet-2" not in (builds.live / "sitemap.xml").read_text(encoding="utf-8")
    assert "bai-viet-4" not in (builds.live / "vi/tin-tuc/index.json").read_text(encoding="utf-8")
    assert_same_tree(builds.live, builds.full_copy())


def test_a_translation_updates_the_language_switch(site):
    from cms.core.translation import translate

    builds = site["builds"]
    with paused():
        english = translate(
            site["articles"][5], "en", {"Bài viết số 5": "Article five", "bai-viet-5": "five"}
        )
    result = builds.incremental(english)
    assert "vi/tin-tuc/bai-viet-5/index.html" in result.changed_paths  # its switch link
    assert "/en/news/five/" in builds.page("/vi/tin-tuc/bai-viet-5/")
    assert_same_tree(builds.live, builds.full_copy())


def test_a_renamed_page_leaves_a_redirect(site):
    builds = site["builds"]
    article = edit(site["articles"][6], slug="bai-viet-moi-ten")
    result = builds.incremental(article)
    assert not result.incremental  # a URL changed: the whole site is rebuilt
    old = builds.page("/vi/tin-tuc/bai-viet-6/")
    assert 'http-equiv="refresh"' in old and "/vi/tin-tuc/bai-viet-moi-ten/" in old
    assert "Content-Security-Policy" in old
    assert set(result.redirects) == {"/vi/tin-tuc/bai-viet-6/"}
    assert result.redirects["/vi/tin-tuc/bai-viet-6/"].endswith("/vi/tin-tuc/bai-viet-moi-ten/")

    # The redirect stays through later incremental builds, and a full build
    # with the same history (the manifest) writes exactly the same files.
    later = edit(site["articles"][8], title="Sửa sau khi đổi tên")
    assert builds.incremental(later).incremental
    assert (builds.live / "vi/tin-tuc/bai-viet-6/index.html").is_file()
    snapshot = builds.tmp / "snapshot"
    shutil.copytree(builds.live, snapshot)
    assert not builds.pipeline.run([SITE], full=True).failed
    assert_same_tree(snapshot, builds.live)


def test_a_page_taking_back_an_old_address_replaces_the_redirect(site):
    builds = site["builds"]
    article = edit(site["articles"][6], slug="tam-thoi")
    builds.incremental(article)
    edit(article, slug="bai-viet-6")
    builds.incremental(article)
    assert "Bài viết số 6" in builds.page("/vi/tin-tuc/bai-viet-6/")
    assert 'http-equiv="refresh"' in builds.page("/vi/tin-tuc/tam-thoi/")
    manifest = Manifest.load(builds.tmp / "var" / "build" / SITE / MANIFEST_NAME)
    assert manifest.redirects == {"/vi/tin-tuc/tam-thoi/": "/vi/tin-tuc/bai-viet-6/"}


def test_a_theme_change_rerenders_every_page(site, tmp_path):
    builds = site["builds"]
    themes = tmp_path / "themes"
    shutil.copytree(builds.pipeline.themes_dir, themes)
    footer = themes / "portal" / "templates" / "_footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- v2 -->\n", encoding="utf-8")
    builds.pipeline.themes_dir = themes
    result = builds.incremental(detect=True)
    assert result.incremental
    pages = [p for p in result.changed_paths if p.endswith(".html")]
    assert len(pages) > 30  # every page shows the footer
    assert "<!-- v2 -->" in builds.page("/vi/tin-tuc/bai-viet-9/")


def test_a_page_linking_to_an_unpublished_page_loses_the_link(site):
    from cms.news.models import NewsArticlePage

    builds = site["builds"]
    target = site["articles"][9]
    with paused():
        linking = publish(
            site["index"],
            NewsArticlePage(
                title="Bài có liên kết",
                slug="bai-co-lien-ket",
                published_date=timezone.now() - timezone.timedelta(days=30),
                body=[
                    {
                        "type": "paragraph",
                        "value": f'<p>Xem <a linktype="page" id="{target.id}">bài số 9</a>.</p>',
                    }
                ],
            ),
        )
    builds.incremental(linking)
    assert "/vi/tin-tuc/bai-viet-9/" in builds.page("/vi/tin-tuc/bai-co-lien-ket/")

    with paused():
        target.specific.unpublish()
    result = builds.incremental(target)  # only the unpublished page's id is known
    assert "vi/tin-tuc/bai-co-lien-ket/index.html" in result.changed_paths
    assert "/vi/tin-tuc/bai-viet-9/" not in builds.page("/vi/tin-tuc/bai-co-lien-ket/")
    assert_same_tree(builds.live, builds.full_copy())


def test_the_portal_shows_a_department_edit_as_a_full_build_would(site):
    builds = site["builds"]
    assert not builds.pipeline.run(["portal"]).failed  # the portal's first build: full
    article = edit(site["articles"][0], title="Tin cho cổng đã sửa", show_on_portal=True)
    builds.incremental(article)
    # what the publishing task does next: the portal, with the department page's id
    portal = builds.pipeline.run(["portal"], changes={"portal": [article.pk]}).sites[0]
    assert portal.incremental and not portal.error, portal.error
    assert "Tin cho cổng đã sửa" in (builds.tmp / "dist/portal/vi/index.html").read_text("utf-8")

    base = builds.tmp / "full-portal"
    fresh = Pipeline(dist_dir=base / "dist", var_dir=base / "var", processes=1)
    assert not fresh.run([SITE, "portal"]).failed
    assert_same_tree(builds.tmp / "dist/portal", base / "dist/portal")


def test_an_update_stopped_before_saving_its_state_is_redone_by_the_next(site):
    builds = site["builds"]
    builds.pipeline.defer_bookkeeping = True  # as the publishing task does
    first = edit(site["articles"][10], title="Sửa lần một")
    summary = builds.pipeline.run([SITE], changes={SITE: [first.pk]})
    assert "Sửa lần một" in builds.page("/vi/tin-tuc/bai-viet-10/")
    # the process stops here: summary.finalize() never runs
    builds.pipeline.defer_bookkeeping = False
    second = edit(site["articles"][11], title="Sửa lần hai")
    result = builds.incremental(second)  # told about the second page only
    assert result.incremental and summary.sites[0].finalize is not None
    assert_same_tree(builds.live, builds.full_copy())


def test_a_damaged_manifest_makes_the_next_build_full_and_correct(site):
    builds = site["builds"]
    manifest = builds.tmp / "var" / "build" / SITE / MANIFEST_NAME
    manifest.write_text('{"version": 1, "records": [', encoding="utf-8")  # cut short
    assert Manifest.load(manifest) is None
    article = edit(site["articles"][12], title="Sau khi hỏng manifest")
    result = builds.incremental(article)
    assert not result.incremental  # nothing to compare with: rebuilt whole
    assert Manifest.load(manifest) is not None
    assert_same_tree(builds.live, builds.full_copy())
