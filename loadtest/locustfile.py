"""Deadline day: contacts autosave a section every ~10 s and open pages, advisers
browse, two consolidated exports are requested. Run by `make loadtest`.

Pages that do not exist yet are skipped with a note; URL names are resolved with
the portal's own URLconf, so the load follows the code as views land.
"""

import itertools
import json
import os
import random
from pathlib import Path

import django
from locust import HttpUser, between, events, task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oxlo_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")  # only to import the URLconf here
django.setup()

from django.urls import NoReverseMatch, reverse  # noqa: E402

PEOPLE = json.loads(Path(os.environ["OXLO_LOADTEST_PEOPLE"]).read_text())
YEAR = PEOPLE["year"]
CONTACTS = itertools.cycle(PEOPLE["contacts"])
ADVISERS = itertools.cycle(PEOPLE["advisers"])
NOTED: set[str] = set()


def url(name, *args):
    """The path of a URL name, or None (noted once) if the view is not there yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        if name not in NOTED:
            NOTED.add(name)
            print(f"[loadtest] {name} does not resolve yet: that task is skipped.")
        return None


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
        path = url(name, *args)
        if path:
            self.client.get(path, name=name)


class Contact(PortalUser):
    fixed_count = 240
    wait_time = between(4, 6)  # with two tasks: a save about every 10 s

    def on_start(self):
        self.me = next(CONTACTS)
        self.version = None
        # Already logged in (loadtest/prepare.py); the start page sets the CSRF cookie.
        self.client.cookies.set("sessionid", self.me["session"])
        self.client.get("/", name="reporting:home")

    @task
    def autosave(self):
        path = url("reporting:section_autosave", self.me["report"], self.me["section"])
        if not path:
            return
        if self.version is None:
            self.version = 0
        with self.client.post(
            path,
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

    @task
    def open_pages(self):
        self.page("reporting:home")
        self.page("circulars:library")
        self.page("reporting:report_detail", self.me["report"])


class Adviser(PortalUser):
    fixed_count = 10
    wait_time = between(3, 6)

    def on_start(self):
        self.login(next(ADVISERS)["username"])

    @task(3)
    def browse(self):
        self.page("reporting:home")
        self.page("reporting:matrix")
        report = random.choice(PEOPLE["contacts"])["report"]
        self.page("reporting:report_detail", report)
        self.page("reporting:review_report", report)


class Exporter(PortalUser):
    """Two advisers who each ask once for the consolidated PDF."""

    fixed_count = 2
    wait_time = between(60, 120)

    def on_start(self):
        self.login(next(ADVISERS)["username"])
        self.requested = False

    @task
    def export(self):
        path = url("reporting:export_start")
        if path and not self.requested:
            self.requested = True
            self.client.post(
                path,
                {
                    "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                    "kind": "consolidated_pdf",
                    "year": YEAR,
                    "kinds": ["bydel", "etat", "foretak", "byradsavdeling"],
                    "statuses": ["draft", "submitted", "returned", "approved"],
                },
                headers={"Referer": self.host + "/"},
                name="export (request)",
            )


@events.test_stop.add_listener
def summary(environment, **kwargs):
    if NOTED:
        print("[loadtest] skipped, not built yet:", ", ".join(sorted(NOTED)))
