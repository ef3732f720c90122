"""Conditional questions: shown, required and kept only when another answer has a
given value."""

from .values import OTHER_KEY, chose_other, has_other

YES_NO_WORDS = {"ja": True, "nei": False}


def condition_met(question, data: dict, by_key: dict) -> bool:
    """Whether the answer the question depends on has the value that shows it."""
    other = by_key.get(question.shown_when_key)
    if other is None:
        return True  # a condition on a missing question never hides anything
    wanted = question.shown_when_value.strip().lower()
    answer = data.get(other.key)
    if other.kind == "yes_no":
        return isinstance(answer, bool) and YES_NO_WORDS.get(wanted) is answer
    answers = answer if isinstance(answer, list) else [answer]
    return any(isinstance(a, str) and a.strip().lower() == wanted for a in answers)


def is_shown(question, data: dict, by_key: dict) -> bool:
    """Shown when its condition is met and the question it depends on is shown."""
    seen = set()
    while question is not None and question.shown_when_key:
        if question.key in seen or not condition_met(question, data, by_key):
            return question.key in seen
        seen.add(question.key)
        question = by_key.get(question.shown_when_key)
    return True


def hidden_keys(questions, data: dict) -> set[str]:
    by_key = {q.key: q for q in questions}
    return {q.key for q in questions if not is_shown(q, data, by_key)}


def without_hidden(questions, data: dict) -> dict:
    """The data with hidden answers and unasked «Annet» texts left out."""
    hidden = hidden_keys(questions, data)
    kept = {key: value for key, value in data.items() if key not in hidden}
    others = kept.get(OTHER_KEY)
    if isinstance(others, dict):
        others = {
            q.key: str(others[q.key])
            for q in questions
            if q.key in others
            and q.key not in hidden
            and has_other(q)
            and chose_other(q, kept.get(q.key))
            and str(others[q.key]).strip()
        }
        if others:
            kept[OTHER_KEY] = others
        else:
            kept.pop(OTHER_KEY)
    return kept
