"""Home page, language switch, filters and accessibility of the static sites in chromium."""

import pytest

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_PAGES = [
    "/portal/vi/",
    "/portal/en/",
    "/so-khdt/vi/",
    "/so-khdt/vi/tin-tuc/",
    "/so-khdt/vi/tin-tuc/tin-1/",
    "/so-khdt/en/news/article-1/",
    "/so-khdt/vi/van-ban/",
    "/so-khdt/vi/van-ban/qd-2513/",
    "/so-khdt/en/investment/park-a/",
    "/so-khdt/vi/thu-tuc-hanh-chinh/cap-gcn/",
    "/so-khdt/vi/quy-hoach/quy-hoach-tinh/",
    "/so-khdt/vi/gioi-thieu/",
    "/so-khdt/vi/tim-kiem/",
    "/so-khdt/vi/404.html",
]


def test_home_page_and_language_switch(page, site_server):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{site_server}/so-khdt/vi/")
    assert page.get_attribute("html", "lang") == "vi"
    assert page.locator("h1").first.inner_text() == "Cơ quan so-khdt"
    # keyboard: the first Tab reaches the skip link, which moves focus to <main>
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.click('a[hreflang="en"]')
    page.wait_for_url(f"{site_server}/so-khdt/en/")
    assert page.get_attribute("html", "lang") == "en"
    page.goto(f"{site_server}/so-khdt/en/news/article-2/")
    page.click('a[hreflang="vi"]')
    page.wait_for_url(f"{site_server}/so-khdt/vi/tin-tuc/tin-2/")
    assert errors == []  # includes Content-Security-Policy violations


def test_filter_enhanced_with_javascript(page, site_server):
    page.goto(f"{site_server}/so-khdt/vi/du-an-dau-tu/")
    select = page.locator("select#filter-capital")
    select.wait_for()
    assert page.locator("details.facet").first.is_hidden()  # the no-JS links gave way to the form
    assert page.locator("select#filter-capital option").count() == 2  # "—" and the one range
    select.select_option("over-1000")
    page.locator("select#filter-sector").select_option("cong-nghiep")
    items = page.locator("#filtered-items li")
    assert items.count() == 1
    assert items.first.inner_text().startswith("Khu công nghiệp A")
    assert "capital=over-1000" in page.url and "sector=cong-nghiep" in page.url
    assert page.locator("[role=status]").inner_text() == "1 / 1"
    # clearing every filter brings back the static list
    select.select_option("")
    page.locator("select#filter-sector").select_option("")
    assert page.locator("#filtered-items").is_hidden()
    assert page.locator("#listing-items").is_visible()


def test_filter_works_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/so-khdt/en/documents/")
    page.click("details.facet >> nth=0 >> summary")
    page.click("text=Decision")
    page.wait_for_url(f"{site_server}/so-khdt/en/documents/type/decision/")
    assert "Decision 2513" in page.locator("main").inner_text()
    context.close()


def test_no_horizontal_scrolling_at_390_px(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in ("/so-khdt/vi/", "/so-khdt/vi/van-ban/", "/so-khdt/vi/van-ban/qd-2513/"):
        page.goto(site_server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    context.close()


def test_axe_finds_no_serious_or_critical_violations(browser, site_server, axe_source):
    # axe is injected as an inline script, which the pages' own CSP forbids
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    problems = {}
    for path in AXE_PAGES:
        page.goto(site_server + path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        bad = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            problems[path] = bad
    context.close()
    assert problems == {}
