"""The fake's forms (modals) and message menus behave as Discord's do for the bot."""

from __future__ import annotations

from tests.fakediscord.interactions import form_fields, form_problem, form_submit_data


def _form(value: str, max_length: int = 500, title: str = "Log a workout") -> dict[str, object]:
    field = {"type": 4, "custom_id": "text", "style": 2, "label": "Workout",
             "value": value, "max_length": max_length}
    return {"custom_id": "logform:1", "title": title,
            "components": [{"type": 1, "components": [field]}]}


def test_a_form_is_refused_where_discord_refuses_it() -> None:
    assert form_problem(_form("squat 5x5")) is None
    assert form_problem(_form("x" * 501)) is not None  # a value past its own limit
    assert form_problem(_form("", max_length=4001)) is not None
    assert form_problem(_form("", title="t" * 46)) is not None
    assert form_problem({"custom_id": "x", "title": "t", "components": []}) is not None


def test_fields_are_found_in_rows_and_in_labels() -> None:
    labelled = {"components": [{"type": 18, "label": "Workout",
                                "component": {"type": 4, "custom_id": "text"}}]}
    assert list(form_fields(labelled)) == ["text"]
    assert list(form_fields(_form(""))) == ["text"]
    sent = form_submit_data("logform:1", {"text": "squat 5x5"})
    assert sent["custom_id"] == "logform:1"
    assert form_fields(sent)["text"]["value"] == "squat 5x5"
