"""Theme chain and static assets.

A theme is a folder under themes/ with templates/, static/ and translations/.
A theme may name a parent in theme.toml (`extends = "portal"`); Pelican then
gets the parent as THEME and the child's templates as THEME_TEMPLATES_OVERRIDES,
so a child template can `{% extends "!theme/base.html" %}`.

Static files get content-hashed names (site.3f9a1c2b.css) so that they can be
cached for a year; templates ask for them by logical name through `asset()`.
"""

import gettext
import hashlib
import tomllib
from pathlib import Path

from jinja2 import pass_context

from build.siteconfig import THEMES_DIR


def theme_chain(name, themes_dir: Path = THEMES_DIR):
    """[base theme dir, …, this theme dir]."""
    chain = []
    seen = set()
    while name:
        if name in seen:
            raise ValueError(f"theme {name!r} extends itself")
        seen.add(name)
        folder = themes_dir / name
        if not (folder / "templates").is_dir():
            raise ValueError(f"theme {name!r}: no templates folder in {folder}")
        chain.insert(0, folder)
        meta = folder / "theme.toml"
        name = tomllib.loads(meta.read_text("utf-8")).get("extends") if meta.is_file() else None
    return chain


def static_files(chain):
    """{logical name: source path}; a child theme's file replaces its parent's."""
    files = {}
    for folder in chain:
        static = folder / "static"
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                if path.is_file():
                    files[path.relative_to(static).as_posix()] = path
    return files


def hashed_name(logical, content: bytes):
    digest = hashlib.sha256(content).hexdigest()[:10]
    stem, dot, ext = logical.rpartition(".")
    return f"{stem}.{digest}.{ext}" if dot else f"{logical}.{digest}"


def write_static(chain, out_dir: Path):
    """Copy the theme's static files under out_dir/static with hashed names.

    Returns the manifest {logical name: path below the site root}.
    """
    manifest = {}
    for logical, source in static_files(chain).items():
        content = source.read_bytes()
        target = f"static/{hashed_name(logical, content)}"
        dest = out_dir / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(content)
        manifest[logical] = "/" + target
    return manifest


def translations(chain, lang):
    """gettext translations for lang: the child theme's catalogue first, then its parents'."""
    result = None
    for folder in reversed(chain):
        catalogue = gettext.translation(
            "messages", localedir=str(folder / "translations"), languages=[lang], fallback=True
        )
        if result is None:
            result = catalogue
        else:
            result.add_fallback(catalogue)
    return result


def install_translations(env, catalogue):
    """Jinja's newstyle gettext for `catalogue`, each message made once per render.

    Jinja's own callable looks the message up, wraps it in Markup and formats
    it on every call (tens of calls a page); without variables the answer is
    always the same, so it is kept. Same output: the same Markup % variables.
    """
    env.install_gettext_translations(catalogue, newstyle=True)
    original = env.globals["gettext"]
    made = {}

    @pass_context
    def gettext(context, string, **variables):
        if variables or not context.eval_ctx.autoescape:
            return original(context, string, **variables)
        found = made.get(string)
        if found is None:
            found = made[string] = original(context, string)
        return found

    env.globals["gettext"] = gettext
    env.globals["_"] = gettext  # Jinja's "_" only looks "gettext" up and calls it
