"""Frozen means frozen: no path changes a published circular, its sections or
questions."""

import pytest
from django.db import transaction

from circulars.models import Circular, FrozenCircular, Question, Section
from circulars.services import publish_circular, withdraw_circular
from tests.factories import (
    CircularFactory,
    DocumentFactory,
    QuestionFactory,
    SectionFactory,
    published_circular,
)


@pytest.fixture
def circular(db):
    return published_circular()


def test_saving_a_changed_published_circular_is_refused(circular):
    circular.title = "Ny tittel"
    with pytest.raises(FrozenCircular):
        circular.save()
    circular.refresh_from_db()
    assert circular.title != "Ny tittel"


def test_deleting_a_published_circular_is_refused(circular):
    with pytest.raises(FrozenCircular):
        circular.delete()
    assert Circular.objects.filter(pk=circular.pk).exists()


def test_bulk_update_and_delete_of_published_circulars_are_refused(circular):
    with pytest.raises(FrozenCircular):
        Circular.objects.filter(pk=circular.pk).update(title="Ny")
    with pytest.raises(FrozenCircular):
        Circular.objects.all().delete()
    assert Circular.objects.get(pk=circular.pk).title != "Ny"


def test_a_section_of_a_published_circular_cannot_be_changed_added_or_deleted(
    circular,
):
    section = circular.sections.get()
    section.title = "Ny"
    with pytest.raises(FrozenCircular):
        section.save()
    with pytest.raises(FrozenCircular):
        section.delete()
    with pytest.raises(FrozenCircular):
        Section.objects.create(circular=circular, number="4.9", title="X", topic="x")
    with pytest.raises(FrozenCircular):
        Section.objects.filter(circular=circular).update(title="Ny")
    with pytest.raises(FrozenCircular):
        Section.objects.filter(circular=circular).delete()
    assert circular.sections.get().title != "Ny"


def test_a_section_cannot_be_moved_out_of_or_into_a_published_circular(circular):
    draft_section = SectionFactory()
    draft_section.circular = circular
    with pytest.raises(FrozenCircular):
        draft_section.save()
    frozen_section = circular.sections.get()
    frozen_section.circular = draft_section.circular
    with pytest.raises(FrozenCircular):
        frozen_section.save()


def test_a_question_of_a_published_circular_cannot_be_changed_added_or_deleted(
    circular,
):
    question = Question.objects.filter(section__circular=circular).first()
    question.label = "Omformulert"
    with pytest.raises(FrozenCircular):
        question.save()
    with pytest.raises(FrozenCircular):
        question.delete()
    with pytest.raises(FrozenCircular):
        QuestionFactory(section=question.section)
    with pytest.raises(FrozenCircular):
        Question.objects.filter(pk=question.pk).update(label="Omformulert")
    with pytest.raises(FrozenCircular):
        Question.objects.filter(section__circular=circular).delete()
    assert not Question.objects.filter(label="Omformulert").exists()


def test_a_question_cannot_be_moved_into_a_published_circular(circular):
    question = QuestionFactory()
    question.section = circular.sections.get()
    with pytest.raises(FrozenCircular):
        question.save()


def test_a_draft_and_its_parts_can_still_be_edited_and_deleted(db):
    question = QuestionFactory()
    question.label = "Omformulert"
    question.save()
    question.section.title = "Nytt kapittel"
    question.section.save()
    circular = question.section.circular
    circular.title = "Ny tittel"
    circular.save()
    circular.delete()
    assert not Question.objects.exists()


def test_a_withdrawn_circular_is_frozen_as_well(circular, administrator):
    withdraw_circular(circular=circular, reason="Feil i teksten.", by=administrator)
    circular.refresh_from_db()
    circular.body = "Rettet"
    with pytest.raises(FrozenCircular):
        circular.save()


def test_a_published_circular_cannot_be_turned_back_into_a_draft(circular):
    circular.status = Circular.Status.DRAFT
    with pytest.raises(FrozenCircular):
        circular.save()
    circular.refresh_from_db()
    assert circular.is_frozen


def test_references_of_a_published_circular_cannot_change_from_either_side(circular):
    document = DocumentFactory()
    # m2m writes run in an atomic block without a savepoint: give them one here.
    with pytest.raises(FrozenCircular), transaction.atomic():
        circular.documents.add(document)
    with pytest.raises(FrozenCircular), transaction.atomic():
        document.circulars.add(circular)
    assert not circular.documents.exists()


def test_a_document_cited_by_a_published_circular_cannot_be_deleted(db):
    document = DocumentFactory()
    draft = CircularFactory()
    draft.documents.add(document)
    SectionFactory(circular=draft)
    publish_circular(circular=draft, by=None)
    with pytest.raises(FrozenCircular):
        document.delete()
    with pytest.raises(FrozenCircular), transaction.atomic():
        document.circulars.clear()
    assert draft.documents.get() == document


def test_bulk_writes_cannot_move_or_create_parts_in_a_published_circular(circular):
    draft_section = SectionFactory()
    frozen_section = circular.sections.get()
    with pytest.raises(FrozenCircular):
        Section.objects.filter(pk=draft_section.pk).update(circular=circular)
    with pytest.raises(FrozenCircular):
        Section.objects.bulk_create(
            [Section(circular=circular, number="4.8", title="X", topic="x")]
        )
    question = QuestionFactory(section=draft_section)
    with pytest.raises(FrozenCircular):
        Question.objects.filter(pk=question.pk).update(section_id=frozen_section.pk)
    with pytest.raises(FrozenCircular):
        Question.objects.bulk_create(
            [Question(section=frozen_section, key="ny", label="Ny", kind="yes_no")]
        )
    question.section = frozen_section
    with pytest.raises(FrozenCircular):
        Question.objects.bulk_update([question], ["section"])
    frozen_question = frozen_section.questions.first()
    frozen_question.label = "Omformulert"
    with pytest.raises(FrozenCircular):
        Question.objects.bulk_update([frozen_question], ["label"])
    circular.title = "Ny"
    with pytest.raises(FrozenCircular):
        Circular.objects.bulk_update([circular], ["title"])
    assert frozen_section.questions.count() == 2
    assert not Question.objects.filter(label="Omformulert").exists()
