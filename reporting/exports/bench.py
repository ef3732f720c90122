"""`make bench`: the consolidated export against WeasyPrint rendering the whole
document in one process, measured in the same run (not a timed test)."""

import multiprocessing
import os
import re
import shutil
import time

from django.db import connections

from ..models import Report, SectionAnswer
from .consolidated import Selection, build_consolidated, plan
from .parts import cache_dir
from .pdf import html_to_pdf, peak_memory_kib, render_html

BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)


def single_document_html(selection: Selection) -> str:
    """Everything the consolidated PDF shows, as one HTML document."""
    layout = plan(selection)
    parts = [layout["opening"]]
    for chapter in layout["chapters"]:
        parts.append(chapter["part"])
        parts.extend(batch["part"] for batch in chapter["batches"])
    parts.append(layout["appendix"])
    contents = [
        {"level": 1, "title": c["title"], "page": 0} for c in layout["chapters"]
    ]
    front = render_html("front.html", {**layout["front"], "contents": contents})
    bodies = [BODY.search(render_html(p.template, p.context))[1] for p in parts]
    return front.replace(
        "</body>", "".join(f'<div class="part">{b}</div>' for b in bodies) + "</body>"
    ).replace('class="front"', 'class="front standalone"')


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the pool's workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _baseline(selection):
    html = single_document_html(selection)
    start, cpu = time.perf_counter(), _cpu_seconds()
    html_to_pdf(html)  # the PDF itself is not needed
    return time.perf_counter() - start, peak_memory_kib(), _cpu_seconds() - cpu


def _export(selection):
    start, cpu = time.perf_counter(), _cpu_seconds()
    _path, workers_peak = build_consolidated(selection)
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    return seconds, max(peak_memory_kib(), workers_peak), cpu


def _in_fresh_process(function, selection):
    """Run in a forked process so memory and caches start from the same state."""
    connections.close_all()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=lambda: queue.put(function(selection)))
    process.start()
    result = queue.get()
    process.join()
    return result


def change_one_answer(selection: Selection):
    """Change one integer answer of one unit, as a correction would."""
    answer = (
        SectionAnswer.objects.filter(
            report__in=selection.reports(), section__topic="arbeidsgiver"
        )
        .order_by("report__unit__name")
        .first()
    )
    data = dict(answer.data)
    table = dict(data["ansatte"])
    table["antall"] = {**table["antall"], "kvinner": table["antall"]["kvinner"] + 1}
    data["ansatte"] = table
    SectionAnswer.objects.filter(pk=answer.pk).update(data=data)
    return answer.report.unit.name


def hold_back_last(selection: Selection) -> int:
    """Take the last approved report back to submitted, as if its adviser had not
    approved it yet; returns its id."""
    report = selection.reports().order_by("unit__name").last()
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.SUBMITTED, approved_at=None, approved_by=None
    )
    return report.pk


def _approve_and_prepare(report_id: int):
    """The last approval, then what the worker does on it (`prepare_exports`)."""
    from django.contrib.auth import get_user_model

    from ..permissions import ADVISER_GROUP
    from ..services.exports import prepare_exports
    from ..services.review import approve_report

    def step(selection):
        adviser = get_user_model().objects.filter(groups__name=ADVISER_GROUP).first()
        report = approve_report(report=Report.objects.get(pk=report_id), by=adviser)
        start, cpu = time.perf_counter(), _cpu_seconds()
        prepare_exports(year=selection.year, report_id=report.pk)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        return seconds, peak_memory_kib(), cpu

    return step


def run(selection: Selection, write=print):
    shutil.rmtree(cache_dir(), ignore_errors=True)
    held_back = hold_back_last(selection)
    rows = []
    rows.append(
        (
            "a) baseline: one document, one process",
            *_in_fresh_process(_baseline, selection),
        )
    )
    baseline, baseline_peak = rows[0][1:3]
    rows.append(
        ("b) cold export (parts, pool)", *_in_fresh_process(_export, selection))
    )
    rows.append(("c) again, nothing changed", *_in_fresh_process(_export, selection)))
    unit = change_one_answer(selection)
    rows.append(
        (
            f"d) after one answer of {unit} changed",
            *_in_fresh_process(_export, selection),
        )
    )
    rows.append(
        (
            "e) worker, on the last approval (background)",
            *_in_fresh_process(_approve_and_prepare(held_back), selection),
        )
    )
    rows.append(
        (
            "f) export ordered right after the last approval",
            *_in_fresh_process(_export, selection),
        )
    )
    size = build_consolidated(selection)[0].stat().st_size
    targets = {0: None, 1: 0.6, 2: 0.05, 3: 0.15, 4: None, 5: 0.1}
    headings = ("wall s", "x base", "target", "peak MiB", "x base", "cpu s")
    write(f"{'step':48} " + " ".join(f"{h:>8}" for h in headings))
    ok = True
    for index, (label, seconds, peak, cpu) in enumerate(rows):
        ratio, memory = seconds / baseline, peak / baseline_peak
        target = targets[index]
        met = target is None or (ratio <= target and memory <= 0.5)
        ok &= met
        write(
            f"{label:48} {seconds:8.2f} {ratio:8.3f} {target or '':>8} "
            f"{peak / 1024:8.0f} {memory:8.2f} {cpu:8.1f} {'' if met else 'MISSED'}"
        )
    write(f"File size: {size / 1024 / 1024:.1f} MiB (target 5 MiB).")
    ok &= size <= 5 * 1024 * 1024
    write("All targets met." if ok else "Some targets were missed.")
    write(
        "cpu s: CPU time of the step's processes together (load-independent);"
        f" load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
    )
    return ok
