"""The kind table agrees with the parts that read it: export specs, templates, facets."""

from pathlib import Path

import pytest

from build.kinds import FIELDS_BY_KIND, INDEX_KIND, KIND_BY_NAME, KIND_TABLE, KINDS
from build.render.generator import HOME_SELECTIONS
from build.render.listings import FACETS, READERS

THEMES = Path(__file__).resolve().parents[2] / "themes"


@pytest.mark.django_db
def test_every_export_spec_names_its_row_and_model():
    from build.export.pages import KIND_SPECS

    exported = {spec.kind for spec in KIND_SPECS.values()}
    assert exported <= set(KINDS)
    for model, spec in KIND_SPECS.items():
        row = KIND_BY_NAME.get(spec.kind)
        if row is not None:  # a family, not a section index
            assert row.model == model._meta.label, spec.kind
    assert {row.name for row in KIND_TABLE} <= exported
    assert {row.index_kind for row in KIND_TABLE if row.has_index} <= exported


def test_every_family_with_a_listing_has_a_detail_template():
    for kind in INDEX_KIND:
        assert (THEMES / "portal" / "templates" / f"{kind}.html").is_file(), kind


def test_facets_and_home_lists_use_known_readers():
    for row in KIND_TABLE:
        for facet in row.facets:
            assert facet.reader in READERS, (row.name, facet.name)
            if facet.reader in ("choice", "snippet", "text"):
                assert facet.field in FIELDS_BY_KIND[row.name], (row.name, facet.field)
        for home in row.home:
            assert home.select in HOME_SELECTIONS, (row.name, home.name)
        assert set(row.search_text) <= set(row.fields), row.name
    assert set(FACETS) == {row.name for row in KIND_TABLE if row.facets}
