"""Refresh the themes' gettext catalogues after changing template strings.

    .venv/bin/python themes/update_translations.py

Extracts every {{ _("…") }} of themes/*/templates (and search/templates), merges it into
themes/portal/translations/<lang>/LC_MESSAGES/messages.po (existing
translations are kept, new strings come in untranslated) and compiles the
.mo files the build loads. English msgids are the English text, so the en
catalogue stays untranslated on purpose.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

THEMES = Path(__file__).resolve().parent
CATALOGUES = THEMES / "portal" / "translations"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        pot_path = Path(tmp) / "messages.pot"
        subprocess.run(
            [
                Path(sys.executable).with_name("pybabel"),
                "extract",
                "-F",
                THEMES / "babel.cfg",
                "--no-location",
                "--sort-output",
                "-o",
                pot_path,
                *sorted(p for p in THEMES.iterdir() if (p / "templates").is_dir()),
                # The search API's no-JavaScript results page speaks the themes' language.
                THEMES.parent / "search",
            ],
            check=True,
            capture_output=True,
        )
        with pot_path.open("rb") as fh:
            template = read_po(fh)
    for lang in ("vi", "en"):
        po_path = CATALOGUES / lang / "LC_MESSAGES" / "messages.po"
        with po_path.open("rb") as fh:
            catalogue = read_po(fh, locale=lang)
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.obsolete.clear()
        with po_path.open("wb") as fh:
            write_po(fh, catalogue, width=100, no_location=True, sort_output=True)
        with po_path.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalogue)
        untranslated = [m.id for m in catalogue if m.id and not m.string]
        if lang == "vi" and untranslated:
            print(f"{po_path}: {len(untranslated)} untranslated: {untranslated[:5]}")


if __name__ == "__main__":
    main()
