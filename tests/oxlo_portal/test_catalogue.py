import re
from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


def entries():
    return polib.pofile(str(CATALOGUE / "django.po"))


def test_every_string_of_the_portal_has_an_english_translation():
    catalogue = entries()
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_the_catalogue_keeps_no_obsolete_strings():
    assert [e.msgid for e in entries().obsolete_entries()] == []


def test_translations_keep_the_placeholders_of_the_bokmal_text():
    for entry in entries().translated_entries():
        translations = list(entry.msgstr_plural.values()) or [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


def test_the_compiled_catalogue_matches_the_translations():
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in polib.mofile(str(CATALOGUE / "django.mo"))
        if e.msgid
    }
    written = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
        for e in entries().translated_entries()
    }
    assert compiled == written
