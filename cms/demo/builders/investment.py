"""Projects calling for investment, every one translated to English."""

from datetime import date
from decimal import Decimal

from cms.investment.models import InvestmentIndexPage, InvestmentProjectPage

from ..content.investment import DEMO_USD_RATE, INCENTIVES, INFRASTRUCTURE, PROJECTS
from ..content.sites import DEMO_SITES
from ..media import ensure_document, ensure_image
from ..translations import Strings, page_slug, translate_page
from . import add_page, child_with_slug, paragraphs_html

SITES = {site.slug: site for site in DEMO_SITES}


def _grouped(number, sep):
    return f"{number:,}".replace(",", sep)


def money_pair(amount, currency):
    """(vi, en) wording of an amount, e.g. ("1.450 tỷ đồng", "VND 1,450 billion")."""
    if currency == "VND":
        billions = amount // 1_000_000_000
        return f"{_grouped(billions, '.')} tỷ đồng", f"VND {_grouped(billions, ',')} billion"
    millions = Decimal(amount) / 1_000_000
    text = f"{millions:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} triệu USD", f"USD {text} million"


def equivalent(amount, currency):
    if currency == "VND":
        return money_pair(round(amount / DEMO_USD_RATE, -5), "USD")
    return money_pair(amount * DEMO_USD_RATE, "VND")


def _objectives(what, scale, amount, currency):
    total = money_pair(amount, currency)
    other = equivalent(amount, currency)
    return (
        f"Đầu tư xây dựng {what[0]}, {scale[0]}. Tổng vốn đầu tư dự kiến {total[0]} (tương "
        f"đương khoảng {other[0]}).",
        f"Building {what[1]}, {scale[1]}. Estimated total investment {total[1]} (about "
        f"{other[1]}).",
    )


def build_investment(departments, snippets, report):
    for row in PROJECTS:
        (site_slug, code, title, sector, location, address, coordinates, area) = row[:8]
        (amount, currency, form, status, what, scale, incentives, deadline, featured) = row[8:]
        department = departments[site_slug]
        site = SITES[site_slug]
        index = InvestmentIndexPage.objects.child_of(department.site.root_page).first()
        slug = page_slug(title[0])
        if child_with_slug(index, slug) is not None:
            continue
        collection = department.collection
        images = []
        strings = Strings()
        for label_vi, label_en, motif in (
            ("Phối cảnh", "Perspective", "city"),
            ("Vị trí", "Location", "map"),
        ):
            image, created = ensure_image(
                f"{label_vi}: {title[0]}",
                collection,
                palette_key=site_slug,
                motif=motif,
                caption=f"{label_vi}: {title[0]}",
            )
            report.created("images", int(created))
            alt = (f"{label_vi} dự án {title[0]}", f"{label_en} of the {title[1]} project")
            strings.add_pairs([alt])
            images.append(
                ("image", {"image": image, "alt_text": alt[0], "caption": "", "credit": ""})
            )
        profile, created = ensure_document(
            f"Hồ sơ dự án {code}: {title[0]}", collection, lines=[title[1], address[1]]
        )
        report.created("documents", int(created))
        objectives = _objectives(what, scale, amount, currency)
        # An unknown area is left out, never written as 0.
        area_text = (
            (f", diện tích {area.replace('.', ',')} ha", f", {area} ha") if area else ("", "")
        )
        summary = (
            f"{what[0][0].upper()}{what[0][1:]} tại {address[0]}{area_text[0]}.",
            f"{what[1][0].upper()}{what[1][1:]} at {address[1]}{area_text[1]}.",
        )
        page = InvestmentProjectPage(
            title=title[0],
            slug=slug,
            summary=summary[0],
            project_code=code,
            sector=snippets["sector"][sector],
            location=snippets["unit"][location],
            address=address[0],
            latitude=Decimal(str(coordinates[0])) if coordinates else None,
            longitude=Decimal(str(coordinates[1])) if coordinates else None,
            land_area_ha=Decimal(area) if area else None,
            total_investment=Decimal(amount),
            currency=currency,
            investment_form=form,
            status=status,
            objectives=paragraphs_html([objectives[0]]),
            incentives=paragraphs_html([INCENTIVES[incentives][0]]),
            infrastructure=paragraphs_html([INFRASTRUCTURE[0]]),
            contact_agency=site.name[0],
            contact_phone=site.phone,
            contact_email=site.email,
            deadline=date(*deadline) if deadline else None,
            attachments=[("document", {"document": profile, "title": ""})],
            images=images,
            featured=featured,
        )
        add_page(index, page)
        report.created("investment projects")
        strings.add_pairs(
            [summary, address, objectives, INCENTIVES[incentives], INFRASTRUCTURE, site.name]
        )
        translate_page(page, strings, en_title=title[1])
        report.created("English investment translations")
