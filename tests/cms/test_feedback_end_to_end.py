"""Issue 7 end to end: a question sent through the public endpoint, answered and
published by the department's moderator in the admin, built into the static
site, indexed in the embedded search index and found by a search.

The sender's details are distinctive strings; afterwards every file of dist/
and of the build's records, every row of the search index, every captured log
record and everything written to stdout/stderr is scanned for them.
"""

import logging

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text

from build.pipeline import Pipeline
from cms.core.models import Topic
from cms.feedback.models import FeedbackSubmission, QuestionAnswerPage
from search.backends.base import SearchRequest
from search.backends.embedded import TantivyBackend
from search.indexing import read_sites, rebuild_all

from .feedback_support import SITE_ORIGIN, configure, make_user

SENDER = {
    "name": "Trần Thị Quỳnhzyx Phượng",
    "email": "quynhzyx.phuong@example.vn",
    "phone": "0987 650 321",
    "organisation": "Công ty TNHH Kwazulu Lạc Hồng",
    "message": (
        "Tôi là Trần Thị Quỳnhzyx Phượng, điện thoại 0987 650 321. Khu công nghiệp "
        "Trậpxyz còn đất cho thuê không, giá thuê bao nhiêu?"
    ),
}
# What the moderator publishes: the question reworded, nothing personal.
PUBLIC_QUESTION = "Khu công nghiệp Đứcqhòa còn quỹ đất cho thuê không?"
ANSWER_HTML = "<p>Khu công nghiệp Đứcqhòa còn khoảng 42 ha sẵn sàng cho thuê.</p>"


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)
    cache.clear()
    yield
    cache.clear()


def personal_values(code):
    digits = "".join(ch for ch in SENDER["phone"] if ch.isdigit())
    # The message's own words that are not in the public wording.
    return [*SENDER.values(), digits, "Quỳnhzyx", "Trậpxyz", "Kwazulu", code]


def texts_under(folder):
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path, path.read_bytes().decode("utf-8", errors="ignore")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_question_to_published_answer_without_personal_data(
    client, make_department, tmp_path, caplog, capfd, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    department = make_department("so-khdt", "Sở Kế hoạch và Đầu tư", "Department of Planning")
    moderator = make_user("mod", department.moderators_group)
    field = Topic.objects.create(name="Đầu tư", slug="dau-tu", locale=Locale.get_default())

    # 1. The sender posts the form from the site (the fetch() path of feedback.js).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/feedback/",
            {
                **SENDER,
                "topic": "investment",
                "department": "so-khdt",
                "lang": "vi",
                "consent_to_publish": "on",
            },  # fmt: skip
            HTTP_ORIGIN=SITE_ORIGIN,
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 201
    code = response.json()["code"]
    submission = FeedbackSubmission.objects.get(code=code)

    # 2. The moderator answers and ticks "publish" in the admin.
    client.force_login(moderator)
    response = client.post(
        reverse("feedback_submission:edit", args=[submission.pk]),
        {
            "status": "answered",
            "assignee": str(moderator.pk),
            "internal_notes": f"Đã gọi {SENDER['name']} ({SENDER['phone']}).",
            "public_question": PUBLIC_QUESTION,
            "answer": rich_text(ANSWER_HTML),
            "publish": "on",
            "field": str(field.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = QuestionAnswerPage.objects.get()
    assert page.live

    # 3. The next build publishes it; the index picks it up.
    dist, var = tmp_path / "dist", tmp_path / "var"
    summary = Pipeline(dist_dir=dist, var_dir=var, processes=1).run(["so-khdt"])
    assert not summary.failed, [site.error for site in summary.sites]
    backend = TantivyBackend(tmp_path / "search-index")
    rebuild_all(read_sites(dist / "sites.json", var / "build"), backend)

    site = dist / "so-khdt"
    listing = (site / "vi" / "hoi-dap" / "index.html").read_text("utf-8")
    assert PUBLIC_QUESTION in listing
    details = [
        path
        for path, text in texts_under(site / "vi" / "hoi-dap")
        if path.name == "index.html" and path.parent != site / "vi" / "hoi-dap"
        and "42 ha sẵn sàng cho thuê" in text
    ]  # fmt: skip
    assert len(details) == 1
    assert PUBLIC_QUESTION in details[0].read_text("utf-8")

    results = backend.search(SearchRequest(text="Đứcqhòa quỹ đất", lang="vi"))
    assert results.total == 1
    hit = results.hits[0]
    assert hit["kind"] == "qa" and hit["site"] == "so-khdt"
    assert hit["url"].rstrip("/").endswith(str(details[0].parent.relative_to(site)))
    # Folded search (no diacritics) finds it too.
    assert backend.search(SearchRequest(text="ducqhoa", lang="vi")).total == 1
    backend.close()

    # 4. No personal data anywhere the public or the operators' logs can see.
    index_dump = "\n".join(TantivyBackend(tmp_path / "search-index").stored_documents())
    assert "Đứcqhòa" in index_dump  # not vacuous: the index holds the answer
    logged = "\n".join(
        f"{record.getMessage()} {record.args!r} {record.exc_text or ''}"
        for record in caplog.records
    )
    out, err = capfd.readouterr()
    assert code in logged  # not vacuous: the intake was logged
    places = {
        "search index": index_dump,
        "logs": logged,
        "stdout/stderr": out + err,
        **{str(path): text for path, text in texts_under(dist)},
        **{str(path): text for path, text in texts_under(var / "build")},
    }
    for value in personal_values(code):
        for where, text in places.items():
            if where == "logs" and value == code:
                continue
            assert value not in text, f"{value!r} found in {where}"
            assert value.casefold() not in text.casefold(), f"{value!r} found in {where}"
