"""Scoring rules of the test drive, on hand-made answers: right, wrong, right but verbose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.drive import scoring
from desktop.core.drive.records import (
    CategoryScore,
    DriveRun,
    ModelDrive,
    TaskOutcome,
    smallest_per_category,
)
from desktop.core.drive.tasks import (
    CATEGORIES,
    TaskFileError,
    builtin_path,
    builtin_tasks,
    load_task_set,
    parse_tasks,
)

CAPITAL = {"kind": "contains", "accept": ["Canberra"], "reject": ["Sydney", "Melbourne"]}


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("Canberra", True),
        ("The capital of Australia is Canberra.", True),  # verbose
        ("Canberra, also known as Sydney", False),  # what the small model said
        ("Sydney", False),
        ("Canberras", False),  # a word, not a piece of one
    ],
)
def test_contains(answer: str, right: bool) -> None:
    assert scoring.score(CAPITAL, answer) is right


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("391", True),
        ("17 x 23 = 391.", True),  # the question's numbers are skipped
        ("The answer is 391 (17 times 23).", True),
        ("17 x 23 = 54", False),  # what the small model said
        ("Three hundred and ninety-one", False),  # words are not read
        ("", False),
    ],
)
def test_number(answer: str, right: bool) -> None:
    check = {"kind": "number", "value": 391}
    assert scoring.score(check, answer, "What is 17 times 23?") is right


@pytest.mark.parametrize(
    ("answer", "value", "right"),
    [
        ("5,000 metres", 5000, True),
        ("5 000 mètres", 5000, True),
        ("5\u202f000 m", 5000, True),
        ("2,54 cm", 2.54, True),  # French decimal comma
        ("2.54 centimetres", 2.54, True),
        ("2.5 cm", 2.54, False),
        ("1 500 ml", 1500, True),
    ],
)
def test_number_writings(answer: str, value: float, right: bool) -> None:
    check = {"kind": "number", "value": value, "tolerance": 0.005}
    assert scoring.score(check, answer) is right


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("2024-03-14", True),
        ("The meeting is on Thursday, March 14th, 2024.", True),
        ("14 March 2024", True),
        ("14/03/2024", True),
        ("2024-03-13", False),
        ("Thursday", False),
    ],
)
def test_date(answer: str, right: bool) -> None:
    assert scoring.score({"kind": "date", "value": "2024-03-14"}, answer) is right


def test_date_in_french() -> None:
    check = {"kind": "date", "value": "2024-09-03"}
    assert scoring.score(check, "Le rendez-vous est le mardi 3 septembre 2024.")
    assert not scoring.score(check, "Le mardi à 15 h.")


@pytest.mark.parametrize(
    ("answer", "expected", "right"),
    [
        ("No.", "no", True),
        ("No, the review is negative: the food was cold.", "no", True),
        ("Yes", "no", False),
        ("Non", "no", True),
        ("Oui, il est positif.", "yes", True),
        ("The review is not positive", "no", False),  # no yes/no word: not an answer
    ],
)
def test_yes_no(answer: str, expected: str, right: bool) -> None:
    assert scoring.score({"kind": "yes_no", "value": expected}, answer) is right


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("Tomorrow's meeting is cancelled.", True),
        ("Tomorrow's meeting has been canceled, sorry.", True),
        ("Here is the sentence: tomorrow's meeting has unfortunately been cancelled.", False),
        ("The meeting is off.", False),  # short, but the constraint needs the word
    ],
)
def test_constraint(answer: str, right: bool) -> None:
    check = {"kind": "constraint", "max_words": 8, "include": ["cancel"]}
    assert scoring.score(check, answer) is right


def test_case_sensitive_constraint() -> None:
    check = {"kind": "constraint", "max_words": 1, "include": ["HELLO"], "case_sensitive": True}
    assert scoring.score(check, "HELLO")
    assert scoring.score(check, '"HELLO"')
    assert not scoring.score(check, "Hello")


def test_contains_all_and_digits_with_spaces() -> None:
    check = {"kind": "contains_all", "accept": ["221B Baker Street", "NW1 6XE"]}
    assert scoring.score(check, "Acme Ltd, 221B Baker Street, London NW1 6XE")
    assert not scoring.score(check, "221B Baker Street, London")
    train = {"kind": "contains", "accept": ["17h42", "17:42"]}
    assert scoring.score(train, "Le train part à 17 h 42.")
    assert not scoring.score(train, "À 17 h.")


def test_builtin_set_is_valid_and_balanced() -> None:
    tasks = builtin_tasks()
    assert 40 <= len(tasks.tasks) <= 60 and tasks.origin == "built-in"
    assert {t.category for t in tasks.tasks} == set(CATEGORIES)
    assert {t.lang for t in tasks.tasks} == {"en", "fr"}
    assert all(t.source for t in tasks.tasks)


def test_limit_takes_every_category_first() -> None:
    short = builtin_tasks().limited(len(CATEGORIES))
    assert {t.category for t in short.tasks} == set(CATEGORIES)


def test_an_invalid_user_file_falls_back_to_the_builtin_set(tmp_path: Path) -> None:
    bad = tmp_path / "drive-tasks.json"
    bad.write_text('{"schema": 1, "tasks": [ {"id": "x",}', encoding="utf-8")
    loaded = load_task_set(bad)
    assert loaded.origin == "built-in" and loaded.tasks == builtin_tasks().tasks
    assert loaded.problem is not None and "not valid JSON" in loaded.problem
    assert "line 1" in loaded.problem


def test_a_user_file_with_a_bad_task_names_it() -> None:
    data = json.loads(builtin_path().read_text("utf-8"))
    data["tasks"][3]["check"] = {"kind": "guess"}
    with pytest.raises(TaskFileError, match="task 4.*check.kind"):
        parse_tasks(data, "drive-tasks.json")


def test_a_valid_user_file_is_used(tmp_path: Path) -> None:
    mine = tmp_path / "drive-tasks.json"
    mine.write_text(json.dumps({"schema": 1, "name": "Mine", "tasks": [
        {"id": "a", "category": "facts", "lang": "en", "prompt": "2+2?", "source": "me",
         "check": {"kind": "number", "value": 4}}]}), encoding="utf-8")  # fmt: skip
    loaded = load_task_set(mine)
    assert loaded.name == "Mine" and len(loaded.tasks) == 1 and loaded.problem is None


def _outcome(category: str, ok: bool) -> TaskOutcome:
    return TaskOutcome("t", category, "en", ok, "", "complete", 0.001, "estimated", 1.0, 5)


def test_summaries_and_smallest_model_per_category() -> None:
    tiny = ModelDrive("tiny", None, "tiny.gguf", 100, "a",
                      [_outcome("facts", False), _outcome("units", True)])  # fmt: skip
    big = ModelDrive("big", None, "big.gguf", 1000, "b",
                     [_outcome("facts", True), _outcome("units", True)])  # fmt: skip
    run = DriveRun("2026-12-05T00:00:00+00:00", {}, "x", "built-in", 2, 48, [tiny, big])
    assert smallest_per_category(run) == {"facts": "big", "units": "tiny"}
    assert tiny.correct == 1 and tiny.energy_per_correct_wh == pytest.approx(0.002)
    assert big.by_category()[0] == CategoryScore("facts", 1, 1, 0.001, 1.0)
    again = DriveRun.from_json(json.loads(json.dumps(run.to_json())))
    assert again == run


def test_advice_names_a_bigger_model_for_what_the_small_one_fails() -> None:
    from desktop.core.drive.advice import advice_for

    def drive(name: str, size: int, right: dict[str, int], wh: float) -> ModelDrive:
        outcomes = [
            TaskOutcome("t", cat, "en", n < ok, "", "complete", wh, "estimated", 1.0, 5)
            for cat, ok in right.items()
            for n in range(4)
        ]
        return ModelDrive(name, None, f"{name}.gguf", size, None, outcomes)

    tiny = drive("tiny", 100, {"facts": 1, "arithmetic": 0, "translation": 4}, 0.001)
    big = drive("big", 1000, {"facts": 4, "arithmetic": 3, "translation": 4}, 0.002)
    run = DriveRun("d", {}, "x", "built-in", 12, 48, [tiny, big])
    advice = advice_for(run, "tiny")
    assert advice is not None
    assert advice.good_at == ("translation",) and set(advice.bad_at) == {"facts", "arithmetic"}
    assert advice.bigger == "big" and set(advice.bigger_categories) == {"facts", "arithmetic"}
    assert advice.right_ratio == pytest.approx(7.0) and advice.energy_ratio == pytest.approx(2.0)
    top = advice_for(run, "big")
    assert top is not None and top.bigger is None  # nothing bigger installed
    assert advice_for(run, "absent") is None
