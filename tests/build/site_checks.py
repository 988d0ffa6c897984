"""Checks over a built dist/ folder, shared by the render and site-output tests."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import html5lib

LOCAL_ROOT = "http://127.0.0.1:8080"


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.scripts = []  # (attrs, has_src)
        self.style_attrs = 0
        self.style_tags = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])
        for srcset in (attrs.get("srcset"),):
            if srcset:
                self.links += [part.strip().split(" ")[0] for part in srcset.split(",")]
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "style":
            self.style_tags += 1
        if "style" in attrs:
            self.style_attrs += 1


def html_files(root: Path):
    return sorted(p for p in root.rglob("*.html"))


def parse_html_strict(path: Path):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(path.read_bytes(), likely_encoding="utf-8")


def url_to_file(url: str, dist: Path, local_root=LOCAL_ROOT):
    """The file under dist/ that serves a local absolute URL, or None for external URLs."""
    url = urldefrag(url)[0]
    if not url.startswith(local_root + "/"):
        return None
    path = urlsplit(url).path
    target = dist / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target


def broken_links(dist: Path, local_root=LOCAL_ROOT):
    """[(page, link)] for every local link whose target file does not exist."""
    broken = []
    checked = {}
    for page in html_files(dist):
        collector = LinkCollector()
        collector.feed(page.read_text("utf-8"))
        for link in collector.links:
            if link.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            if link.startswith("/") or not urlsplit(link).scheme:
                broken.append((page, link))  # every link must be absolute
                continue
            target = url_to_file(link, dist, local_root)
            if target is None:
                continue
            if target not in checked:
                checked[target] = target.is_file()
            if not checked[target]:
                broken.append((page, link))
    return broken


def parse_xml(path: Path):
    return ET.parse(path)  # noqa: S314 - our own build output
