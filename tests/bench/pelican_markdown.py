"""Baseline (b): stock Pelican building the same articles from Markdown files.

    python -m tests.bench.pelican_markdown --records var/bench/var/build/bench-1000/records.jsonl
        --work var/bench/pelican/bench-1000

Writes each news record of the records file as a Markdown file (title, date,
language, category, a shared slug so Pelican links the two languages as
translations; the body as plain paragraphs and a heading), then runs Pelican
4.12 in this process with its default theme and default settings (feeds,
pagination, category/tag/author/archive pages). Prints one JSON line.
"""

import argparse
import html
import json
import re
import resource
import shutil
import sys
import time
from pathlib import Path

TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"<(h[1-6]|p)\b[^>]*>(.*?)</\1>", re.S)


def markdown_body(body_html):
    parts = []
    for tag, inner in BLOCK.findall(body_html):
        text = html.unescape(TAG.sub("", inner)).strip()
        if text:
            parts.append(f"## {text}" if tag.startswith("h") else text)
    return "\n\n".join(parts)


def write_markdown(records_path, content_dir):
    content_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    with open(records_path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["kind"] != "news":
                continue
            slug = record["translation_key"]
            category = (record.get("categories") or [{"name": "News"}])[0]["name"]
            front = (
                f"Title: {record['title']}\nDate: {record['date'][:19].replace('T', ' ')}\n"
                f"Lang: {record['lang']}\nSlug: {slug}\nCategory: {category}\n"
                f"Summary: {record.get('summary') or ''}\n\n"
            )
            path = content_dir / f"{slug}-{record['lang']}.md"
            path.write_text(front + markdown_body(record["body_html"]) + "\n", encoding="utf-8")
            count += 1
    return count


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args(argv)
    content, output = args.work / "content", args.work / "output"
    shutil.rmtree(args.work, ignore_errors=True)
    articles = write_markdown(args.records, content)
    settings = args.work / "pelicanconf.py"
    settings.write_text(
        'SITENAME = "Bench"\nSITEURL = ""\nDEFAULT_LANG = "vi"\nTIMEZONE = "Asia/Ho_Chi_Minh"\n'
        "DEFAULT_PAGINATION = 10\n",
        encoding="utf-8",
    )
    from pelican import main as pelican_main

    started = time.perf_counter()
    pelican_main([str(content), "-o", str(output), "-s", str(settings), "-q"])
    seconds = time.perf_counter() - started
    files = sum(1 for p in output.rglob("*") if p.is_file())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"seconds": round(seconds, 2), "pages": articles, "files": files}
    result["peak_mib"] = round(peak, 1)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
