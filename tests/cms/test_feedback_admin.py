"""Department isolation of submissions in the Wagtail admin, both directions."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from cms.feedback.models import FeedbackSubmission

from .feedback_support import PDF_BYTES, SENDER, configure, make_submission, make_user


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)


@pytest.fixture
def two_departments(make_department):
    """Departments A and B, a moderator and an editor in each, a submission for each."""
    a = make_department("so-a", "Sở A", "Department A")
    b = make_department("so-b", "Sở B", "Department B")
    return {
        "a": a,
        "b": b,
        "mod_a": make_user("mod_a", a.moderators_group),
        "mod_b": make_user("mod_b", b.moderators_group),
        "editor_a": make_user("editor_a", a.editors_group),
        "sub_a": make_submission(a, name="Người gửi A"),
        "sub_b": make_submission(b, name="Người gửi B"),
    }


def edit_url(submission):
    return reverse("feedback_submission:edit", args=[submission.pk])


def edit_data(**overrides):
    data = {
        "status": "in_progress",
        "assignee": "",
        "internal_notes": "",
        "public_question": "",
        "answer": rich_text(""),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(("user_key", "own", "other"), [("mod_a", "a", "b"), ("mod_b", "b", "a")])
def test_listing_shows_only_own_department(client, two_departments, user_key, own, other):
    client.force_login(two_departments[user_key])
    response = client.get(reverse("feedback_submission:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert two_departments[f"sub_{own}"].code in html
    assert two_departments[f"sub_{other}"].code not in html


@pytest.mark.parametrize(("user_key", "own", "other"), [("mod_a", "a", "b"), ("mod_b", "b", "a")])
def test_edit_view_of_another_department_is_404(client, two_departments, user_key, own, other):
    client.force_login(two_departments[user_key])
    own_sub, other_sub = two_departments[f"sub_{own}"], two_departments[f"sub_{other}"]

    own_page = client.get(edit_url(own_sub))
    assert own_page.status_code == 200
    assert own_sub.name in own_page.content.decode()

    assert client.get(edit_url(other_sub)).status_code == 404
    posted = client.post(edit_url(other_sub), edit_data(internal_notes="không được"))
    assert posted.status_code == 404
    other_sub.refresh_from_db()
    assert (other_sub.status, other_sub.internal_notes) == ("new", "")
    delete_url = reverse("feedback_submission:delete", args=[other_sub.pk])
    assert client.post(delete_url).status_code == 404
    assert FeedbackSubmission.objects.filter(pk=other_sub.pk).exists()


def test_editor_of_a_department_can_handle_its_submission(client, two_departments):
    sub_a, editor = two_departments["sub_a"], two_departments["editor_a"]
    client.force_login(editor)
    response = client.post(
        edit_url(sub_a),
        edit_data(assignee=str(editor.pk), internal_notes="Đã chuyển phòng đầu tư"),
    )

    assert response.status_code == 302
    sub_a.refresh_from_db()
    assert (sub_a.status, sub_a.assignee, sub_a.internal_notes) == (
        "in_progress",
        editor,
        "Đã chuyển phòng đầu tư",
    )


def test_assignee_must_belong_to_the_department(client, two_departments):
    sub_a = two_departments["sub_a"]
    client.force_login(two_departments["mod_a"])
    response = client.post(edit_url(sub_a), edit_data(assignee=str(two_departments["mod_b"].pk)))

    assert response.status_code == 200  # form shown again with the error
    sub_a.refresh_from_db()
    assert sub_a.assignee is None and sub_a.status == "new"


def test_superuser_sees_every_department(client, two_departments):
    client.force_login(make_user("root", superuser=True))
    html = client.get(reverse("feedback_submission:index")).content.decode()

    assert two_departments["sub_a"].code in html and two_departments["sub_b"].code in html


def test_user_without_department_sees_nothing(client, two_departments):
    from django.contrib.auth.models import Permission

    outsider = make_user("outsider")
    outsider.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_feedbacksubmission"),
    )
    client.force_login(outsider)
    html = client.get(reverse("feedback_submission:index")).content.decode()

    assert two_departments["sub_a"].code not in html
    assert two_departments["sub_b"].code not in html
    assert client.get(edit_url(two_departments["sub_a"])).status_code == 404


def test_nobody_creates_submissions_in_the_admin(client, two_departments):
    client.force_login(two_departments["mod_a"])
    response = client.get(reverse("feedback_submission:add"))

    assert response.status_code in (302, 403)
    assert FeedbackSubmission.objects.count() == 2


def test_attachment_download_respects_departments(client, two_departments):
    from django.core.files.base import ContentFile

    for key in ("sub_a", "sub_b"):
        submission = two_departments[key]
        submission.attachment.save(f"{submission.code}.pdf", ContentFile(PDF_BYTES))
    client.force_login(two_departments["mod_a"])

    def url(key):
        return reverse("feedback_submission:attachment", args=[two_departments[key].pk])

    own = client.get(url("sub_a"))
    assert own.status_code == 200
    assert b"".join(own.streaming_content) == PDF_BYTES
    assert client.get(url("sub_b")).status_code == 404


def test_sender_details_are_not_editable(client, two_departments):
    sub_a = two_departments["sub_a"]
    client.force_login(two_departments["mod_a"])
    client.post(edit_url(sub_a), edit_data(name="Đổi tên", email="khac@example.vn"))

    sub_a.refresh_from_db()
    assert (sub_a.name, sub_a.email) == ("Người gửi A", SENDER["email"])


def test_search_by_tracking_code_stays_within_the_department(client, two_departments):
    client.force_login(two_departments["mod_a"])
    index = reverse("feedback_submission:index")

    own = client.get(index, {"q": two_departments["sub_a"].code}).content.decode()
    other = client.get(index, {"q": two_departments["sub_b"].code}).content.decode()

    # The query is echoed in the search box: look for the rows' edit links instead.
    assert edit_url(two_departments["sub_a"]) in own
    assert edit_url(two_departments["sub_b"]) not in other
    assert edit_url(two_departments["sub_a"]) not in other  # the search did filter
