"""The owner of var/build/<slug>/records.jsonl and its per-language render files.

records.jsonl holds a site's own records, one JSON object a line, in
record_order: search indexes it, the portal aggregates from it, the next
incremental build starts from it. render.<lang>.jsonl holds what one language
renders in a full build (the site's records of that language plus the
portal's aggregated copies): a render worker parses only its own language.
Every package reads and writes these files through this module.
"""

import json
import re
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from build.records import LANGUAGES
from build.render.outputs import record_hash

RECORDS_NAME = "records.jsonl"
MEDIA_REF = re.compile(r'/media/[^"\s?#<>\\]+')


def render_name(lang):
    return f"render.{lang}.jsonl"


def jsonl_line(record):
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_lines(path: Path, lines):
    """Write `lines` to `path` through a temporary file: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.writelines(lines)
    tmp.replace(path)


def write_jsonl(path: Path, records):
    write_lines(path, map(jsonl_line, records))


def read_records(path):
    """Records of a JSON-lines file, one by one; a malformed line is an error naming it."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not a JSON record ({exc.msg})") from exc


def read_jsonl(path: Path):
    return list(read_records(path))


def read_language(path, lang):
    """The records of one language in a render file (or records.jsonl)."""
    return [r for r in read_records(path) if r["lang"] == lang]


def read_by_id(path: Path):
    """({id: record}, {id: its JSON line}) of a records file: an update merges into both."""
    by_id, lines = {}, {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                by_id[record["id"]] = record
                lines[record["id"]] = line if line.endswith("\n") else jsonl_line(record)
    return by_id, lines


@dataclass(frozen=True)
class WrittenRecords:
    paths: dict  # {lang: render file}
    hashes: dict  # {lang: {id: hash of the record's line}}: inputs of output keys
    media: set  # "/media/…" paths the records reference (which media files to keep)


def write_records(records_dir: Path, records, extra_render_records, languages):
    """records.jsonl and one render file per language; returns WrittenRecords.

    Streamed, each record serialised once (and hashed from that line); the
    render files also get `extra_render_records` (the portal's aggregated copies).
    """
    records_dir.mkdir(parents=True, exist_ok=True)
    paths = {lang: records_dir / render_name(lang) for lang in languages}
    temps = [
        records_dir / (RECORDS_NAME + ".tmp"),
        *(p.with_name(p.name + ".tmp") for p in paths.values()),
    ]
    with ExitStack() as stack:
        own, *per_lang = (stack.enter_context(t.open("w", encoding="utf-8")) for t in temps)
        by_lang = dict(zip(languages, per_lang, strict=True))
        hashes = {lang: {} for lang in LANGUAGES}
        media = set()
        for record in records:
            line = jsonl_line(record)
            own.write(line)
            hashes[record["lang"]][record["id"]] = record_hash(line)
            if "/media/" in line:
                media.update(MEDIA_REF.findall(line))
            if record["lang"] in by_lang:
                by_lang[record["lang"]].write(line)
        for record in extra_render_records:
            if record["lang"] in by_lang:
                line = jsonl_line(record)
                hashes[record["lang"]][record["id"]] = record_hash(line)
                by_lang[record["lang"]].write(line)
    for temp in temps:
        temp.replace(temp.with_name(temp.name.removesuffix(".tmp")))
    return WrittenRecords(paths, hashes, media)


def hash_records(records, lines, fresh_ids, previous_hashes, copies):
    """WrittenRecords (no files) of records merged by an update.

    Only new and changed records are hashed; the others keep the manifest's hash.
    """
    hashes = {lang: {} for lang in LANGUAGES}
    media = set()
    for record in records:
        record_id, lang = record["id"], record["lang"]
        line = lines[record_id]
        known = previous_hashes.get(lang, {}).get(record_id)
        hashes[lang][record_id] = (
            record_hash(line) if record_id in fresh_ids or not known else known
        )
        if "/media/" in line:
            media.update(MEDIA_REF.findall(line))
    for copy in copies:
        hashes[copy["lang"]][copy["id"]] = record_hash(jsonl_line(copy))
    return WrittenRecords({}, hashes, media)


def save_records(records_dir: Path, records, lines):
    """records.jsonl of merged records (their lines as read or made); the render
    files, stale now, are removed (a full build writes them again)."""
    write_lines(records_dir / RECORDS_NAME, (lines[r["id"]] for r in records))
    for lang in LANGUAGES:
        (records_dir / render_name(lang)).unlink(missing_ok=True)
