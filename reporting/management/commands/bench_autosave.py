"""Measure an autosave naming a huge list row index against a normal autosave."""

import logging
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse

from circulars.models import Question
from reporting.demo import DEMO_UNIT_SLUG
from reporting.forms.answers import SectionAnswerForm
from reporting.models import Report, SectionAnswer


def posted_like_the_page(answer: SectionAnswer, stored: dict) -> dict:
    """What the section's page posts with `stored` typed into it."""
    form = SectionAnswerForm(questions=answer.section.questions.all(), stored=stored)
    data = {"based_on": answer.version}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, "", [], False):
            data[name] = value if isinstance(value, list) else str(value)
    return data


class Command(BaseCommand):
    help = (
        "Måler autolagring med et enormt radnummer i en liste mot en vanlig "
        "autolagring av det største kapittelet (`make bench-autosave`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        # The refusals below are the point; their log lines are not.
        logging.getLogger("django.request").setLevel(logging.ERROR)
        contact = get_user_model().objects.get(username="kontakt")
        reports = Report.objects.filter(unit__slug=DEMO_UNIT_SLUG)
        open_report = reports.filter(status__in=Report.EDITABLE_STATUSES).first()
        locked = reports.filter(status=Report.Status.APPROVED).first()
        if open_report is None or locked is None:
            raise CommandError("Kjør seed_demo uten --fill først.")
        answer = max(
            open_report.answers.select_related("section"),
            key=lambda a: a.section.questions.count(),
        )
        lists = answer.section.questions.filter(kind=Question.Kind.LIST)
        question = lists.first()
        if question is None:
            raise CommandError("Det største kapittelet har ingen liste.")
        last_year = locked.answers.filter(section__topic=answer.section.topic).first()
        client = Client(SERVER_NAME="localhost")
        client.force_login(contact)
        row = f"q__{question.key}__{{}}__{question.columns[0]['key']}"

        def autosave(report, post):
            url = reverse(
                "reporting:section_autosave", args=[report.pk, post["section"]]
            )
            start = time.perf_counter()
            response = client.post(url, post["data"])
            return time.perf_counter() - start, response.status_code

        def normal():
            answer.refresh_from_db()
            data = posted_like_the_page(answer, last_year.data if last_year else {})
            return {"section": answer.section_id, "data": data}

        def huge(index, report_answer):
            return {
                "section": report_answer.section_id,
                "data": {"based_on": 999999, row.format(index): "x"},
            }

        locked_answer = locked.answers.filter(
            section__questions__key=question.key
        ).first()
        cases = [
            (f"vanlig autolagring ({answer.section.number})", open_report, normal),
            ("radnummer 20 000", open_report, lambda: huge(20000, answer)),
            ("radnummer 100 000", open_report, lambda: huge(100000, answer)),
        ]
        if locked_answer is not None:
            cases.append(
                (
                    "radnummer 100 000, godkjent rapport",
                    locked,
                    lambda: huge(100000, locked_answer),
                )
            )
        baseline = None
        for label, report, post in cases:
            timings, codes = [], set()
            for _ in range(runs):
                seconds, code = autosave(report, post())
                timings.append(seconds * 1000)
                codes.add(code)
            median = statistics.median(timings)
            baseline = baseline or median
            self.stdout.write(
                f"{label:38} median {median:7.1f} ms, maks {max(timings):7.1f} ms, "
                f"{median / baseline:4.1f} × vanlig, svar {sorted(codes)}"
            )
