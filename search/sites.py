"""The list of public sites (dist/sites.json, written by the build), reloaded when it changes.

It gives the search API the known site slugs (to validate `site=`), the
names shown with results, and the CORS origins (exactly the sites' origins).
The file's format and reading belong to build/sitesfile.py.
"""

from build.sitesfile import SitesFile, origin_of

__all__ = ["SitesDirectory", "origin_of"]


class SitesDirectory(SitesFile):
    def slugs(self):
        return set(self.sites())

    def name(self, slug, lang):
        entry = self.sites().get(slug) or {}
        return entry.get(f"name_{lang}") or entry.get("name_vi") or ""
