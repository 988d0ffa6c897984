"""The one redirect page: a site's root (to its first language), a moved page's old
path, a folder stub on a publish target.

The page needs nothing but its meta refresh and link, so its policy lets it
load nothing, be a base for nothing and post nowhere; search engines are told
not to index it (the target is the page to index). The location is checked
(a site path or an http(s) URL, never "javascript:" or "//host") and escaped.
No Pelican here: the publish step imports this module too.
"""

import html

REDIRECT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'"


def check_location(location):
    # A site path or an http(s) URL only: "javascript:" or "data:" in a refresh or
    # a link would run in the site's origin, and "//host" (browsers read "/\\host"
    # the same way) leaves the site.
    if not location.startswith(("/", "http://", "https://")) or location.startswith(("//", "/\\")):
        raise ValueError(f"redirect location must be a site path or URL: {location!r}")


def redirect_page(location, lang="") -> bytes:
    """A tiny HTML page that sends the visitor to ``location`` (in ``lang``, when known)."""
    check_location(location)
    target = html.escape(location, quote=True)
    html_tag = f'<html lang="{html.escape(lang, quote=True)}">' if lang else "<html>"
    return (
        f'<!doctype html>\n{html_tag}<head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{REDIRECT_CSP}">'
        f'<meta http-equiv="refresh" content="0; url={target}">'
        f'<link rel="canonical" href="{target}"><meta name="robots" content="noindex">'
        f'<title>{target}</title></head><body><a href="{target}">{target}</a></body></html>\n'
    ).encode()
