"""A corpus of classic XSS payloads and broken HTML, and the content that carries them.

``seed_payload_site()`` runs inside a ``manage.py``-configured process (see
test_static_output.py): it provisions a department whose every text field kind
holds a payload, through the ORM, the way an editor's or an import's input
reaches the database. ``import_lines()`` gives the JSON Lines file fed to
``manage.py import_content``.
"""

import json

PAYLOAD_SITE = "so-xss"

PAYLOADS = [
    "<script>alert('xss-1')</script>",
    '<img src=x onerror="alert(2)">',
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    '<a href="javascript:alert(5)">bấm vào đây</a>',
    '<a href="JaVaScRiPt:alert(6)">x</a>',
    '<a href="&#106;avascript:alert(7)">encoded</a>',
    '<a href=" javascript:alert(8)">leading space</a>',
    '<iframe src="data:text/html,<script>alert(9)</script>"></iframe>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4="></object>',
    '<div style="background:url(javascript:alert(11))">style url</div>',
    '<p style="width:expression(alert(12))">IE expression</p>',
    "<style>body{background:red}</style>",
    "</title><script>alert(14)</script>",
    "</textarea><script>alert(15)</script>",
    '"><script>alert(16)</script>',
    "' onmouseover='alert(17)' x='",
    '" autofocus onfocus="alert(18)',
    "<scr<script>ipt>alert(19)</scr</script>ipt>",
    "<img src=x onerror=alert(20)//",
    "<b>unclosed <i>broken <p>html",
    "\\u003cscript\\u003ealert(22)\\u003c/script\\u003e",
    "<!--<script>alert(23)</script>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(24)>",
    "<details open ontoggle=alert(25)>",
    "{{ 7*7 }} {% raw %} ${alert(26)} Xin chào <Đà Nẵng> & “ngoặc”",
]

SAFE_URL = "https://example.org/"


def import_lines():
    """One JSON Lines article per payload, the payload in title, summary and body_html."""
    return "\n".join(
        json.dumps(
            {
                "source_url": f"https://nguon.example.org/bai-{number}",
                "title": f"Nhập {number} {payload}",
                "summary": f"Tóm tắt {payload}",
                "body_html": f"<p>Thân bài {number}</p>{payload}<p>hết</p>",
                "author": payload[:100],
                "published_at": "2026-11-20T08:00:00+07:00",
            },
            ensure_ascii=False,
        )
        for number, payload in enumerate(PAYLOADS)
    )


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _body(payload):
    return [
        ("heading", {"text": payload[:200], "level": "h2"}),
        ("paragraph", f"<p>Đoạn văn</p>{payload}<p>{payload}</p>"),
        ("quote", {"text": payload, "attribution": payload[:200]}),
    ]


def seed_payload_site():
    """A department whose pages, snippets and settings carry every payload."""
    from datetime import date

    from django.utils import timezone

    from cms.core.models import SiteSettings, Topic
    from cms.departments.provisioning import provision_department
    from cms.documents.models import LegalDocumentIndexPage, LegalDocumentPage
    from cms.news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    department = provision_department(
        slug=PAYLOAD_SITE,
        name_vi=f"Sở {PAYLOADS[0]}",
        name_en=f"Department {PAYLOADS[13]}",
        hostname="so-xss.test",
    )
    home = department.site.root_page.specific
    home.summary = PAYLOADS[1]
    home.short_description = PAYLOADS[2]
    home.save_revision().publish()
    locale = home.locale
    news_index = NewsIndexPage.objects.child_of(home).get()
    documents_index = LegalDocumentIndexPage.objects.child_of(home).get()

    for number, payload in enumerate(PAYLOADS):
        category = NewsCategory.objects.create(
            name=f"Chuyên mục {number} {payload}"[:100], slug=f"cm-{number}", locale=locale
        )
        article = NewsArticlePage(
            title=payload,
            slug=f"tin-{number}",
            summary=payload,
            published_date=timezone.now(),
            author=payload[:200],
            source=payload[:255],
            body=_body(payload),
            show_on_portal=True,
        )
        article.categories = [category]
        article.tags.add(f"thẻ {number} {payload}"[:100])
        _publish(news_index, article)

        topic = Topic.objects.create(
            name=f"Lĩnh vực {payload}"[:200], slug=f"linh-vuc-{number}", locale=locale
        )
        _publish(
            documents_index,
            LegalDocumentPage(
                title=f"Văn bản {number} {payload}",
                slug=f"van-ban-{number}",
                summary=payload,
                number=f"{number}/{payload}"[:100],
                document_type="decision",
                issuing_body=payload[:255],
                signer=payload[:200],
                signed_date=date(2026, 11, 22),
                topic=topic,
            ),
        )

    settings = SiteSettings.for_site(department.site)
    menu_item = {"label": "", "label_en": "", "page": None, "url": SAFE_URL, "children": []}
    settings.navigation = [
        ("item", {**menu_item, "label": payload[:100], "label_en": payload[:100]})
        for payload in PAYLOADS[:8]
    ] + [
        # Only the ORM lets this through (URLBlock refuses it in the admin form).
        ("item", {**menu_item, "label": "Liên kết xấu", "url": "javascript:alert('menu')"}),
    ]
    settings.footer_links = [
        ("link", {"label": payload[:100], "label_en": payload[:100], "page": None, "url": SAFE_URL})
        for payload in PAYLOADS[8:16]
    ]
    settings.banner_text = PAYLOADS[3][:255]
    settings.banner_text_en = PAYLOADS[16][:255]
    settings.contact_block = f"<p>Liên hệ</p>{PAYLOADS[1]}{PAYLOADS[4]}{PAYLOADS[10]}"
    settings.contact_block_en = f"<p>Contact</p>{PAYLOADS[2]}{PAYLOADS[5]}"
    settings.save()
