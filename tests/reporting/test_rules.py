"""Computed answers, conditional questions, «Annet» and rules between answers, as
a contact meets them: saving keeps everything and warns; submitting is refused
until the answers are fixed or explained where the rule allows it."""

import re

import pytest
from django.urls import reverse

from reporting.rules import section_violations
from reporting.services import save_section_answer
from reporting.submission import submission_problems
from tests.reporting.rules_world import ruled_answer

pytestmark = pytest.mark.django_db

SIGN_OFF = {
    "signed_off_name": "Berit",
    "signed_off_title": "Bydelsdirektør",
    "confirmed": "on",
}


@pytest.fixture
def answer(unit):
    return ruled_answer(unit)


def counts(women, men):
    return {"antall": {"kvinner": women, "menn": men}}


def save(answer, data, by):
    answer.refresh_from_db()
    return save_section_answer(answer=answer, data=data, based_on=answer.version, by=by)


def edit_url(answer):
    return reverse("reporting:section_edit", args=[answer.report_id, answer.section_id])


def post(client, answer, **fields):
    answer.refresh_from_db()
    return client.post(edit_url(answer), {"based_on": answer.version, **fields})


def test_a_share_is_computed_on_save_from_the_counts(answer, contact):
    save(answer, {"ansatte": counts(40, 20), "midlertidige": counts(10, 3)}, contact)
    assert answer.data["midlertidige-andel"] == {"antall": {"kvinner": 25, "menn": 15}}


def test_a_computed_share_ignores_what_is_posted_and_goes_when_a_count_goes(
    client, contact, answer
):
    client.force_login(contact)
    post(
        client,
        answer,
        **{
            "q__ansatte__antall__kvinner": "40",
            "q__midlertidige__antall__kvinner": "10",
            "q__midlertidige-andel__antall__kvinner": "99",
            "q__midlertidige-andel__antall__menn": "<script>",
        },
    )
    answer.refresh_from_db()
    assert answer.data["midlertidige-andel"] == {"antall": {"kvinner": 25}}
    post(client, answer, **{"q__ansatte__antall__kvinner": "40"})
    answer.refresh_from_db()
    assert "midlertidige-andel" not in answer.data


def test_the_computed_field_is_read_only_with_its_formula_for_the_page(
    client, contact, answer
):
    save(answer, {"ansatte": counts(40, 20), "midlertidige": counts(10, 3)}, contact)
    client.force_login(contact)
    page = client.get(edit_url(answer)).content.decode()
    [field] = re.findall(
        r'<input[^>]*name="q__midlertidige-andel__antall__kvinner"[^>]*>', page
    )
    assert "readonly" in field and 'value="25"' in field
    assert "data-formula=" in field and "q__ansatte__antall__kvinner" in field


def test_a_broken_rule_is_saved_with_a_warning_and_shown_at_the_field(
    client, contact, answer
):
    client.force_login(contact)
    response = post(
        client,
        answer,
        **{
            "q__ansatte__antall__kvinner": "40",
            "q__midlertidige__antall__kvinner": "80",
        },
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.data["midlertidige"]["antall"]["kvinner"] == 80
    page = client.get(response.url).content.decode()
    assert "1 svar bryter en regel i rundskrivet" in page
    assert "Svar som bryter rundskrivets regler" in page
    assert (
        "Kvinner: Det kan ikke være flere midlertidig ansatte enn ansatte. "
        "(80 mot 40)" in page
    )
    assert 'href="#id_q__midlertidige__antall__kvinner"' in page


def test_autosave_answers_the_broken_rules_for_the_warnings_at_the_top(
    client, contact, answer
):
    client.force_login(contact)
    autosave = reverse(
        "reporting:section_autosave", args=[answer.report_id, answer.section_id]
    )
    typed = {"q__ansatte__antall__kvinner": "40", "based_on": 0}
    broken = client.post(autosave, {**typed, "q__midlertidige__antall__kvinner": "80"})
    assert broken.json()["rules"] == [
        {
            "id": "id_q__midlertidige__antall__kvinner",
            "message": "Kvinner: Det kan ikke være flere midlertidig ansatte enn "
            "ansatte. (80 mot 40)",
        }
    ]
    fixed = client.post(
        autosave, {**typed, "based_on": 1, "q__midlertidige__antall__kvinner": "8"}
    )
    assert fixed.json()["rules"] == []
    page = client.get(edit_url(answer)).content.decode()
    assert re.search(r'id="regelvarsler-boks"[^>]*hidden', page)


def test_a_rule_that_cannot_be_explained_blocks_submit_until_fixed(
    client, contact, answer
):
    save(answer, {"ansatte": counts(40, 20), "midlertidige": counts(80, 3)}, contact)
    client.force_login(contact)
    url = reverse("reporting:report_submit", args=[answer.report_id])
    page = client.get(url).content.decode()
    assert "flere midlertidig ansatte enn ansatte. (80 mot 40) Må rettes." in page
    assert "#regelbrudd-midlertidige" in page
    response = client.post(url, SIGN_OFF)
    assert "kan ikke sendes inn" in response.content.decode()
    answer.report.refresh_from_db()
    assert answer.report.status == "draft"
    save(answer, {"ansatte": counts(40, 20), "midlertidige": counts(8, 3)}, contact)
    assert client.post(url, SIGN_OFF).status_code == 302
    answer.report.refresh_from_db()
    assert answer.report.status == "submitted"


def test_an_explainable_rule_lets_the_report_through_once_explained(
    client, contact, answer
):
    client.force_login(contact)
    post(client, answer, q__lonn="180")
    answer.refresh_from_db()
    assert submission_problems(answer.report)
    page = client.get(edit_url(answer)).content.decode()
    assert 'name="regelforklaring__lonn-over"' in page
    post(
        client,
        answer,
        q__lonn="180",
        **{"regelforklaring__lonn-over": "Få ansatte; én kvinnelig leder."},
    )
    answer.refresh_from_db()
    assert submission_problems(answer.report) == []
    assert section_violations(answer)  # still broken, but explained
    url = reverse("reporting:report_submit", args=[answer.report_id])
    assert client.post(url, SIGN_OFF).status_code == 302


def test_measure_dates_out_of_order_are_a_broken_rule(contact, answer):
    save(
        answer,
        {
            "tiltak": [
                {"tittel": "A", "start": "2026-01-01", "frist": "2026-06-01"},
                {"tittel": "B", "start": "2026-03-01", "frist": "2026-01-01"},
            ]
        },
        contact,
    )
    [violation] = section_violations(answer)
    assert violation.where == "Rad 2"
    assert "(01.03.2026 mot 01.01.2026)" in violation.message


def test_a_hidden_question_is_not_stored_counted_or_required(contact, answer):
    save(answer, {"samarbeid": False, "samarbeid-tekst": "Skjult tekst"}, contact)
    assert "samarbeid-tekst" not in answer.data
    assert answer.required_missing == 0
    save(answer, {"samarbeid": True}, contact)
    assert answer.required_missing == 1
    save(answer, {"samarbeid": True, "samarbeid-tekst": "Møter hver måned"}, contact)
    assert answer.required_missing == 0
    assert answer.data["samarbeid-tekst"] == "Møter hver måned"


def test_the_page_hides_a_conditional_question_until_its_answer_is_given(
    client, contact, answer
):
    client.force_login(contact)
    page = client.get(edit_url(answer)).content.decode()
    block = page[page.index('id="sporsmal-samarbeid-tekst"') :][:300]
    assert 'data-shown-when="q__samarbeid"' in block
    assert 'data-shown-value="ja"' in block and "hidden" in block
    post(client, answer, q__samarbeid="ja")
    page = client.get(edit_url(answer)).content.decode()
    block = page[page.index('id="sporsmal-samarbeid-tekst"') :][:300]
    assert "hidden" not in block.split(">")[0]


def test_annet_asks_what_and_keeps_the_text_only_when_chosen(client, contact, answer):
    client.force_login(contact)
    post(client, answer, q__hvordan=["Workshop", "Annet"], annet__hvordan="Kurs")
    answer.refresh_from_db()
    assert answer.data["_annet"] == {"hvordan": "Kurs"}
    page = client.get(edit_url(answer)).content.decode()
    assert "Hva er «Annet» i «Hvordan er guiden brukt?»?" in page
    post(client, answer, q__hvordan=["Workshop"], annet__hvordan="Kurs")
    answer.refresh_from_db()
    assert "_annet" not in answer.data


def test_a_table_shows_only_the_totals_that_make_sense(client, contact, answer):
    save(answer, {"ansatte": counts(40, 20)}, contact)
    client.force_login(contact)
    page = client.get(edit_url(answer)).content.decode()
    table = page[page.index('id="sporsmal-ansatte"') :]
    table = table[: table.index("</table>")]
    assert '<output class="row-total">60</output>' in table
    assert "column-total" not in table


def test_the_adviser_sees_the_broken_rule_with_the_units_explanation(
    client, contact, adviser, answer
):
    save(
        answer,
        {
            "lonn": 180,
            "samarbeid": False,
            "_regelforklaringer": {"lonn-over": "Én kvinnelig leder."},
        },
        contact,
    )
    client.force_login(adviser)
    page = client.get(
        reverse("reporting:review_report", args=[answer.report_id])
    ).content.decode()
    assert "Kvinners lønn er over 150 % av menns. Stemmer tallet? (180 mot 150)" in page
    assert "Enhetens forklaring:</strong> Én kvinnelig leder." in page
    assert "Beskriv samarbeidet" not in page  # hidden: not asked, not shown
