"""Administrative procedures with steps, dossier and downloadable forms (.docx and .pdf)."""

from cms.procedures.models import ProcedureIndexPage, ProcedurePage

from ..content.procedures import AGENCY, LEGAL_BASIS, PROCEDURES, STEPS
from ..media import ensure_document
from ..translations import Strings, page_slug, translate_page
from . import add_page, child_with_slug, paragraphs_html


def _forms(code, name, first_item, collection, report):
    """The application form of the first dossier item, as Word (to fill in) and PDF."""
    lines = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        f"{first_item[0]} ({first_item[1]})",
        f"Thủ tục: {name[0]} – mã {code}",
        "Họ và tên / Tên tổ chức: ........................................",
        "Địa chỉ: .......................................................",
        "Số điện thoại: .........................",
        "Nội dung đề nghị: ..............................................",
    ]
    forms = []
    for kind in ("docx", "pdf"):
        document, created = ensure_document(
            f"Mẫu {code}: {first_item[0]} ({kind})", collection, lines=lines, kind=kind
        )
        report.created("documents", int(created))
        forms.append(("document", {"document": document, "title": ""}))
    return forms


def build_procedures(departments, snippets, report):
    for number, row in enumerate(PROCEDURES):
        (site_slug, code, name, topic, time, fees, result, online, dossier) = row
        department = departments[site_slug]
        index = ProcedureIndexPage.objects.child_of(department.site.root_page).first()
        slug = page_slug(name[0])
        if child_with_slug(index, slug) is not None:
            continue
        forms = _forms(code, name, dossier[0], department.collection, report)
        agency = AGENCY[site_slug]
        summary = (
            f"Thủ tục do {agency[0]} giải quyết; thời hạn {time[0]}.",
            f"Handled by the {agency[1]}; processing time {time[1]}.",
        )
        page = ProcedurePage(
            title=name[0],
            slug=slug,
            summary=summary[0],
            code=code,
            topic=snippets["topic"][topic],
            implementing_agency=agency[0],
            steps=[("step", {"title": t[0], "description": d[0]}) for t, d in STEPS],
            dossier=[("item", {"name": vi, "copies": "01 bản chính"}) for vi, _en in dossier],
            processing_time=time[0],
            fees=fees[0],
            legal_basis=paragraphs_html([LEGAL_BASIS[0]]),
            result=result[0],
            forms=forms,
            online_level=online,
            online_url=(
                f"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
                if online != "none"
                else ""
            ),
        )
        add_page(index, page)
        report.created("procedures")
        if number % 2 == 0:
            strings = Strings().add_pairs(
                [summary, agency, time, fees, result, LEGAL_BASIS, *dossier]
            )
            for step_title, step_text in STEPS:
                strings.add_pairs([step_title, step_text])
            strings.add("01 bản chính", "1 original")
            translate_page(page, strings, en_title=name[1])
            report.created("English procedure translations")
