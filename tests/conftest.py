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


# One Playwright at a time: its sync API runs an event loop in the main thread,
# and a second sync_playwright() while one is open fails ("Sync API inside the
# asyncio loop"), so every browser test uses this fixture, opened per module.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    import os
    from pathlib import Path

    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}); run `make browser-deps`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # While Playwright's loop exists, Django refuses ORM calls from this thread
    # unless told that the synchronous test code is deliberate.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def transactional_browser(monkeypatch):
    """A browser opened per test, for tests on the transactional database.

    The module-scoped `browser` is set up before the test's database fixture;
    with `transaction=True, serialized_rollback=True` that order loses the
    restored rows between tests, so those tests open their own, one at a time.
    """
    from pathlib import Path

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}); run `make browser-deps`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
