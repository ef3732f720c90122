"""The tests' OpenID Connect provider: the npm package oidc-provider, run by node
(tests/oidc/provider.mjs) on 127.0.0.1 for the whole test session, and the few
calls a test makes to say who signs in, to spoil a token, or to read what the
provider did."""

import json
import selectors
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import requests

SCRIPT = Path(__file__).with_name("provider.mjs")
ROOT = SCRIPT.parents[2]
START_SECONDS = 30


class Unavailable(Exception):
    """node or the npm package is missing, or the provider did not start."""


class Provider:
    def __init__(self, log: Path):
        node = shutil.which("node")
        if node is None:
            raise Unavailable("node is not installed (apt-get install -y nodejs)")
        if not (ROOT / "node_modules" / "oidc-provider").is_dir():
            raise Unavailable("oidc-provider is not installed: npm ci --ignore-scripts")
        self.log = log
        with log.open("w") as stderr:
            self.process = subprocess.Popen(
                [node, str(SCRIPT)],
                cwd=ROOT,
                stdin=subprocess.PIPE,  # closed at the end: the provider stops
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )
        started = json.loads(self._first_line())
        self.issuer = started["issuer"]
        self.client_id = started["client_id"]
        self.client_secret = started["client_secret"]

    def _first_line(self) -> str:
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            ready = selector.select(START_SECONDS)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.stop()
            raise Unavailable(f"the provider did not start:\n{self.log.read_text()}")
        return line

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _call(self, method: str, path: str, body=None):
        response = requests.request(
            method, f"{self.issuer}/__test/{path}", json=body, timeout=10
        )
        response.raise_for_status()
        return response.json()

    def sign_in_as(self, **claims) -> None:
        """The person the next login at the provider signs in (no login form)."""
        self._call("POST", "person", {"claims": claims})

    def spoil(self, fault: str) -> None:
        """The next ID token comes with a fault: issuer, audience, expired,
        signature or nonce."""
        self._call("POST", "fault", {"fault": fault})

    @property
    def ended_sessions(self) -> list[str]:
        """The subjects whose provider session a logout ended."""
        return self._call("GET", "ended")

    def reset(self) -> None:
        self._call("POST", "reset")

    def authorize(self, url: str) -> str:
        """Follow an authorization request as a browser of its own would, through
        the provider's login, to where the provider sends it back to the portal."""
        browser = requests.Session()
        origin = urlsplit(self.issuer)
        while urlsplit(url).netloc == origin.netloc:
            response = browser.get(url, allow_redirects=False, timeout=10)
            assert response.is_redirect, response.text
            url = requests.compat.urljoin(url, response.headers["Location"])
        return url
