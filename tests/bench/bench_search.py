"""Search benchmarks: embedded-index throughput, query latency, API requests/s.

    .venv/bin/python -m tests.bench.bench_search [--sizes 10000,100000] [--api-seconds 5]

Synthetic bilingual documents (3/4 Vietnamese with Zipf-distributed syllables
and legal document numbers, 1/4 English), indexed with a full rebuild into a
fresh SQLite file; then query latency over a mixed workload (folded and
accented Vietnamese, phrases, document numbers, English, with and without
filters), measured through the backend's search() including facets and
snippets; then requests/s of `python -m search.api` on loopback. Prints
figures; asserts nothing (goals: indexing > 2,000 docs/s, p95 < 20 ms at 100k).
CPU time is printed next to wall time: on a shared, busy machine wall time
mostly measures waiting for a core.
"""

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.request
from itertools import accumulate
from pathlib import Path
from urllib.parse import urlencode

from search.backends import SearchRequest
from search.backends.sqlite import SQLiteBackend
from search.documents import SearchDocument

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


def bench_index(size, folder):
    corpus = Corpus()
    documents = [corpus.document(n) for n in range(size)]
    backend = SQLiteBackend(Path(folder) / f"search-{size}.sqlite3")
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
    mib = os.path.getsize(backend.path) / 2**20
    print(f"  index file: {mib:.0f} MiB")
    return backend, corpus


def bench_queries(backend, corpus, size):
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
    return percentile(timings, 0.95)


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


def bench_api(backend, corpus, size, seconds, clients=4):
    folder = Path(tempfile.mkdtemp(prefix="bench-api-"))
    write_sites_json(folder)
    port = free_port()
    env = {
        **os.environ,
        "SEARCH_SQLITE_PATH": str(backend.path),
        "DIST_DIR": str(folder),
        "SEARCH_RATE": "1000000",
        "SEARCH_BURST": "1000000",
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "search.api", "--port", str(port)], cwd=PROJECT_DIR, env=env
    )
    base = f"http://127.0.0.1:{port}/api/search?"
    urls = []
    for request in corpus.queries(size, count=200):
        params = {"q": request.text, **request.filters()}
        if request.lang:
            params["lang"] = request.lang
        urls.append(base + urlencode(params))
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(urls[0], timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        latencies, errors, stop = [], [], time.perf_counter() + seconds

        def client(offset):
            i = offset
            while time.perf_counter() < stop:
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(urls[i % len(urls)], timeout=10) as response:
                        response.read()
                    latencies.append((time.perf_counter() - started) * 1000)
                except OSError as exc:
                    errors.append(exc)
                i += clients

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        f"  API on loopback ({clients} clients, {elapsed:.0f} s): "
        f"{len(latencies) / elapsed:,.0f} requests/s, p50 {percentile(latencies, 0.5):.1f} ms, "
        f"p95 {percentile(latencies, 0.95):.1f} ms, {len(errors)} errors"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--api-seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"search, embedded SQLite FTS5, {size:,} documents:")
            backend, corpus = bench_index(size, folder)
            bench_queries(backend, corpus, size)
            if args.api_seconds > 0:
                bench_api(backend, corpus, size, args.api_seconds)
            backend.close()


if __name__ == "__main__":
    main()
