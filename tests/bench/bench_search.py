"""Search benchmarks: embedded-index throughput, query latency, API requests/s.

    .venv/bin/python -m tests.bench.bench_search [--sizes 20000,100000]
        [--backends tantivy,sqlite] [--api-seconds 10] [--output var/bench/search.json]
    make bench-search

Synthetic bilingual documents (3/4 Vietnamese with Zipf-distributed syllables
and legal document numbers, 1/4 English), indexed with a full rebuild into a
fresh index of each backend; then query latency over a mixed workload (folded
and accented Vietnamese, phrases, document numbers, English, with and without
filters), measured through the backend's search() including facets and
snippets; then requests/s of the search API under gunicorn (as deployed) on
loopback with 8 connections (wrk, or this package's own client). Prints the
figures and writes one row per backend and size to var/bench/search.json.
Asserts nothing (goals at 100k: query CPU p95 < 10 ms, index < 200 MiB,
> 3,000 docs per CPU-second; API > 300 requests/s at 20k).
CPU time is printed next to wall time: on a shared, busy machine wall time
mostly measures waiting for a core.
"""

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
from itertools import accumulate
from pathlib import Path
from urllib.parse import urlencode

from search.backends import SearchRequest
from search.documents import SearchDocument
from search.suggest import suggestions

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _words(text):
    return text.split()


SITES = ["portal"] + [f"so-{i}" for i in range(1, 20)]
KINDS = ["news", "document", "planning", "project", "procedure", "page"]
ONSETS = _words("b c ch d đ g gi h k kh l m n ng nh ph qu r s t th tr v x") + [""]
NUCLEI = _words(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oi ôi ơi ua uô ưa ươ ui"
)
CODAS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
COMMON_VI = _words(
    "của và các có được trong cho là với năm tỉnh này đã theo đầu tư kế hoạch quy hoạch "
    "phát triển ủy ban nhân dân sở dự án khu công nghiệp đô thị thủ tục hành chính văn bản "
    "quyết định thông báo hội nghị kinh tế xã hội huyện thành phố doanh nghiệp"
)
ENGLISH = _words(
    "the of and to in for on with province investment investments project plan planning "
    "development industrial park zone department people committee decision document "
    "procedure administrative economic social district city enterprise business incentive "
    "incentives infrastructure land rent tax trade export tourism agriculture transport "
    "energy water environment education health digital transformation report meeting"
)


def syllable(rng):
    nucleus = rng.choice(NUCLEI)
    tone = rng.choice(TONES)
    marked = nucleus[0] + tone + nucleus[1:]
    return unicodedata.normalize("NFC", rng.choice(ONSETS) + marked + rng.choice(CODAS))


class Corpus:
    def __init__(self, seed=7, vocabulary=6000):
        self.rng = random.Random(seed)
        tail = {syllable(self.rng) for _ in range(vocabulary)}
        self.vi_words = COMMON_VI + sorted(tail - set(COMMON_VI))
        self.vi_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.vi_words))))
        self.en_words = ENGLISH + [f"term{i}" for i in range(3000)]
        self.en_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.en_words))))

    def words(self, lang, count):
        if lang == "vi":
            return self.rng.choices(self.vi_words, cum_weights=self.vi_weights, k=count)
        return self.rng.choices(self.en_words, cum_weights=self.en_weights, k=count)

    def document(self, number):
        rng = self.rng
        lang = "en" if number % 4 == 3 else "vi"
        kind = KINDS[number % len(KINDS)]
        site = SITES[number % len(SITES)]
        year = 2015 + number % 11
        doc_number = f"{number}/KH-UBND" if kind == "document" else ""
        title = " ".join(self.words(lang, rng.randint(6, 14))).capitalize()
        body = " ".join(self.words(lang, rng.randint(150, 450)))
        if doc_number:
            body = f"Theo văn bản {doc_number}, {body}"
        return SearchDocument(
            id=f"{site}/{lang}/{number}",
            site=site,
            site_name=site,
            lang=lang,
            kind=kind,
            title=title,
            url=f"https://{site}.example.gov.vn/{lang}/{kind}/{number}/",
            summary=" ".join(self.words(lang, 25)),
            body=body,
            date=f"{year}-0{1 + number % 9}-1{number % 10}",
            year=year,
            document_number=doc_number,
        )

    def queries(self, size, count=300):
        from search.text import fold

        rng, queries = self.rng, []
        for i in range(count):
            shape = i % 6
            if shape == 0:  # two accented syllables
                text, filters = " ".join(self.words("vi", 2)), {}
            elif shape == 1:  # the same, folded, in one language
                text, filters = fold(" ".join(self.words("vi", 2))), {"lang": "vi"}
            elif shape == 2:  # a three-syllable phrase on one site
                text, filters = " ".join(self.words("vi", 3)), {"site": rng.choice(SITES)}
            elif shape == 3:  # a document number, in one of its written forms
                n = rng.randrange(0, size) // len(KINDS) * len(KINDS) + 1
                form = rng.choice([f"{n}/KH-UBND", f"{n} kh ubnd", f"{n}khubnd"])
                text, filters = form, {"kind": "document"}
            elif shape == 4:  # English
                text, filters = " ".join(self.words("en", 2)), {"lang": "en"}
            else:  # a common word with kind and year filters
                text = rng.choice(COMMON_VI[:25])
                filters = {"kind": rng.choice(KINDS), "year": rng.randint(2015, 2025)}
            queries.append(SearchRequest(text=text, **filters))
        return queries


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# The SQLite FTS5 backend measured side by side in the same run before it was removed:
# search/README.md keeps its figures.
BACKENDS = ("tantivy",)
ROW_KEYS = (
    "backend",
    "documents",
    "index_mib",
    "docs_per_cpu_s",
    "query_cpu_p50_ms",
    "query_cpu_p95_ms",
    "query_wall_p95_ms",
    "api_requests_per_s",
    "api_p99_ms",
)


def make_backend(name, folder, size):
    from search.backends.embedded import TantivyBackend

    if name != "tantivy":
        raise SystemExit(f"unknown embedded backend {name!r}")
    return TantivyBackend(Path(folder) / f"search-{size}")


def index_mib(backend):
    """Size of the live generation's folder."""
    path = Path(backend.path)
    path = path.parent / os.readlink(path)
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def bench_index(name, size, folder, row):
    corpus = Corpus()
    documents = [corpus.document(n) for n in range(size)]
    backend = make_backend(name, folder, size)
    started, started_cpu = time.perf_counter(), time.process_time()
    backend.rebuild(iter(documents))
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    print(
        f"  full rebuild: {size} docs in {seconds:.1f} s = {size / seconds:,.0f} docs/s "
        f"({size / cpu:,.0f} docs per CPU-second)"
    )
    changed = [corpus.document(n) for n in range(0, min(size, 1000))]
    started = time.perf_counter()
    backend.upsert(changed)
    seconds = time.perf_counter() - started
    print(f"  incremental upsert of {len(changed)} docs: {len(changed) / seconds:,.0f} docs/s")
    row["index_mib"] = round(index_mib(backend), 1)
    row["docs_per_cpu_s"] = round(size / cpu)
    print(f"  index on disk: {row['index_mib']:.0f} MiB")
    return backend, corpus


def bench_queries(backend, corpus, size, row):
    queries = corpus.queries(size)
    for request in queries[:20]:  # warm the page cache and the connection
        backend.search(request)
    timings, cpu, totals = [], [], []
    for request in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        results = backend.search(request)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        totals.append(results.total)
    print(
        f"  query latency over {len(queries)} queries: p50 {percentile(timings, 0.5):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms "
        f"(median {statistics.median(totals):.0f} matches)\n"
        f"  query CPU time (what an idle core would take): p50 {percentile(cpu, 0.5):.1f} ms, "
        f"p95 {percentile(cpu, 0.95):.1f} ms"
    )
    row["query_cpu_p50_ms"] = round(percentile(cpu, 0.5), 2)
    row["query_cpu_p95_ms"] = round(percentile(cpu, 0.95), 2)
    row["query_wall_p95_ms"] = round(percentile(timings, 0.95), 2)


def bench_suggest(backend, corpus, count=300):
    """CPU time of suggestions for prefixes of corpus phrases (printed, not in the rows)."""
    from search.text import fold

    rng, prefixes = random.Random(5), []
    for i in range(count):
        text = " ".join(corpus.words("vi" if i % 4 else "en", rng.randint(1, 3)))
        text = text[: max(2, len(text) - rng.randint(0, 3))]
        prefixes.append(text if i % 2 else fold(text))
    for prefix in prefixes[:20]:
        suggestions(backend, prefix)
    cpu = []
    for i, prefix in enumerate(prefixes):
        started = time.process_time()
        suggestions(backend, prefix, lang="vi" if i % 3 == 0 else None)
        cpu.append((time.process_time() - started) * 1000)
    print(
        f"  suggestions for {count} prefixes, CPU: p50 {percentile(cpu, 0.5):.1f} ms, "
        f"p95 {percentile(cpu, 0.95):.1f} ms"
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_sites_json(folder):
    """The corpus's sites as a dist/sites.json in `folder` (what the search API reads)."""
    sites = [
        {
            "slug": s,
            "name_vi": s,
            "name_en": s,
            "base_url": f"https://{s}.example.gov.vn",
            "languages": ["vi", "en"],
        }
        for s in SITES
    ]
    (folder / "sites.json").write_text(json.dumps(sites), encoding="utf-8")


def backend_env(backend):
    """Environment pointing the search API at this backend's index."""
    return {"SEARCH_INDEX_PATH": str(backend.path)}


def start_api(env_extra, folder):
    """The search API under gunicorn (as deployed) on a free loopback port."""
    port = free_port()
    env = {
        **os.environ,
        **env_extra,
        "DIST_DIR": str(folder),
        "SEARCH_RATE": "1000000",
        "SEARCH_BURST": "1000000",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("ELASTICSEARCH_URL", None)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:search.gunicorn_conf",
        "--bind",
        f"127.0.0.1:{port}",
        "search.wsgi:application",
    ]
    server = subprocess.Popen(command, cwd=PROJECT_DIR, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/health", timeout=5).read()
            return server, base
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("the search API did not start") from None
            time.sleep(0.2)


def bench_api(backend, corpus, size, seconds, row, connections=8):
    from tests.bench.load_search import load

    folder = Path(tempfile.mkdtemp(prefix="bench-api-"))
    write_sites_json(folder)
    paths = []
    for request in corpus.queries(size, count=200):
        params = {"q": request.text, **request.filters()}
        if request.lang:
            params["lang"] = request.lang
        paths.append("/api/search?" + urlencode(params))
    paths_file = folder / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    server, base = start_api(backend_env(backend), folder)
    try:
        for path in paths[:40]:  # warm every worker's reader
            urllib.request.urlopen(base + path, timeout=30).read()
        tool = "wrk" if shutil.which("wrk") else "python"
        result = load(tool, base, paths_file, int(seconds), connections, 2)
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)
    row["api_requests_per_s"] = round(result["requests"] / result["seconds"], 1)
    row["api_p99_ms"] = round(result["p99_ms"], 1)
    errors = result["status_other"] + result["socket_errors"] + result["timeouts"]
    print(
        f"  API under gunicorn on loopback ({tool}, {connections} connections, "
        f"{result['seconds']:.0f} s): {row['api_requests_per_s']:,.0f} requests/s, "
        f"p50 {result['p50_ms']:.1f} ms, p99 {row['api_p99_ms']:.1f} ms, {errors} errors"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--backends", default=",".join(BACKENDS), help=argparse.SUPPRESS)
    parser.add_argument("--api-seconds", type=float, default=10.0)
    parser.add_argument("--output", default=str(PROJECT_DIR / "var" / "bench" / "search.json"))
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            for name in args.backends.split(","):
                print(f"search, embedded {name}, {size:,} documents:", flush=True)
                row = dict.fromkeys(ROW_KEYS)
                row.update(backend=name, documents=size)
                backend, corpus = bench_index(name, size, folder, row)
                bench_queries(backend, corpus, size, row)
                bench_suggest(backend, corpus)
                if args.api_seconds > 0:
                    bench_api(backend, corpus, size, args.api_seconds, row)
                backend.close()
                rows.append(row)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
