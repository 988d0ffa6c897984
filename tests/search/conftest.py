"""Fixtures for the search tests: content records, a corpus, and each backend."""

import os
import uuid

import pytest

from search.backends.embedded import TantivyBackend
from search.indexing import update_site

SITES = [
    {
        "slug": "portal",
        "name_vi": "Cổng thông tin điện tử tỉnh",
        "name_en": "Provincial e-portal",
        "base_url": "https://portal.example.gov.vn",
        "languages": ["vi", "en"],
    },
    {
        "slug": "so-khdt",
        "name_vi": "Sở Kế hoạch và Đầu tư",
        "name_en": "Department of Planning and Investment",
        "base_url": "https://sokhdt.example.gov.vn",
        "languages": ["vi", "en"],
    },
]


def make_record(site, page_id, title, *, lang="vi", kind="news", body="", summary="", **extra):
    """A content record in the shape build/records.py defines."""
    record = {
        "id": str(page_id),
        "site": site,
        "lang": lang,
        "translation_key": f"tk-{page_id}",
        "kind": kind,
        "url": f"/{lang}/{kind}/{page_id}/",
        "title": title,
        "summary": summary,
        "date": "2025-03-14T08:00:00+07:00",
        "updated": "2025-03-14T08:00:00+07:00",
        "fields": {},
        "body_html": f"<p>{body}</p>" if body else "",
        "image": None,
        "attachments": [],
        "categories": [],
        "tags": [],
        "translations": {},
        "parent_id": None,
        "canonical": None,
        "source_site": None,
    }
    record.update(extra)
    return record


def corpus_records():
    """Records per site: the relevance cases the tests below rely on."""
    portal = [
        make_record("portal", 1, "Phố Dương Liễu được chỉnh trang", body="Hàng cây dương ven hồ."),
        make_record("portal", 2, "Đường Lê Lợi được chỉnh trang", body="Con đường mới ven hồ."),
        make_record(
            "portal", 3, "Kế hoạch đầu tư công năm 2025", body="Vốn đầu tư công được phân bổ."
        ),
        make_record(
            "portal",
            4,
            "Đầu năm, tư nhân góp vốn",
            body="Đầu năm nay, khu vực tư nhân góp vốn.",
        ),
        make_record("portal", 5, "Quy hoạch đô thị Cửa Lò", kind="planning", body="Đô thị biển."),
        make_record(
            "portal",
            6,
            "Quy định AND/OR cho trường NEAR",
            kind="page",
            body='Các toán tử <b>không</b> được diễn giải: * ^ - "ngoặc" {cột}.',
        ),
        # A portal copy of department content: never indexed (the department's copy is).
        make_record(
            "portal",
            7,
            "Kế hoạch 2513/KH-UBND (bản sao trên cổng)",
            kind="document",
            canonical="https://sokhdt.example.gov.vn/vi/document/21/",
            source_site="so-khdt",
        ),
        make_record(
            "portal",
            8,
            "Tin có mã độc",
            body="Đoạn <script>alert(1)</script> và &lt;img onerror&gt; trong bài đầu tư.",
        ),
        make_record(
            "portal",
            9,
            "Sở Tài chính hướng dẫn quyết toán vốn ngân sách cho các xã, phường trên địa bàn",
            body="Hồ sơ quyết toán gửi về Sở trước ngày 31 tháng 3.",
        ),
    ]
    department = [
        make_record(
            "so-khdt",
            21,
            "Kế hoạch triển khai thu hút đầu tư năm 2025",
            kind="document",
            fields={"number": "2513/KH-UBND", "document_type_label": "Kế hoạch"},
            date="2024-09-30T00:00:00+07:00",
            body="Ủy ban nhân dân tỉnh ban hành kế hoạch.",
        ),
        make_record(
            "so-khdt",
            22,
            "Báo cáo thực hiện kế hoạch",
            kind="news",
            body="Theo Kế hoạch số 2513/KH-UBND, các sở báo cáo kết quả.",
        ),
        make_record(
            "so-khdt",
            23,
            "Investment incentives for industrial parks",
            lang="en",
            kind="project",
            body="The province offers land rent exemptions to investors.",
        ),
        make_record(
            "so-khdt",
            24,
            "Hội nghị xúc tiến đầu tư",
            kind="news",
            date="2023-05-02T00:00:00+07:00",
            body="Hội nghị xúc tiến đầu tư vào khu kinh tế.",
        ),
    ]
    return {"portal": portal, "so-khdt": department}


def index_corpus(backend):
    for site in SITES:
        update_site(
            site["slug"],
            corpus_records()[site["slug"]],
            site["base_url"],
            {"vi": site["name_vi"], "en": site["name_en"]},
            backend=backend,
        )
    return backend


def _live_elasticsearch():
    from search.backends.elasticsearch import ElasticsearchBackend

    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set: the shared suite needs a live cluster for ES")
    backend = ElasticsearchBackend(url, index=f"cong-test-{uuid.uuid4().hex[:8]}")
    return backend


@pytest.fixture(params=["tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def empty_backend(request, tmp_path):
    """Each backend, empty; the Elasticsearch one only against a live cluster."""
    if request.param == "tantivy":
        backend = TantivyBackend(tmp_path / "search-index")
        yield backend
        backend.close()
        return
    backend = _live_elasticsearch()
    yield backend
    backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)
    backend.client.indices.delete_index_template(name=backend.alias, ignore=[404])
    backend.close()


@pytest.fixture
def backend(empty_backend):
    return index_corpus(empty_backend)
