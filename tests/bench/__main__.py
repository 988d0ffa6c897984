"""The build benchmark behind `make bench`: python -m tests.bench --sizes 1000,5000,20000.

For each N (articles, half vi, half en, ~700 words) in a department site
"bench-<N>" of a separate benchmark database (var/bench/bench.sqlite3,
generated once with `manage.py generate_bench_content` and kept):

- full_build: Cổng's build of that site (export from the database + render),
  in-process timing of build.pipeline.Pipeline, peak memory of the build
  process plus its largest render worker;
- baseline_bakery: every live page through Django's test client (the
  Wagtail live view, which renders with the same theme) and written to disk,
  as wagtail-bakery does; time-boxed (--bakery-seconds) and extrapolated
  from the mean per page when the box runs out (the table says so);
- baseline_pelican_markdown: the same articles as Markdown files, built by
  stock Pelican with its default theme and settings;
- edit_to_live_local / edit_to_live_s3: an edited article published through
  Wagtail, until the publish step of the build task it queued has ended
  (incremental build, then the publish to dist/ or to moto's S3 server over
  HTTP after a first full sync); the median of warm edits, the cold first edit
  beside it (tests/bench/measure_cms.py).

Prints a table and writes var/bench/latest.json (one entry per measurement).
Every figure is wall time on this machine; CPU time is printed for the build
because a shared machine's wall time includes waiting for a core.
"""

import argparse
import datetime
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BENCH_DIR = PROJECT / "var" / "bench"


def bench_env():
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}",
        DIST_DIR=str(BENCH_DIR / "dist"),
        VAR_DIR=str(BENCH_DIR / "var"),
        PYTHONPATH=str(PROJECT),
    )
    return env


def run(args, *, label, json_out=True, env=None):
    """Run a command; return its last stdout line as JSON (or None)."""
    started = time.perf_counter()
    proc = subprocess.run(  # noqa: S603 - our own interpreter and modules
        [sys.executable, *args],
        cwd=PROJECT,
        env={**bench_env(), **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-2000:] + proc.stderr[-4000:])
        raise SystemExit(f"{label} failed (exit {proc.returncode})")
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if not json_out:
        return {"seconds": time.perf_counter() - started, "output": lines[-1] if lines else ""}
    return json.loads(lines[-1])


def say(text):
    print(text, flush=True)


def measure_size(n, args, entries):
    site = f"bench-{n}"
    made = run(
        [
            "manage.py",
            "generate_bench_content",
            "--articles",
            str(n),
            "--site",
            site,
            "--if-missing",
        ],
        label="generate_bench_content",
        json_out=False,
    )
    say(f"[{n}] content: {made['output']}")
    build = run(["-m", "tests.bench.measure_cms", "build", "--site", site], label="full build")
    say(
        f"[{n}] full build: {build['seconds']:.1f} s wall ({build['cpu_seconds']:.1f} s CPU), "
        f"{build['pages']} records, {build['files']} files, peak {build['peak_mib']:.0f} MiB"
    )
    entries.append(
        entry("full_build", n, build, cpu_seconds=build["cpu_seconds"], files=build["files"])
    )
    if not args.no_baselines:
        bakery = run(
            [
                "-m",
                "tests.bench.measure_cms",
                "bakery",
                "--site",
                site,
                "--seconds",
                str(args.bakery_seconds),
            ],
            label="bakery baseline",
        )
        note = (
            f" (extrapolated from {bakery['measured_pages']} pages in "
            f"{bakery['measured_seconds']:.0f} s)"
            if bakery["extrapolated"]
            else ""
        )
        say(
            f"[{n}] bakery baseline: {bakery['seconds']:.1f} s, "
            f"{bakery['ms_per_page']:.1f} ms/page{note}"
        )
        entries.append(
            entry(
                "baseline_bakery",
                n,
                bakery,
                extrapolated=bakery["extrapolated"],
                measured_pages=bakery["measured_pages"],
            )
        )
        if n <= args.pelican_max:
            records = BENCH_DIR / "var" / "build" / site / "records.jsonl"
            pelican = run(
                [
                    "-m",
                    "tests.bench.pelican_markdown",
                    "--records",
                    str(records),
                    "--work",
                    str(BENCH_DIR / "pelican" / site),
                ],
                label="pelican baseline",
            )
            say(
                f"[{n}] Pelican from Markdown: {pelican['seconds']:.1f} s, "
                f"{pelican['files']} files, peak {pelican['peak_mib']:.0f} MiB"
            )
            entries.append(entry("baseline_pelican_markdown", n, pelican, files=pelican["files"]))
        else:
            say(f"[{n}] Pelican from Markdown: skipped (N > --pelican-max {args.pelican_max})")
    edit = run(["-m", "tests.bench.measure_cms", "edit", "--site", site], label="edit to live")
    say(
        f"[{n}] edit to live (local): {edit['seconds']:.2f} s warm (median), "
        f"{edit['cold_seconds']:.2f} s cold; steps of the last: {edit['edits'][-1]}"
    )
    entries.append(
        entry("edit_to_live_local", n, edit, method=edit["method"], cold=edit["cold_seconds"])
    )
    if args.no_s3:
        return
    with MotoServer() as s3:
        target = f"s3://{s3.bucket}/sites"
        sync = run(
            ["manage.py", "publish_sites", "--site", site, "--target", target],
            label="initial S3 sync",
            json_out=False,
            env=s3.env,
        )
        say(f"[{n}] first publish to moto S3 (every file): {sync['seconds']:.1f} s")
        edit = run(
            ["-m", "tests.bench.measure_cms", "edit", "--site", site],
            label="edit to live on S3",
            env={**s3.env, "PUBLISH_TARGET": target},
        )
    last = edit["edits"][-1]
    say(
        f"[{n}] edit to live (moto S3 over HTTP): {edit['seconds']:.2f} s warm (median), "
        f"{edit['cold_seconds']:.2f} s cold; {last['uploaded']} objects written, "
        f"{last['deleted']} deleted"
    )
    entries.append(
        entry(
            "edit_to_live_s3",
            n,
            edit,
            method=edit["method"],
            cold=edit["cold_seconds"],
            objects_written=last["uploaded"],
        )
    )


class MotoServer:
    """moto's standalone S3 server on a free loopback port, with a bucket."""

    bucket = "cong-bench"

    def __enter__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        moto_server = Path(sys.executable).with_name("moto_server")
        self.process = subprocess.Popen(  # noqa: S603 - moto from our own venv
            [str(moto_server), "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).close()  # noqa: S310
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.process.kill()
                    raise SystemExit("moto_server did not start") from None
                time.sleep(0.1)
        self.env = {
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench-secret",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": self.url,
        }
        import boto3

        boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench-secret",
        ).create_bucket(Bucket=self.bucket)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


def entry(name, n, result, **extra):
    return {
        "name": name,
        "n": n,
        "seconds": result["seconds"],
        "pages": result["pages"],
        "peak_mib": result["peak_mib"],
        **extra,
    }


def table(entries):
    sizes = sorted({e["n"] for e in entries})
    find = {(e["name"], e["n"]): e for e in entries}
    rows = [
        (
            "N",
            "build s",
            "pages/s",
            "peak MiB",
            "edit→live s",
            "on S3 s",
            "bakery s",
            "× bakery",
            "Pelican s",
            "× Pelican",
        )
    ]
    for n in sizes:
        build = find.get(("full_build", n))
        bakery = find.get(("baseline_bakery", n))
        pelican = find.get(("baseline_pelican_markdown", n))
        edit = find.get(("edit_to_live_local", n))
        edit_s3 = find.get(("edit_to_live_s3", n))
        rows.append(
            (
                str(n),
                f"{build['seconds']:.1f}",
                f"{build['pages'] / build['seconds']:.0f}",
                f"{build['peak_mib']:.0f}",
                f"{edit['seconds']:.2f}" if edit else "-",
                f"{edit_s3['seconds']:.2f}" if edit_s3 else "-",
                (f"{bakery['seconds']:.0f}" + ("*" if bakery["extrapolated"] else ""))
                if bakery
                else "-",
                f"{bakery['seconds'] / build['seconds']:.1f}" if bakery else "-",
                f"{pelican['seconds']:.1f}" if pelican else "-",
                f"{pelican['seconds'] / build['seconds']:.1f}" if pelican else "-",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    if any(e.get("extrapolated") for e in entries):
        lines.append("* bakery time extrapolated from a time-boxed sample of pages")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument(
        "--bakery-seconds",
        type=float,
        default=60.0,
        help="time box of the bakery baseline per size (then extrapolate)",
    )
    parser.add_argument(
        "--pelican-max", type=int, default=20000, help="skip the Pelican baseline above this N"
    )
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--no-s3", action="store_true", help="skip the edit-to-live on moto S3")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    run(["manage.py", "migrate", "--no-input", "-v0"], label="migrate", json_out=False)
    entries = []
    for n in sizes:
        measure_size(n, args, entries)
    say("")
    say(table(entries))
    out = BENCH_DIR / "latest.json"
    out.write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    say(f"\nwrote {out.relative_to(PROJECT)} ({stamp})")


if __name__ == "__main__":
    main()
