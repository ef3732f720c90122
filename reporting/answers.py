"""Facts about stored answer values (the shapes are documented on `Question`)."""

from circulars.models import Question, Section


def is_answered(question: Question, value) -> bool:
    """Whether a stored value counts as an answer to the question."""
    if value is None or value == "" or value == [] or value == {}:
        return False
    if question.kind == Question.Kind.TABLE:
        return any(
            cell not in (None, "")
            for row in value.values()
            if isinstance(row, dict)
            for cell in row.values()
        )
    if question.kind == Question.Kind.LIST:
        return any(any(v not in (None, "", []) for v in row.values()) for row in value)
    return True


def completeness(questions: list[Question], data: dict) -> tuple[int, int]:
    """(answered questions, required questions still unanswered) for a section."""
    answered = missing = 0
    for question in questions:
        if is_answered(question, data.get(question.key)):
            answered += 1
        elif question.required:
            missing += 1
    return answered, missing


def section_questions(section: Section) -> list[Question]:
    return list(section.questions.all())
