"""The one configuration of the search package (and of the build's working folders).

Inside the CMS it is made from Django settings (which read the process
environment and `.env`); outside it (the search API, scripts) from the
process environment. Either way the same names mean the same things:

    VAR_DIR, DIST_DIR        working folders (var/, dist/)
    SEARCH_INDEX_PATH        the embedded tantivy index (default VAR_DIR/search-index)
    ELASTICSEARCH_URL        set: the Elasticsearch backend; SEARCH_INDEX its alias
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Config:
    var_dir: Path
    dist_dir: Path
    index_path: Path
    elasticsearch_url: str = ""
    search_index: str = "cong-search"

    @property
    def records_dir(self):
        return self.var_dir / "build"

    @classmethod
    def from_values(cls, get):
        """From `get(name)`: a string, a path, None or "" for unset."""
        var_dir = Path(get("VAR_DIR") or PROJECT_DIR / "var")
        return cls(
            var_dir=var_dir,
            dist_dir=Path(get("DIST_DIR") or PROJECT_DIR / "dist"),
            index_path=Path(get("SEARCH_INDEX_PATH") or var_dir / "search-index"),
            elasticsearch_url=str(get("ELASTICSEARCH_URL") or "").strip(),
            search_index=get("SEARCH_INDEX") or "cong-search",
        )

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env
        return cls.from_values(env.get)

    @classmethod
    def from_settings(cls, settings):
        return cls.from_values(lambda name: getattr(settings, name, None))


def current():
    """The CMS's configuration when Django is configured in this process, else the
    environment's (the search API runs without Django)."""
    if "django.conf" in sys.modules:
        from django.conf import settings

        if settings.configured:
            return Config.from_settings(settings)
    return Config.from_env()
