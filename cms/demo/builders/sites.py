"""Departments (via provisioning), their home pages, about pages and site settings."""

from wagtail.models import Site

from cms.core.models import SiteSettings, StandardPage
from cms.departments.models import Department
from cms.departments.provisioning import provision_department

from ..content.sites import DEMO_SITES, FOOTER_LINKS
from ..media import ensure_image
from ..translations import Strings, translate_page
from . import paragraphs_html

DEV_PORT = 8000  # `manage.py runserver` / the dev server: page URLs in the admin work as is


def ensure_departments(report):
    """Provision every demo site that does not exist yet; return {slug: Department}."""
    departments = {}
    for site in DEMO_SITES:
        department = Department.objects.filter(slug=site.slug).first()
        if department is None:
            department = provision_department(
                slug=site.slug,
                name_vi=site.name[0],
                name_en=site.name[1],
                hostname=site.hostname,
                port=DEV_PORT,
                is_portal=site.is_portal,
            )
            report.created("sites")
        departments[site.slug] = department
    return departments


def _leader_blocks(site, department, report):
    blocks, strings = [], Strings()
    for leader in site.leaders:
        photo, created = ensure_image(
            f"Ảnh chân dung: {leader.name}",
            department.collection,
            palette_key=site.slug,
            motif="portrait",
            caption=leader.name,
            size=(480, 600),
        )
        report.created("images", int(created))
        blocks.append(
            (
                "leader",
                {
                    "name": leader.name,
                    "role": leader.role[0],
                    "photo": photo,
                    "phone": leader.phone,
                    "email": leader.email,
                    "responsibilities": leader.responsibilities[0],
                },
            )
        )
        strings.add_pairs([leader.role, leader.responsibilities])
    return blocks, strings


def fill_home_page(site, department, report):
    """Contact details, leaders and functions, in Vietnamese and English (Decree 42/2022)."""
    home = department.site.root_page.specific
    if home.address:
        return home
    leaders, strings = _leader_blocks(site, department, report)
    logo, created = ensure_image(
        f"Biểu trưng: {site.name[0]}",
        department.collection,
        palette_key=site.slug,
        caption=site.name[0],
        size=(600, 600),
    )
    report.created("images", int(created))
    home.agency_name = site.name[0]
    home.summary = site.short_description[0]
    home.short_description = site.short_description[0]
    home.logo = logo
    home.address = site.address[0]
    home.phone = site.phone
    home.hotline = site.hotline
    home.email = site.email
    home.working_hours = site.working_hours[0]
    home.leaders = leaders
    home.functions = paragraphs_html(vi for vi, _en in site.functions)
    home.save_revision().publish()
    strings.add_pairs(
        [site.name, site.short_description, site.address, site.working_hours, *site.functions]
    )
    translate_page(home, strings)
    return home


def fill_about_page(site, department, report):
    home = department.site.root_page
    about = StandardPage.objects.child_of(home).filter(slug="gioi-thieu").first()
    if about is None or about.body:
        return about
    # Functions and leaders are printed by the About template from the home
    # page's fields: the body carries only the introduction (one source each).
    about.summary = site.short_description[0]
    about.body = [("paragraph", paragraphs_html(vi for vi, _en in site.about))]
    about.save_revision().publish()
    strings = Strings().add_pairs([*site.about, site.short_description])
    translate_page(about, strings)
    report.created("about pages")
    return about


SECTION_LABELS = [
    ("gioi-thieu", "Giới thiệu", "About us"),
    ("tin-tuc", "Tin tức", "News"),
    ("van-ban", "Văn bản", "Documents"),
    ("quy-hoach", "Quy hoạch", "Planning"),
    ("du-an-dau-tu", "Dự án đầu tư", "Investment"),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", "Procedures"),
]


def fill_site_settings(site, department, departments, report):
    settings = SiteSettings.for_site(department.site)
    if settings.navigation:
        return settings
    home = department.site.root_page
    navigation = []
    for slug, label_vi, label_en in SECTION_LABELS:
        page = home.get_children().filter(slug=slug).first()
        if page is not None:
            navigation.append(
                (
                    "item",
                    {
                        "label": label_vi,
                        "label_en": label_en,
                        "page": page,
                        "url": "",
                        "children": [],
                    },
                )
            )
    if site.is_portal:
        children = [
            {
                "label": other.name_vi,
                "label_en": other.name_en,
                "page": other.site.root_page,
                "url": "",
            }
            for slug, other in departments.items()
            if slug != site.slug
        ]
        navigation.append(
            (
                "item",
                {
                    "label": "Sở, ngành",
                    "label_en": "Departments",
                    "page": None,
                    "url": "",
                    "children": children,
                },
            )
        )
    settings.navigation = navigation
    settings.footer_links = [
        ("link", {"label": vi, "label_en": en, "page": None, "url": url})
        for vi, en, url in FOOTER_LINKS
    ]
    settings.banner_text = site.short_description[0][:255]
    settings.banner_text_en = site.short_description[1][:255]
    settings.contact_block = (
        f"<p><b>{site.name[0]}</b></p><p>{site.address[0]}</p>"
        f"<p>Điện thoại: {site.phone}, đường dây nóng: {site.hotline}</p>"
    )
    settings.contact_block_en = (
        f"<p><b>{site.name[1]}</b></p><p>{site.address[1]}</p>"
        f"<p>Phone: {site.phone}, hotline: {site.hotline}</p>"
    )
    settings.save()
    settings.social_links.create(network="facebook", url=f"https://facebook.com/{site.slug}.longan")
    settings.social_links.create(network="zalo", url=f"https://zalo.me/{site.slug}longan")
    report.created("site settings")
    return settings


def build_sites(report):
    departments = ensure_departments(report)
    for site in DEMO_SITES:
        department = departments[site.slug]
        fill_home_page(site, department, report)
        fill_about_page(site, department, report)
        fill_site_settings(site, department, departments, report)
    Site.clear_site_root_paths_cache()
    return departments
