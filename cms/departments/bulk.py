"""Many subsites from one CSV file: read, check, plan, then provision row by row.

Every row goes through provision_department (the code behind create_department),
each in its own transaction, so a bad row is reported with its line number and
the others still go in. Running the same file again changes nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from wagtail.models import Site

from .models import Department, Kind, validate_base_url

COLUMNS = (
    "slug",
    "kind",
    "name_vi",
    "name_en",
    "hostname",
    "parent",
    "address",
    "phone",
    "email",
    "base_url",
)
REQUIRED = ("slug", "kind", "name_vi", "name_en", "hostname")
CONTACT = ("address", "phone", "email")
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
PHONE = re.compile(r"^[0-9 +().-]{3,50}$")


class CsvFormatError(ValueError):
    """The file as a whole cannot be read (no header, unknown columns)."""


@dataclass
class Row:
    line: int
    values: dict
    errors: list = field(default_factory=list)
    action: str = ""  # create | update | unchanged

    @property
    def slug(self):
        return self.values["slug"]


def _valid_hostname(host):
    labels = host.split(".")
    return len(host) <= 253 and len(labels) >= 2 and all(HOST_LABEL.match(x) for x in labels)


def read_rows(text):
    """Rows of the file with their line numbers; lines starting with '#' are comments."""
    lines = ["" if line.lstrip().startswith("#") else line for line in text.splitlines()]
    # Comments become blank lines (which csv yields as []), so line numbers stay true.
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = next((cells for cells in reader if cells), None)
    if header is None:
        raise CsvFormatError("no header line (expected: " + ",".join(COLUMNS) + ")")
    header = [name.strip() for name in header]
    unknown = sorted(set(header) - set(COLUMNS))
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing:
        raise CsvFormatError(
            f"header: unknown columns {unknown}, missing {missing} (expected: {','.join(COLUMNS)})"
        )
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        row = Row(line=reader.line_num, values=dict.fromkeys(COLUMNS, ""))
        row.values.update({name: cell.strip() for name, cell in zip(header, cells, strict=False)})
        if len(cells) > len(header):
            row.errors.append("more fields than the header has columns")
        rows.append(row)
    return rows


def _check_row(row):
    v = row.values
    for name in REQUIRED:
        if not v[name]:
            row.errors.append(f"'{name}' is empty")
    if v["slug"]:
        try:
            validate_slug(v["slug"])
        except ValidationError:
            row.errors.append(f"slug {v['slug']!r}: only letters, digits, '-' and '_'")
    if v["kind"] and v["kind"] not in Kind.values:
        row.errors.append(f"kind {v['kind']!r}: must be one of {', '.join(Kind.values)}")
    v["hostname"] = v["hostname"].lower()
    if v["hostname"] and not _valid_hostname(v["hostname"]):
        row.errors.append(f"hostname {v['hostname']!r} is not a host name")
    if v["email"]:
        try:
            validate_email(v["email"])
        except ValidationError:
            row.errors.append(f"email {v['email']!r} is not an e-mail address")
    if v["base_url"]:
        try:
            validate_base_url(v["base_url"])
        except ValidationError:
            row.errors.append(f"base_url {v['base_url']!r}: an http(s) URL without a final '/'")
    if v["phone"] and not PHONE.match(v["phone"]):
        row.errors.append(f"phone {v['phone']!r}: digits, spaces and + ( ) . - only")
    if v["parent"] and v["parent"] == v["slug"]:
        row.errors.append("a unit cannot be its own parent")


def _check_against_each_other(rows, existing):
    """Duplicates in the file, host names taken by other sites, unknown parents."""
    seen_slugs, seen_hosts = {}, {}
    host_owner = {
        site.hostname: getattr(site, "department", None)
        for site in Site.objects.select_related("department")
    }
    for row in rows:
        slug, host = row.values["slug"], row.values["hostname"]
        if slug in seen_slugs:
            row.errors.append(f"slug {slug!r} already on line {seen_slugs[slug]}")
        seen_slugs.setdefault(slug, row.line)
        if host in seen_hosts:
            row.errors.append(f"hostname {host!r} already on line {seen_hosts[host]}")
        seen_hosts.setdefault(host, row.line)
        owner = host_owner.get(host)
        if host in host_owner and (owner is None or owner.slug != slug):
            taken_by = owner.slug if owner else "a site outside any department"
            row.errors.append(f"hostname {host!r} is taken by {taken_by}")
    good = {row.slug for row in rows if not row.errors}
    for row in rows:
        parent = row.values["parent"]
        if parent and parent not in existing and parent not in good:
            row.errors.append(
                f"parent {parent!r} is neither in the CMS nor a good row of this file"
            )


def _action(row, department):
    if department is None:
        return "create"
    v = row.values
    home = department.site.root_page.specific
    same = (
        department.name_vi == v["name_vi"]
        and department.name_en == v["name_en"]
        and department.kind == v["kind"]
        and department.site.hostname == v["hostname"]
        and (department.parent.slug if department.parent else "") == v["parent"]
        and all(getattr(home, key) == v[key] for key in CONTACT if v[key])
        and (not v["base_url"] or department.base_url == v["base_url"])
    )
    return "unchanged" if same else "update"


def plan(rows):
    """Check every row and decide what it does; rows keep their errors."""
    existing = {d.slug: d for d in Department.objects.select_related("site__root_page", "parent")}
    for row in rows:
        _check_row(row)
    _check_against_each_other(rows, existing)
    for row in rows:
        if not row.errors:
            row.action = _action(row, existing.get(row.slug))
    return rows


def _in_dependency_order(rows):
    """Parents before their children, whatever the order in the file."""
    pending = [row for row in rows if not row.errors and row.action != "unchanged"]
    in_file = {row.slug for row in pending}
    done, ordered = set(), []
    while pending:
        ready = [r for r in pending if r.values["parent"] not in in_file - done]
        if not ready:  # a cycle of parents inside the file
            for row in pending:
                row.errors.append("its parent chain in this file is a cycle")
            break
        for row in ready:
            ordered.append(row)
            done.add(row.slug)
        pending = [r for r in pending if r not in ready]
    return ordered


def apply(rows, provision):
    """Provision the planned rows; a row that fails gets the error and the rest go on."""
    for row in _in_dependency_order(rows):
        v = row.values
        parent = Department.objects.filter(slug=v["parent"]).first() if v["parent"] else None
        if v["parent"] and parent is None:
            row.errors.append(f"parent {v['parent']!r} could not be provisioned")
            continue
        try:
            department = provision(
                slug=v["slug"],
                name_vi=v["name_vi"],
                name_en=v["name_en"],
                hostname=v["hostname"],
                kind=v["kind"],
                parent=parent,
                contact={key: v[key] for key in CONTACT if v[key]},
            )
            if v["base_url"] and department.base_url != v["base_url"]:
                Department.objects.filter(pk=department.pk).update(base_url=v["base_url"])
        except Exception as error:  # noqa: BLE001 - reported with the line, others go on
            row.errors.append(f"not provisioned: {error}")
    return rows
