"""What one render of one language of one site takes in, and what it gives back.

A RenderJob is plain picklable data (it crosses into a render worker); it is
made in one place, `render_job()` in build/render/__init__.py, and read-only
from then on. The records generator answers with a RenderResult.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PreviousRender:
    """What the last build of this language left in its manifest (incremental builds)."""

    outputs: dict  # {file: [key, digest]}: a file whose key is unchanged is not rendered
    hashes: dict | None  # {record id: hash}
    related: dict | None  # {news id: [related ids]}
    base_key: str | None  # key of what every page of the language shares


@dataclass(frozen=True)
class RenderJob:
    slug: str
    lang: str
    config: dict  # SiteConfig.as_dict()
    base_url: str
    out_dir: str
    assets: dict  # {theme asset name: hashed path}
    csp: str
    themes_dir: str
    records_path: str | None = None  # a render file, read by the worker...
    records: list | None = None  # ...or the records themselves (in-process renders)
    context: dict = field(default_factory=dict)  # the export's site context
    portal: dict | None = None  # {"url", "name"} of the portal
    site_names: dict | None = None  # {slug: {lang: name}} of every site of the build
    record_hashes: dict | None = None  # {record id: hash}: inputs of output keys
    asset_base: str | None = None  # where pages find the assets (the CMS preview)
    previous: PreviousRender | None = None


@dataclass(frozen=True)
class RenderResult:
    lang: str
    files: int
    outputs: dict  # {file: [key, digest]} of every output of this render
    base_key: str
    related: dict  # {news id: [ids it shows as related]}
    seconds: float = 0.0
