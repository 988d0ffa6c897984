"""Hand-made content records that follow build/records.py, for render tests.

Two sites (the portal and one department), both languages, every kind; the
department has enough news for two listing pages.
"""

KIND_PATHS = {
    "news": ("tin-tuc", "news"),
    "document": ("van-ban", "documents"),
    "planning": ("quy-hoach", "planning"),
    "project": ("du-an-dau-tu", "investment"),
    "procedure": ("thu-tuc-hanh-chinh", "procedures"),
}
INDEX_TITLES = {
    "news": ("Tin tức", "News"),
    "document": ("Văn bản", "Legal documents"),
    "planning": ("Quy hoạch", "Planning"),
    "project": ("Dự án kêu gọi đầu tư", "Investment projects"),
    "procedure": ("Thủ tục hành chính", "Administrative procedures"),
}


def _record(
    site,
    lang,
    rid,
    kind,
    url,
    title,
    *,
    key,
    fields=None,
    date="2026-11-20T09:00:00+07:00",
    **extra,
):
    record = {
        "id": str(rid),
        "site": site,
        "lang": lang,
        "translation_key": key,
        "kind": kind,
        "url": url,
        "title": title,
        "summary": extra.pop(
            "summary", f"Tóm tắt {title}" if lang == "vi" else f"Summary of {title}"
        ),
        "date": date,
        "updated": date,
        "fields": fields or {},
        "body_html": extra.pop("body_html", f"<p>{title}</p>"),
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


def _pair(
    records, site, base_id, kind, paths, titles, *, key, fields_vi=None, fields_en=None, **extra
):
    vi = _record(site, "vi", base_id, kind, paths[0], titles[0], key=key, fields=fields_vi, **extra)
    en = _record(
        site,
        "en",
        base_id + 1,
        kind,
        paths[1],
        titles[1],
        key=key,
        fields=fields_en or fields_vi,
        **extra,
    )
    vi["translations"] = {"en": en["url"]}
    en["translations"] = {"vi": vi["url"]}
    records += [vi, en]
    return vi, en


def site_records(site, *, news_count=3, start_id=1000, base_url="http://127.0.0.1:8080"):
    """Every kind of record for one site in both languages."""
    records = []
    rid = start_id
    home_fields = {
        "agency_name": f"Cơ quan {site}",
        "short_description": "Giới thiệu ngắn",
        "address": "01 Đường Trần Hưng Đạo",
        "phone": "0276 123 456",
        "hotline": "1900 1234",
        "email": f"{site}@example.gov.vn",
        "working_hours": "7:30–17:00",
        "leaders": [
            {
                "name": "Nguyễn Văn A",
                "role": "Giám đốc",
                "phone": "",
                "email": "",
                "responsibilities": "",
                "photo": None,
            }
        ],
        "functions_html": "<p>Chức năng nhiệm vụ</p>",
        "logo": None,
        "organisation_chart": None,
    }
    _pair(
        records,
        site,
        rid,
        "home",
        ("/vi/", "/en/"),
        (f"Trang {site}", f"Site {site}"),
        key=f"{site}-home",
        fields_vi=home_fields,
    )
    rid += 2
    _pair(
        records,
        site,
        rid,
        "page",
        ("/vi/gioi-thieu/", "/en/about/"),
        ("Giới thiệu", "About us"),
        key=f"{site}-about",
    )
    rid += 2
    for kind, (vi_slug, en_slug) in KIND_PATHS.items():
        _pair(
            records,
            site,
            rid,
            f"{kind}_index",
            (f"/vi/{vi_slug}/", f"/en/{en_slug}/"),
            INDEX_TITLES[kind],
            key=f"{site}-{kind}-index",
        )
        rid += 2
    categories = {
        "vi": [{"slug": "dau-tu", "name": "Đầu tư"}],
        "en": [{"slug": "investment", "name": "Investment"}],
    }
    for n in range(news_count):
        vi, en = _pair(
            records,
            site,
            rid,
            "news",
            (f"/vi/tin-tuc/tin-{n}/", f"/en/news/article-{n}/"),
            (f"Tin số {n} của {site}", f"Article {n} of {site}"),
            key=f"{site}-news-{n}",
            fields_vi={
                "author": "Phóng viên",
                "source": "Báo tỉnh",
                "featured": n == 0,
                "show_on_portal": n % 2 == 0,
                "related": [],
            },
            date=f"2026-11-{10 + n % 15:02d}T08:00:00+07:00",
        )
        vi["categories"], en["categories"] = categories["vi"], categories["en"]
        rid += 2
    # One Vietnamese-only article: its language switch leads to the English home.
    records.append(
        _record(
            site,
            "vi",
            rid,
            "news",
            "/vi/tin-tuc/chi-tieng-viet/",
            "Bài chỉ có tiếng Việt",
            key=f"{site}-vi-only",
            fields={
                "author": "",
                "source": "",
                "featured": False,
                "show_on_portal": False,
                "related": [],
            },
        )
    )
    rid += 1
    doc_fields = lambda lang: {  # noqa: E731
        "number": "2513/QĐ-UBND",
        "document_type": "decision",
        "document_type_label": "Quyết định" if lang == "vi" else "Decision",
        "issuing_body": "UBND tỉnh" if lang == "vi" else "Provincial People's Committee",
        "signer": "Trần Văn B",
        "signed_date": "2026-11-22",
        "effective_date": "2026-12-01",
        "expiry_date": None,
        "topic": {"key": "dat-dai", "name": "Đất đai" if lang == "vi" else "Land"},
        "status": "in_effect",
        "status_label": "Còn hiệu lực" if lang == "vi" else "In effect",
    }
    _pair(
        records,
        site,
        rid,
        "document",
        ("/vi/van-ban/qd-2513/", "/en/documents/decision-2513/"),
        ("Quyết định 2513", "Decision 2513"),
        key=f"{site}-doc",
        fields_vi=doc_fields("vi"),
        fields_en=doc_fields("en"),
        attachments=[
            {
                "title": "Toàn văn",
                "url": f"{base_url}/{site}/media/documents/qd-2513.abc123.pdf",
                "filename": "qd-2513.pdf",
                "size": 123456,
                "ext": "pdf",
            }
        ],
    )
    rid += 2
    plan_fields = lambda lang: {  # noqa: E731
        "plan_type": "socio_economic",
        "plan_type_label": "Quy hoạch tỉnh" if lang == "vi" else "Provincial master plan",
        "decision_number": "1737/QĐ-TTg",
        "decision_date": "2024-12-30",
        "issuing_authority": "Thủ tướng",
        "period_start": 2021,
        "period_end": 2030,
        "vision_year": 2050,
        "area": {"key": "tay-ninh", "name": "Tây Ninh"},
        "status": "approved",
        "status_label": "Đã phê duyệt" if lang == "vi" else "Approved",
        "maps": [],
        "consultation_deadline": None,
    }
    _pair(
        records,
        site,
        rid,
        "planning",
        ("/vi/quy-hoach/quy-hoach-tinh/", "/en/planning/provincial-plan/"),
        ("Quy hoạch tỉnh", "Provincial plan"),
        key=f"{site}-plan",
        fields_vi=plan_fields("vi"),
        fields_en=plan_fields("en"),
    )
    rid += 2
    project_fields = lambda lang: {  # noqa: E731
        "project_code": "DA-01",
        "sector": {"key": "cong-nghiep", "name": "Công nghiệp" if lang == "vi" else "Industry"},
        "location": {"key": "trang-bang", "name": "Trảng Bàng"},
        "address": "",
        "latitude": None,
        "longitude": None,
        "land_area_ha": 120.5,
        "total_investment": 1500000000000,
        "currency": "VND",
        "investment_form": "ppp",
        "investment_form_label": "PPP",
        "status": "calling",
        "status_label": "Đang kêu gọi" if lang == "vi" else "Calling for investment",
        "objectives_html": "<p>Mục tiêu</p>",
        "incentives_html": "",
        "infrastructure_html": "",
        "contact_agency": "Sở KH&ĐT",
        "contact_phone": "0276 1",
        "contact_email": "",
        "deadline": "2027-01-31",
        "featured": True,
    }
    _pair(
        records,
        site,
        rid,
        "project",
        ("/vi/du-an-dau-tu/kcn-a/", "/en/investment/park-a/"),
        ("Khu công nghiệp A", "Industrial park A"),
        key=f"{site}-project",
        fields_vi=project_fields("vi"),
        fields_en=project_fields("en"),
    )
    rid += 2
    procedure_fields = lambda lang: {  # noqa: E731
        "code": "1.009645",
        "topic": {"key": "dau-tu", "name": "Đầu tư" if lang == "vi" else "Investment"},
        "implementing_agency": "Sở Tài chính",
        "steps": [{"title": "Nộp hồ sơ", "description": "Tại Trung tâm"}],
        "dossier": [{"name": "Đơn đề nghị", "copies": "1 bản chính"}],
        "processing_time": "15 ngày",
        "fees": "Không",
        "legal_basis_html": "<p>Luật Đầu tư 2020</p>",
        "result": "Giấy chứng nhận",
        "online_level": "full",
        "online_level_label": "Toàn trình" if lang == "vi" else "Full online",
        "online_url": "https://dichvucong.gov.vn/",
    }
    _pair(
        records,
        site,
        rid,
        "procedure",
        ("/vi/thu-tuc-hanh-chinh/cap-gcn/", "/en/procedures/certificate/"),
        ("Cấp giấy chứng nhận", "Certificate"),
        key=f"{site}-procedure",
        fields_vi=procedure_fields("vi"),
        fields_en=procedure_fields("en"),
    )
    return records


def aggregated_copies(records, source_site, base_url):
    """What the portal shows of a department: flagged news and every listed kind."""
    copies = []
    for record in records:
        kind = record["kind"]
        if kind == "news" and not record["fields"].get("show_on_portal"):
            continue
        if kind not in ("news", "document", "planning", "project", "procedure"):
            continue
        copy = dict(
            record, site="portal", canonical=base_url + record["url"], source_site=source_site
        )
        copies.append(copy)
    return copies
