"""Render PDF parts in a process pool, each cached on disk by the hash of what it
shows, within a time bound per job."""

import json
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.conf import settings
from django.utils.translation import get_language

from .content import digest
from .pdf import html_to_pdf, peak_memory_kib, render_html, rendering_version
from .tagging import finish_part


class RenderTimeout(Exception):
    """Rendering took longer than a job may take."""


def cache_dir() -> Path:
    return Path(settings.EXPORT_CACHE_DIR)


@dataclass
class Part:
    """One separately rendered document: a template and the plain data it shows."""

    template: str
    context: dict
    tagged: bool = True
    key: str = field(init=False)

    def __post_init__(self):
        self.key = digest(
            [
                self.template,
                self.context,
                self.tagged,
                get_language(),
                rendering_version(),
            ]
        )

    @property
    def path(self) -> Path:
        return cache_dir() / self.key[:2] / f"{self.key}.pdf"

    @property
    def is_cached(self) -> bool:
        return self.path.exists() and self.path.with_suffix(".json").exists()

    @property
    def layout(self) -> dict:
        """Its pages and the page of each id, noted beside the cached file."""
        return json.loads(self.path.with_suffix(".json").read_text())

    @property
    def pages(self) -> int:
        return self.layout["pages"]


def _render(job: tuple[str, str, bool]) -> int:
    """In a worker: HTML to a cached PDF file; returns the worker's peak memory."""
    path, html, tagged = job
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    pdf, layout = html_to_pdf(html, tagged=tagged)
    # The key's head is unique to the part: ids and font tags never meet another's.
    partial.write_bytes(finish_part(pdf, prefix=target.stem[:12]))
    # The layout first: a cached PDF always has its layout beside it.
    target.with_suffix(".json").write_text(json.dumps(layout))
    partial.replace(target)
    return peak_memory_kib()


def render_parts(parts: list[Part], *, progress=None) -> int:
    """Render the parts not in the cache; return the workers' peak memory (KiB)."""
    missing = {}
    for part in parts:
        if not part.is_cached:
            missing.setdefault(part.key, part)
    if not missing:
        return 0
    # The longest first, so no worker is left with a long part while the other idles.
    jobs = sorted(
        (
            (str(p.path), render_html(p.template, p.context), p.tagged)
            for p in missing.values()
        ),
        key=lambda job: len(job[1]),
        reverse=True,
    )
    peak = 0
    # Spawned, not forked: a fork copies locks held by the parent's other threads
    # (a test runner's, a web server's) and the child can wait on them for ever.
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(
        min(settings.EXPORT_WORKERS, len(jobs)),
        initializer=django.setup,
        maxtasksperchild=40,
    )
    with pool:
        results = pool.imap_unordered(_render, jobs)
        deadline = time.monotonic() + settings.EXPORT_TIMEOUT_SECONDS
        for done in range(1, len(jobs) + 1):
            try:
                remaining = max(deadline - time.monotonic(), 0)
                peak = max(peak, results.next(timeout=remaining))
            except multiprocessing.TimeoutError as error:
                pool.terminate()
                raise RenderTimeout from error
            if progress:
                progress(done, len(jobs))
    return peak
