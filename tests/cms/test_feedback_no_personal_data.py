"""End to end: a published answer reaches dist/ and the search index, the sender does not."""

import pytest

from build.pipeline import Pipeline
from cms.feedback.publishing import publish_answer
from search.backends.embedded import TantivyBackend
from search.indexing import read_sites, rebuild_all

from .feedback_support import SENDER, configure, make_submission, make_user

PUBLIC_QUESTION = "Khu công nghiệp Phước Đông còn quỹ đất cho thuê không?"
ANSWER = "<p>Còn khoảng 120,5 ha đất công nghiệp sẵn sàng cho thuê.</p>"


@pytest.fixture(autouse=True)
def feedback_env(settings, tmp_path):
    configure(settings, tmp_path)
    settings.MEDIA_ROOT = str(tmp_path / "media")


def every_text(paths):
    for path in paths:
        if path.is_file():
            yield path, path.read_bytes().decode("utf-8", errors="ignore")


def test_dist_and_index_hold_the_answer_but_no_personal_data(make_department, tmp_path):
    department = make_department("so-khdt", "Sở Kế hoạch và Đầu tư", "Department of Planning")
    moderator = make_user("mod", department.moderators_group)
    submission = make_submission(
        department, consent_to_publish=True, public_question=PUBLIC_QUESTION, answer=ANSWER
    )
    publish_answer(submission, moderator)

    dist, var = tmp_path / "dist", tmp_path / "var"
    summary = Pipeline(dist_dir=dist, var_dir=var, processes=1).run(["so-khdt"])
    assert not summary.failed
    backend = TantivyBackend(tmp_path / "search-index")
    rebuild_all(read_sites(dist / "sites.json", var / "build"), backend)
    index_dump = "\n".join(backend.stored_documents())

    outputs = list(every_text(dist.rglob("*"))) + list(every_text((var / "build").rglob("*")))
    everything = "\n".join(text for _path, text in outputs) + index_dump
    # Not vacuous: the published question made it into the output and the index.
    assert PUBLIC_QUESTION in "\n".join(text for _path, text in outputs)
    assert "Phước Đông" in index_dump
    for key in ("name", "email", "phone", "organisation", "message"):
        assert SENDER[key] not in everything, key
    assert submission.code not in everything
