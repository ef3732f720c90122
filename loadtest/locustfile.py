"""Deadline day: contacts autosave a section every 10 s and open pages, advisers
browse, two consolidated exports are ordered. Run by `make loadtest`.

Pages are named by URL name and resolved with the portal's own URLconf.
"""

import itertools
import json
import os
import random
import threading
import time
from pathlib import Path

import django
from locust import HttpUser, between, constant, events, task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oxlo_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")  # only to import the URLconf here
django.setup()

from django.urls import reverse  # noqa: E402

PEOPLE = json.loads(Path(os.environ["OXLO_LOADTEST_PEOPLE"]).read_text())
YEAR = PEOPLE["year"]
CONTACTS = itertools.cycle(PEOPLE["contacts"])
ADVISERS = itertools.cycle(PEOPLE["advisers"])
# How often, on average, a contact opens a page besides autosaving (seconds).
CONTACT_PAGE_EVERY = float(os.environ.get("LOAD_CONTACT_PAGE_EVERY", "30"))
FULL_STRENGTH = threading.Event()  # set when every user has started


def any_report() -> int:
    return random.choice(PEOPLE["contacts"])["report"]


class PortalUser(HttpUser):
    abstract = True

    def login(self, username):
        self.client.get("/logg-inn/", name="login page")
        self.client.post(
            "/logg-inn/",
            {
                "username": username,
                "password": PEOPLE["password"],
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": self.host + "/logg-inn/"},
            name="login",
        )

    def page(self, name, *args):
        self.client.get(reverse(name, args=args), name=name)


class Contact(PortalUser):
    """Writes in their own section: the page autosaves about every 10 s while they
    type, and now and then (LOAD_CONTACT_PAGE_EVERY seconds on average) they open
    another page: the start page, the library, the report or their section."""

    fixed_count = 240
    # About every 10 s, and not in step: people started at the same second do not
    # keep saving at the same instant.
    wait_time = between(8, 12)

    def on_start(self):
        self.me = next(CONTACTS)
        self.version = 0
        # Already logged in (loadtest/prepare.py); the start page sets the CSRF cookie.
        self.client.cookies.set("sessionid", self.me["session"])
        self.client.get("/", name="reporting:home")
        self.pages = [
            ("reporting:home",),
            ("circulars:library",),
            ("reporting:report_detail", self.me["report"]),
            ("reporting:section_edit", self.me["report"], self.me["section"]),
        ]

    @task
    def write(self):
        self.autosave()
        if random.random() < 10 / CONTACT_PAGE_EVERY:
            self.page(*random.choice(self.pages))

    def autosave(self):
        section = [self.me["report"], self.me["section"]]
        with self.client.post(
            reverse("reporting:section_autosave", args=section),
            # The same form POST the page's autosave script sends.
            data={
                self.me["field"]: f"Lagret {random.randint(1, 10**6)}",
                "based_on": self.version,
            },
            headers={
                "X-CSRFToken": self.client.cookies.get("csrftoken", ""),
                "Referer": self.host + "/",
            },
            name="autosave",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                self.version = response.json().get("version", self.version + 1)
            elif response.status_code == 409:
                # Someone else saved: a conflict is an answer, not a failure.
                self.version = response.json().get("version", self.version)
                response.success()


class Adviser(PortalUser):
    """Reads reports under review, a click every few seconds."""

    fixed_count = 10
    wait_time = between(2, 8)

    def on_start(self):
        self.login(next(ADVISERS)["username"])

    @task(3)
    def review(self):
        self.page("reporting:review_report", any_report())

    @task
    def matrix(self):
        self.page("reporting:matrix")

    @task
    def report(self):
        self.page("reporting:report_detail", any_report())

    @task
    def home(self):
        self.page("reporting:home")


class Exporter(PortalUser):
    """Two advisers who each order the consolidated PDF once the load is at full
    strength, and keep its page open: it asks for the job's status every 1.5 s."""

    fixed_count = 2
    wait_time = constant(1.5)

    def on_start(self):
        self.login(next(ADVISERS)["username"])
        self.job = self.ordered_at = None
        self.finished = False

    @task
    def export(self):
        if not FULL_STRENGTH.is_set() or self.finished:
            return
        if self.job is None:
            self.order()
        else:
            self.poll()

    def order(self):
        path = reverse("reporting:export_start")
        response = self.client.post(
            path,
            {
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                "kind": "consolidated_pdf",
                "year": YEAR,
                "kinds": ["bydel", "etat", "foretak", "byradsavdeling"],
                "statuses": ["draft", "submitted", "returned", "approved"],
            },
            headers={"Referer": self.host + path},
            name="export (order)",
            allow_redirects=False,
        )
        job = response.headers.get("Location", "").rstrip("/").rsplit("/", 1)[-1]
        if response.status_code == 302 and job.isdigit():
            self.job, self.ordered_at = int(job), time.monotonic()
        else:
            self.finished = True

    def poll(self):
        response = self.client.get(
            reverse("reporting:export_status", args=[self.job]),
            name="reporting:export_status",
        )
        state = response.json() if response.ok else {}
        if state.get("finished"):
            self.finished = True
            failed = state.get("status") != "done"
            events.request.fire(
                request_type="EXPORT",
                name="export (ordered to finished)",
                response_time=(time.monotonic() - self.ordered_at) * 1000,
                response_length=0,
                exception=RuntimeError(state.get("status")) if failed else None,
                context={},
            )


@events.spawning_complete.add_listener
def full_strength(user_count, **kwargs):
    FULL_STRENGTH.set()
