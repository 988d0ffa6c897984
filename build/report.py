"""What build_sites shows while and after it builds: progress and the summary table.

Plain text, no Django: one line per site when the output is not a terminal (logs,
CI), rich's progress bar when it is.
"""

from dataclasses import dataclass

COLUMNS = ("site", "pages", "files changed", "seconds", "warnings")


def files_changed(result):
    """Files an incremental build changed or deleted; every file of a full build."""
    if result.changed_paths is not None:
        return len(result.changed_paths)
    return result.files


def status_line(done, total, result):
    """One line per site (non-terminal progress)."""
    if result.error:
        return f"[{done}/{total}] {result.slug}: FAILED ({result.error})"
    mode = "incremental" if result.incremental else "full"
    return (
        f"[{done}/{total}] {result.slug}: {mode}, {result.pages} pages, "
        f"{files_changed(result)} files, {result.seconds:.1f} s"
        + (f", {len(result.warnings)} warnings" if result.warnings else "")
    )


def summary_table(results):
    """The summary as aligned text rows (a failed site says FAILED in its pages column)."""
    rows = [COLUMNS]
    for r in results:
        if r.error:
            rows.append((r.slug, "FAILED", "-", f"{r.seconds:.1f}", str(len(r.warnings))))
        else:
            rows.append(
                (
                    r.slug,
                    str(r.pages),
                    str(files_changed(r)),
                    f"{r.seconds:.1f}",
                    str(len(r.warnings)),
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate(rows):
        pairs = zip(row[1:], widths[1:], strict=True)
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in pairs]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


@dataclass
class Progress:
    """Progress of a build: a bar on a terminal (rich), else one line per site."""

    write: object  # write(line) for the one-line-per-site form
    terminal: bool = False
    quiet: bool = False

    def __post_init__(self):
        self._bar = None

    def __enter__(self):
        if self.terminal and not self.quiet:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("building", total=None)
        return self

    def __call__(self, done, total, result):
        if self.quiet:
            return
        if self._bar is not None:
            state = "FAILED" if result.error else "built"
            self._bar.update(
                self._task, completed=done, total=total, description=f"{result.slug} {state}"
            )
        else:
            self.write(status_line(done, total, result))

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return False
