"""The Nu HTML Checker (vnu-jar from npm, see package.json) over the pages a browser
test visited: the server's HTML is kept per page and checked in one run at the end."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = (
    Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
)


def require_vnu() -> None:
    """Skip (or fail where the browser is required) without Java and vnu.jar."""
    if VNU_JAR.exists() and shutil.which("java"):
        return
    message = f"The Nu HTML Checker needs Java and {VNU_JAR}: run `npm ci`."
    if os.environ.get("OXLO_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


class HtmlPages:
    """Keeps the HTML the server sends for each page the visitor checks."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.urls: dict[str, str] = {}  # file name -> page URL

    def collect(self, page) -> None:
        response = page.request.get(page.url)
        if "text/html" not in response.headers.get("content-type", ""):
            return
        name = f"page-{len(self.urls):03}.html"
        (self.directory / name).write_text(response.text(), encoding="utf-8")
        self.urls[name] = page.url

    def errors(self) -> list[str]:
        """Every error vnu reports, as 'page URL:line: message [extract]'."""
        if not self.urls:
            return []
        files = [str(self.directory / name) for name in self.urls]
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout"]
            + ["--exit-zero-always", *files],
            capture_output=True,
            text=True,
            check=True,
        )
        return [
            f"{self.urls.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))}"
            f":{m.get('lastLine', '?')}: {m.get('message')} "
            f"[{m.get('extract', '').strip()}]"
            for m in json.loads(result.stdout)["messages"]
            if m.get("type") in ("error", "non-document-error")
        ]
