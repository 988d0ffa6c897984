"""Render one site in one language: the records generator on Pelican's settings.

Pelican provides the settings, the Jinja environment (theme chain, template
overrides, i18n extension) and the Generator base class; its own generators
and writer, which find nothing to do here, are not run.
"""

import logging
import tempfile
import time
from pathlib import Path

from jinja2 import BytecodeCache
from pelican.settings import read_settings

from .job import RenderResult
from .themes import theme_chain


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process.

    Pelican makes a new Jinja environment for every run, and compiling the
    theme's templates is a third of a one-page incremental build. Entries are
    keyed by template name and a checksum of its source, so an edited
    template is compiled again.
    """

    def __init__(self):
        self.buckets = {}

    def load_bytecode(self, bucket):
        code = self.buckets.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.buckets[bucket.key] = bucket.bytecode_to_string()


JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,  # templates never change during a build: no stat() per render
    "bytecode_cache": MemoryBytecodeCache(),
}
# Pelican's own output types, all switched off: the records generator writes the site.
PELICAN_SAVE_AS = [
    "ARTICLE_SAVE_AS",
    "ARTICLE_LANG_SAVE_AS",
    "DRAFT_SAVE_AS",
    "DRAFT_LANG_SAVE_AS",
    "PAGE_SAVE_AS",
    "PAGE_LANG_SAVE_AS",
    "DRAFT_PAGE_SAVE_AS",
    "DRAFT_PAGE_LANG_SAVE_AS",
    "CATEGORY_SAVE_AS",
    "TAG_SAVE_AS",
    "AUTHOR_SAVE_AS",
    "ARCHIVES_SAVE_AS",
    "YEAR_ARCHIVE_SAVE_AS",
    "MONTH_ARCHIVE_SAVE_AS",
    "DAY_ARCHIVE_SAVE_AS",
    "INDEX_SAVE_AS",
    "AUTHORS_SAVE_AS",
    "CATEGORIES_SAVE_AS",
    "TAGS_SAVE_AS",
]
PELICAN_FEEDS = [
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
]
NO_PELICAN_OUTPUT = dict.fromkeys(PELICAN_SAVE_AS, "")
NO_FEEDS = dict.fromkeys(PELICAN_FEEDS)

# Pelican builds its reStructuredText reader even when no .rst file exists and
# warns that docutils has no Vietnamese; nothing here is reStructuredText.
logging.getLogger("pelican.readers").addFilter(
    lambda record: "Docutils has no localization" not in record.getMessage()
)


def pelican_settings(job, content_dir):
    chain = theme_chain(job.config["theme"], Path(job.themes_dir))
    return read_settings(
        override={
            "PATH": str(content_dir),
            "OUTPUT_PATH": str(job.out_dir),
            "THEME": str(chain[0]),
            # child themes first: their templates win, "!theme/x.html" reaches the base
            "THEME_TEMPLATES_OVERRIDES": [
                str(folder / "templates") for folder in reversed(chain[1:])
            ],
            "THEME_STATIC_PATHS": [],
            "STATIC_PATHS": [],
            "SITEURL": job.base_url,
            "SITENAME": job.config["name"].get(job.lang, job.slug),
            "DEFAULT_LANG": job.lang,
            "TIMEZONE": "Asia/Ho_Chi_Minh",
            "DIRECT_TEMPLATES": [],
            "PAGINATED_TEMPLATES": {},
            "DELETE_OUTPUT_DIRECTORY": False,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "JINJA_ENVIRONMENT": JINJA_ENVIRONMENT,
            "CONG_JOB": job,
            **NO_PELICAN_OUTPUT,
            **NO_FEEDS,
        }
    )


def records_generator(job, scratch):
    """The records generator for `job`, on Pelican's settings and Jinja environment.

    Pelican.run() would also build its own article, page, static and template
    generators, each finding nothing to do, and a writer the records generator
    does not use: the generator is made and driven here instead.
    """
    from .generator import RecordsGenerator

    settings = pelican_settings(job, scratch)
    return RecordsGenerator(
        context=settings.copy(),
        settings=settings,
        path=scratch,
        theme=settings["THEME"],
        output_path=job.out_dir,
    )


def render(job) -> RenderResult:
    """Render one language of one site into job.out_dir."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cong-empty-content-") as content_dir:
        generator = records_generator(job, content_dir)
        generator.generate_context()
        generator.generate_output(None)
    return generator.result(seconds=time.perf_counter() - started)
