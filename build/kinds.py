"""The table of content kinds: one row per content family.

Every package that treats kinds differently reads this table and nothing
else: export checks its specs against it, render takes templates, listings,
facets, home lists and the portal's aggregation from it, search takes the
searchable kinds, their labels and text fields from it, and the static
`api/<kind>.json` files are written for every row with a section index.

Adding a content family is a row here, plus its Wagtail model, its export
spec (build/export/pages.py) and its templates (themes/*/templates/<kind>.html).
The table is plain data: render and search interpret the facet readers and
home-list selections by name, so nothing here imports them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FacetSpec:
    """One listing filter: its URL segment, label msgid, and how to read a value.

    reader is a name that build/render/listings.py interprets:
      "choice"      a choice field and its translated "<field>_label"
      "snippet"     a snippet value {"key", "name"}
      "text"        a plain text field
      "year"        the year of a date field (or of the record's date)
      "period"      "period_start–period_end"
      "categories"  the record's categories
      "capital"     the ranges of a total investment
    """

    name: str
    label: str
    reader: str
    field: str = ""


@dataclass(frozen=True)
class HomeList:
    """A list on the home page: its template variable, length and selection.

    select is a name that build/render/generator.py interprets: "latest",
    "featured" (items with fields.featured), "featured_or_latest".
    """

    name: str
    count: int
    select: str = "latest"


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # gettext msgid of the family's name, as search facets show it
    fields: tuple = ()  # the keys of record["fields"] (see build/records.py)
    model: str = ""  # the Wagtail page model, "app_label.ModelName"
    has_index: bool = True  # a section index page (kind "<name>_index") lists it
    searchable: bool = True
    aggregated: bool = False  # the portal lists every such record of every department
    facets: tuple = ()
    search_text: tuple = ()  # fields whose text search indexes besides title and body
    home: tuple = ()

    @property
    def index_kind(self):
        return f"{self.name}_index" if self.has_index else None


HOME_LATEST = 6
HOME_FEATURED = 3
HOME_QUICK_LINKS = 5

DOCUMENT_FIELDS = (
    "number",
    "document_type",
    "document_type_label",
    "issuing_body",
    "signer",
    "signed_date",
    "effective_date",
    "expiry_date",
    "topic",
    "status",
    "status_label",
)
PLANNING_FIELDS = (
    "plan_type",
    "plan_type_label",
    "decision_number",
    "decision_date",
    "issuing_authority",
    "period_start",
    "period_end",
    "vision_year",
    "area",
    "status",
    "status_label",
    "maps",
    "consultation_deadline",
    "consultation_email",
    "links",
)
PROJECT_FIELDS = (
    "project_code",
    "sector",
    "location",
    "address",
    "latitude",
    "longitude",
    "land_area_ha",
    "total_investment",
    "currency",
    "investment_form",
    "investment_form_label",
    "status",
    "status_label",
    "objectives_html",
    "incentives_html",
    "infrastructure_html",
    "contact_agency",
    "contact_phone",
    "contact_email",
    "deadline",
    "featured",
    "images",
)
PROCEDURE_FIELDS = (
    "code",
    "topic",
    "implementing_agency",
    "steps",
    "dossier",
    "processing_time",
    "fees",
    "legal_basis_html",
    "result",
    "online_level",
    "online_level_label",
    "online_url",
)
HOME_FIELDS = (
    "agency_name",
    "short_description",
    "logo",
    "address",
    "phone",
    "hotline",
    "email",
    "working_hours",
    "leaders",
    "functions_html",
    "organisation_chart",
)

KIND_TABLE = (
    Kind(
        "news",
        "News",
        fields=("author", "source", "featured", "show_on_portal", "related"),
        model="news.NewsArticlePage",
        facets=(FacetSpec("category", "Category", "categories"),),
        search_text=("author", "source"),
        home=(
            HomeList("latest_news", HOME_LATEST),
            HomeList("featured_news", HOME_FEATURED, "featured"),
        ),
    ),
    Kind(
        "document",
        "Legal documents",
        fields=DOCUMENT_FIELDS,
        model="documents.LegalDocumentPage",
        aggregated=True,
        facets=(
            FacetSpec("type", "Document type", "choice", "document_type"),
            FacetSpec("issuer", "Issuing body", "text", "issuing_body"),
            FacetSpec("year", "Year", "year", "signed_date"),
            FacetSpec("field", "Field", "snippet", "topic"),
        ),
        search_text=("issuing_body", "signer", "status_label"),
        home=(HomeList("latest_documents", HOME_QUICK_LINKS),),
    ),
    Kind(
        "planning",
        "Planning",
        fields=PLANNING_FIELDS,
        model="planning.PlanningDocumentPage",
        aggregated=True,
        facets=(
            FacetSpec("type", "Plan type", "choice", "plan_type"),
            FacetSpec("status", "Status", "choice", "status"),
            FacetSpec("district", "Area", "snippet", "area"),
            FacetSpec("period", "Period", "period"),
        ),
        search_text=("plan_type_label", "issuing_authority", "status_label"),
    ),
    Kind(
        "project",
        "Investment projects",
        fields=PROJECT_FIELDS,
        model="investment.InvestmentProjectPage",
        aggregated=True,
        facets=(
            FacetSpec("sector", "Sector", "snippet", "sector"),
            FacetSpec("district", "Location", "snippet", "location"),
            FacetSpec("form", "Investment form", "choice", "investment_form"),
            FacetSpec("status", "Status", "choice", "status"),
            FacetSpec("capital", "Total investment", "capital"),
        ),
        search_text=(
            "project_code",
            "address",
            "investment_form_label",
            "status_label",
            "objectives_html",
            "incentives_html",
            "infrastructure_html",
            "contact_agency",
        ),
        home=(HomeList("featured_projects", HOME_FEATURED, "featured_or_latest"),),
    ),
    Kind(
        "procedure",
        "Administrative procedures",
        fields=PROCEDURE_FIELDS,
        model="procedures.ProcedurePage",
        aggregated=True,
        facets=(
            FacetSpec("field", "Field", "snippet", "topic"),
            FacetSpec("agency", "Implementing agency", "text", "implementing_agency"),
            FacetSpec("level", "Online service", "choice", "online_level"),
        ),
        search_text=(
            "code",
            "implementing_agency",
            "steps",
            "dossier",
            "result",
            "processing_time",
        ),
        home=(HomeList("latest_procedures", HOME_QUICK_LINKS),),
    ),
    # Published questions and answers; never any personal data of the sender.
    Kind(
        "qa",
        "Questions and answers",
        fields=(
            "question",
            "answer_html",
            "topic",
            "asked_date",
            "answered_date",
            "department",
            "category",
            "category_label",
        ),
        model="feedback.QuestionAnswerPage",
        facets=(FacetSpec("field", "Field", "snippet", "topic"),),
    ),
    Kind("page", "Information pages", model="core.StandardPage", has_index=False),
    Kind(
        "home",
        "Home",
        fields=HOME_FIELDS,
        model="core.SiteHomePage",
        has_index=False,
        searchable=False,
    ),
)

KIND_BY_NAME = {kind.name: kind for kind in KIND_TABLE}

# Every value record["kind"] can take: the families and their section indexes.
KINDS = tuple(
    name for kind in KIND_TABLE for name in (kind.name, kind.index_kind) if name is not None
)
# Kinds a person searches for.
SEARCHABLE_KINDS = tuple(kind.name for kind in KIND_TABLE if kind.searchable)
# Kinds whose every record the portal lists too (a copy linking to the department's page).
AGGREGATED_KINDS = tuple(kind.name for kind in KIND_TABLE if kind.aggregated)
# Kinds listed under a section index: {kind: index kind}.
INDEX_KIND = {kind.name: kind.index_kind for kind in KIND_TABLE if kind.has_index}
# Kinds with a detail template of their own (themes/*/templates/<kind>.html).
DETAIL_KINDS = (*INDEX_KIND, "page")
FIELDS_BY_KIND = {kind.name: kind.fields for kind in KIND_TABLE if kind.fields}
KIND_LABELS = {kind.name: kind.label for kind in KIND_TABLE if kind.searchable}


def facets_of(kind):
    row = KIND_BY_NAME.get(kind)
    return row.facets if row else ()


def search_text_of(kind):
    row = KIND_BY_NAME.get(kind)
    return row.search_text if row else ()


__all__ = [
    "AGGREGATED_KINDS",
    "DETAIL_KINDS",
    "FIELDS_BY_KIND",
    "INDEX_KIND",
    "KIND_BY_NAME",
    "KIND_LABELS",
    "KIND_TABLE",
    "KINDS",
    "SEARCHABLE_KINDS",
    "FacetSpec",
    "HomeList",
    "Kind",
]
