"""The export cache: a rendered part is used again only while nothing that shapes
it has changed, and every test renders into a cache of its own."""

import shutil

import pytest
import weasyprint
from django.utils import translation

from reporting.exports import pdf
from reporting.exports.parts import Part, cache_dir


@pytest.fixture
def rendering_version():
    """The version computed afresh before and after the test."""
    pdf.rendering_version.cache_clear()
    yield pdf.rendering_version
    pdf.rendering_version.cache_clear()


def part_key() -> str:
    return Part("page_numbers.html", {"numbers": ["1", "2"]}).key


def test_the_rendering_version_covers_export_code_templates_stylesheet_and_fonts():
    names = {path.name for path in pdf.rendering_files()}
    assert {
        "assembly.py",
        "content.py",
        "parts.py",
        "pdf.py",
        "numeric.py",
        "base.html",
        "section.html",
        "pdf.css",
        "OsloSans-Regular.woff2",
        "OsloSans-Bold.woff2",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
    } <= names


@pytest.mark.parametrize(
    "changed",
    [
        "numeric.py",
        "section.html",
        "pdf.css",
        "OsloSans-Regular.woff2",
        "DejaVuSans.ttf",
    ],
)
def test_a_part_gets_a_new_key_when_a_file_that_renders_it_changes(
    changed, tmp_path, monkeypatch, rendering_version
):
    copies = []
    for index, path in enumerate(pdf.rendering_files()):
        copies.append(tmp_path / str(index) / path.name)
        copies[-1].parent.mkdir()
        shutil.copyfile(path, copies[-1])
    monkeypatch.setattr(pdf, "rendering_files", lambda: copies)
    before = part_key()

    edited = next(copy for copy in copies if copy.name == changed)
    edited.write_bytes(edited.read_bytes() + b"\n")
    rendering_version.cache_clear()

    assert part_key() != before


def test_a_part_gets_a_new_key_with_another_weasyprint(monkeypatch, rendering_version):
    before = part_key()
    monkeypatch.setattr(weasyprint, "__version__", "999.0")
    rendering_version.cache_clear()
    assert part_key() != before


def test_a_part_rendered_in_english_is_not_the_bokmal_one():
    with translation.override("en"):
        english = part_key()
    assert part_key() != english


def test_each_test_renders_into_an_empty_cache_of_its_own(tmp_path):
    assert cache_dir().is_relative_to(tmp_path)
    assert not cache_dir().exists()
