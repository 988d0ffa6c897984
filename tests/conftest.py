"""Fixtures shared by every test package."""

import pytest


@pytest.fixture
def make_department(db):
    """Provision a department (site, both locale trees, groups, workflow) by slug."""
    from cms.departments.provisioning import provision_department

    def make(slug, name_vi=None, name_en=None, *, is_portal=False):
        return provision_department(
            slug=slug,
            name_vi=name_vi or f"Sở thử nghiệm {slug}",
            name_en=name_en or f"Test department {slug}",
            hostname=f"{slug}.test",
            is_portal=is_portal,
        )

    return make
