"""Load test of the search API on loopback: requests/s, p50/p99 latency, errors.

    .venv/bin/python -m tests.bench.load_search [--seconds 60] [--documents 20000]
        [--connections 8] [--tool auto|wrk|python]
    make bench-load [LOAD_SECONDS=60]

1. An embedded tantivy index of synthetic bilingual documents (the corpus
   of tests/bench/bench_search.py), kept in var/bench/ and reused while its
   size and schema match.
2. `python -m search.api` in its own process on a free loopback port, with
   the per-client rate limit raised (SEARCH_RATE / SEARCH_BURST, search/api.py)
   because every simulated visitor comes from 127.0.0.1.
3. Load from another process for a bounded time: wrk (Debian's package) with a
   Lua script cycling through a mix of Vietnamese (accented and folded,
   document numbers, filters, second pages) and English queries, or, without
   wrk, this module's own client (`drive`, threads, http.client).
4. A short second run against a server with the default limit, to show that
   429 answers appear when the limit is on.

Prints the figures and writes var/bench/load_search.json. Asserts nothing.
"""

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

PROJECT_DIR = Path(__file__).resolve().parents[2]
BENCH_DIR = PROJECT_DIR / "var" / "bench"
RAISED_LIMIT = {"SEARCH_RATE": "1000000", "SEARCH_BURST": "1000000"}
DEFAULT_LIMIT = {"SEARCH_RATE": "5", "SEARCH_BURST": "30"}  # search/api.py's defaults

# What people type into a provincial portal's search box (Vietnamese with and
# without accents, document numbers, procedures), and English visitors' queries.
VIETNAMESE = [
    "đầu tư",
    "dau tu",
    "quy hoạch",
    "quy hoach su dung dat",
    "thủ tục hành chính",
    "khu công nghiệp",
    "ủy ban nhân dân tỉnh",
    "kế hoạch phát triển kinh tế xã hội",
    "quyết định",
    "thông báo tuyển dụng",
    "giấy phép xây dựng",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "du lịch",
    "chuyển đổi số",
    "giáo dục",
    "y tế",
    "giao thông",
    "hạ tầng đô thị",
    "doanh nghiệp",
    "nông nghiệp",
    "thuế",
    "12/KH-UBND",
    "120 kh ubnd",
    "2513khubnd",
    "hội nghị xúc tiến đầu tư",
    "dự án năng lượng điện gió",
]
ENGLISH = [
    "investment",
    "investment incentives",
    "industrial park",
    "land use planning",
    "administrative procedures",
    "tourism",
    "digital transformation",
    "business registration",
    "export",
    "infrastructure project",
]
SITES = ["portal", "so-1", "so-2", "so-3"]
KINDS = ["news", "document", "planning", "project", "procedure", "page"]

WRK_SCRIPT = r"""
-- Cycles through the query paths in args[1]; counts answers by status.
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  counter = offset
  ok, limited, other = 0, 0, 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 429 then limited = limited + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local ok_, limited_, other_ = 0, 0, 0
  for _, thread in ipairs(threads) do
    ok_ = ok_ + thread:get("ok")
    limited_ = limited_ + thread:get("limited")
    other_ = other_ + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p90_ms": %.3f, ' ..
    '"p99_ms": %.3f, "max_ms": %.3f, "status_200": %d, "status_429": %d, ' ..
    '"status_other": %d, "socket_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    ok_, limited_, other_, e.connect + e.read + e.write, e.timeout))
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# -- the index -----------------------------------------------------------------


def ensure_index(documents):
    """The index file for this corpus size, built unless a matching one is kept."""
    from search.backends import BackendUnavailable
    from search.backends.embedded import SCHEMA_VERSION, TantivyBackend
    from tests.bench.bench_search import Corpus

    path = BENCH_DIR / f"load-search-{documents}-v{SCHEMA_VERSION}"
    if path.is_symlink():
        backend = TantivyBackend(path)
        try:
            if backend.health()["documents"] == documents:
                print(f"index: reusing {path.relative_to(PROJECT_DIR)} ({documents:,} documents)")
                return path
        except BackendUnavailable:
            pass
        finally:
            backend.close()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    print(f"index: building {documents:,} synthetic documents into {path.name} …", flush=True)
    corpus = Corpus()
    started = time.perf_counter()
    backend = TantivyBackend(path)
    backend.rebuild(corpus.document(n) for n in range(documents))
    backend.close()
    print(f"index: built in {time.perf_counter() - started:.0f} s")
    return path


# -- the query mix -----------------------------------------------------------


def query_paths(documents, count=2000, seed=11):
    """Request paths: 60% typed Vietnamese, 15% English, 25% the bench corpus's own shapes."""
    from tests.bench.bench_search import Corpus

    rng = random.Random(seed)
    corpus_queries = Corpus(seed=seed).queries(documents, count=count // 4)
    paths = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.60:
            params = {"q": rng.choice(VIETNAMESE)}
            extra = rng.random()
            if extra < 0.25:
                params["lang"] = "vi"
            elif extra < 0.35:
                params["site"] = rng.choice(SITES)
            elif extra < 0.45:
                params["kind"] = rng.choice(KINDS)
            elif extra < 0.50:
                params["page"] = "2"
        elif roll < 0.75:
            params = {"q": rng.choice(ENGLISH), "lang": "en"}
        else:
            request = corpus_queries[i % len(corpus_queries)]
            params = {"q": request.text, **request.filters()}
            if request.lang:
                params["lang"] = request.lang
        paths.append("/api/search?" + urlencode(params))
    return paths


# -- the server ----------------------------------------------------------------


def sites_json(folder):
    from tests.bench.bench_search import write_sites_json

    write_sites_json(folder)


def start_api(index_path, folder, limit):
    port = free_port()
    env = {
        **os.environ,
        "SEARCH_INDEX_PATH": str(index_path),
        "DIST_DIR": str(folder),
        "LOG_LEVEL": "WARNING",
        **limit,
    }
    env.pop("ELASTICSEARCH_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "search.api", "--host", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT_DIR,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/api/health", timeout=5).read()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the search API did not start") from None
            time.sleep(0.1)


def stop_api(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# -- load generators (each in its own process) ---------------------------------


def run_wrk(base, paths_file, seconds, connections, threads):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        command = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            base,
            "--",
            str(paths_file),
        ]
        output = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("WRK-RESULT "))
    return json.loads(line.removeprefix("WRK-RESULT "))


def run_python_driver(base, paths_file, seconds, connections):
    command = [
        sys.executable,
        "-m",
        "tests.bench.load_search",
        "drive",
        "--base",
        base,
        "--paths",
        str(paths_file),
        "--seconds",
        str(seconds),
        "--connections",
        str(connections),
    ]
    output = subprocess.run(
        command, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def drive(base, paths, seconds, connections):
    """The fallback client: ``connections`` threads, one http.client connection each.

    The API answers HTTP/1.0 and closes each connection; http.client opens
    the next one by itself, as wrk does.
    """
    import http.client

    parts = urlsplit(base)
    latencies, counts, lock = [], {"200": 0, "429": 0, "other": 0, "errors": 0}, threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, i = [], offset
        local = {"200": 0, "429": 0, "other": 0, "errors": 0}
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                connection.request("GET", paths[i % len(paths)])
                response = connection.getresponse()
                response.read()
                mine.append((time.perf_counter() - started) * 1000)
                key = str(response.status) if response.status in (200, 429) else "other"
                local[key] += 1
            except (OSError, http.client.HTTPException):
                local["errors"] += 1
                connection.close()
            i += connections
        with lock:
            latencies.extend(mine)
            for key, value in local.items():
                counts[key] += value

    threads = [threading.Thread(target=client, args=(n * 7919,)) for n in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "seconds": round(elapsed, 3),
        "p50_ms": percentile(latencies, 0.50),
        "p90_ms": percentile(latencies, 0.90),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": max(latencies, default=0.0),
        "status_200": counts["200"],
        "status_429": counts["429"],
        "status_other": counts["other"],
        "socket_errors": counts["errors"],
        "timeouts": 0,
    }


def load(tool, base, paths_file, seconds, connections, threads):
    if tool == "wrk":
        return run_wrk(base, paths_file, seconds, connections, threads)
    return run_python_driver(base, paths_file, seconds, connections)


def describe(result):
    errors = result["status_other"] + result["socket_errors"] + result["timeouts"]
    return (
        f"{result['requests'] / result['seconds']:,.0f} requests/s "
        f"({result['requests']:,} in {result['seconds']:.0f} s), "
        f"p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
        f"max {result['max_ms']:.0f} ms; 200: {result['status_200']:,}, "
        f"429: {result['status_429']:,}, errors: {errors}"
    )


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["drive"]:
        parser = argparse.ArgumentParser(prog="load_search drive")
        parser.add_argument("--base", required=True)
        parser.add_argument("--paths", required=True)
        parser.add_argument("--seconds", type=float, required=True)
        parser.add_argument("--connections", type=int, required=True)
        args = parser.parse_args(argv[1:])
        paths = Path(args.paths).read_text(encoding="utf-8").splitlines()
        print(json.dumps(drive(args.base, paths, args.seconds, args.connections)))
        return

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of the main run")
    parser.add_argument("--documents", type=int, default=20_000, help="size of the index")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--limit-seconds", type=int, default=5, help="the rate-limit check")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args(argv)
    tool = args.tool
    if tool == "auto":
        tool = "wrk" if shutil.which("wrk") else "python"

    index_path = ensure_index(args.documents)
    with tempfile.TemporaryDirectory(prefix="load-search-") as folder:
        folder = Path(folder)
        sites_json(folder)
        paths_file = folder / "paths.txt"
        paths_file.write_text("\n".join(query_paths(args.documents)) + "\n", encoding="utf-8")

        process, base = start_api(index_path, folder, RAISED_LIMIT)
        try:
            for path in query_paths(args.documents, count=50, seed=3):  # warm the caches
                urllib.request.urlopen(base + path, timeout=30).read()
            print(
                f"load: {tool}, {args.connections} connections, {args.seconds} s, "
                f"rate limit raised to SEARCH_RATE={RAISED_LIMIT['SEARCH_RATE']} "
                f"SEARCH_BURST={RAISED_LIMIT['SEARCH_BURST']} (all clients are 127.0.0.1)",
                flush=True,
            )
            main_run = load(tool, base, paths_file, args.seconds, args.connections, args.threads)
            # The machine is shared: the load average tells how much else ran.
            main_run["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        finally:
            stop_api(process)
        print(f"  {describe(main_run)}")

        process, base = start_api(index_path, folder, DEFAULT_LIMIT)
        try:
            limited = load(
                tool,
                base,
                paths_file,
                args.limit_seconds,
                min(args.connections, 4),
                min(args.threads, 2),
            )
        finally:
            stop_api(process)
        print(
            f"rate limit on (SEARCH_RATE={DEFAULT_LIMIT['SEARCH_RATE']}, "
            f"SEARCH_BURST={DEFAULT_LIMIT['SEARCH_BURST']}), {args.limit_seconds} s:\n"
            f"  {describe(limited)}"
        )

    report = {
        "measured": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": tool,
        "documents": args.documents,
        "connections": args.connections,
        "seconds": args.seconds,
        "rate_limit_during_load": RAISED_LIMIT,
        "query_mix": "60% Vietnamese (accented, folded, document numbers, filters), "
        "15% English, 25% synthetic corpus queries",
        "result": main_run,
        "rate_limit_check": {"limit": DEFAULT_LIMIT, **limited},
    }
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    out = BENCH_DIR / "load_search.json"
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"wrote {out.relative_to(PROJECT_DIR)}")


if __name__ == "__main__":
    main()
