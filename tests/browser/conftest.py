"""Browser tests: Debian's chromium driven by Playwright over the static output.

Sites are rendered from sample records into a temporary dist/ and served by
serve_sites' own server on a free port. Never `playwright install`: the
browser is /usr/bin/chromium (installed by `make test` via .ci/browser-deps.sh).
"""

import shutil
import socket
import threading
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
NAMES = {
    "portal": {"vi": "Cổng thông tin điện tử tỉnh", "en": "Provincial e-portal"},
    "so-khdt": {"vi": "Sở Kế hoạch và Đầu tư", "en": "Department of Planning and Investment"},
}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """Root URL of a server showing the portal and one department."""
    from build.plan import aggregate_for_portal
    from build.render import render_site
    from build.siteconfig import load_site_config
    from cms.publishing.management.commands.serve_sites import make_server
    from tests.build.sample_records import site_records

    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    dist = tmp_path_factory.mktemp("browser-dist")
    department = site_records("so-khdt", news_count=15, start_id=1000, base_url=root)
    portal = site_records("portal", news_count=2, start_id=5000, base_url=root)
    portal += aggregate_for_portal(department, "so-khdt", f"{root}/so-khdt")
    for slug, records in (("so-khdt", department), ("portal", portal)):
        render_site(
            slug=slug,
            records=records,
            config=load_site_config(slug, names=NAMES[slug]),
            base_url=f"{root}/{slug}",
            out_dir=dist / slug,
            portal={"url": f"{root}/portal", "name": NAMES["portal"]},
        )
        pdf = dist / slug / "media/documents/qd-2513.abc123.pdf"
        pdf.parent.mkdir(parents=True)
        pdf.write_bytes(b"%PDF-1.4\n")
    server = make_server("127.0.0.1", port, dist, "http://127.0.0.1:8090/api/search")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root
    server.shutdown()
    server.server_close()
    shutil.rmtree(dist, ignore_errors=True)


@pytest.fixture
def axe_source():
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run `npm ci` (make browser-deps does)")
    return AXE.read_text("utf-8")
