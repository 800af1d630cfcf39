"""Checking a test-drive answer by rule, without a judge model.

Each task's `check` says how its answer is checked (`kind`):
- `contains`: one of `accept` appears as a word, and none of `reject` ("Canberra, also known as
  Sydney" is wrong); `contains_all`: every one of `accept` appears;
- `number`: the first number of the answer that is not copied from the question equals `value`
  (within `tolerance`), read in English or French writing ("5,000", "5 000", "2,54");
- `date`: the answer holds `value` (ISO) written in a usual English or French way;
- `yes_no`: the first yes/no (oui/non) word of the answer is `value`;
- `constraint`: at most `max_words` words, each of `include` appears, none of `exclude`.
A right answer wrapped in a sentence ("The capital of Australia is Canberra.") is right, except
under a `constraint`, where the length is the point.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

KINDS = ("contains", "contains_all", "number", "date", "yes_no", "constraint")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")  # "5 000" -> "5000"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[\w'’-]+")
_YES_NO = re.compile(r"\b(yes|no|oui|non)\b")
MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")  # fmt: skip
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def normalise(text: str, case_sensitive: bool = False) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    text = _SPACES.sub(" ", text).strip()
    return text if case_sensitive else text.casefold()


def _appears(term: str, text: str, case_sensitive: bool) -> bool:
    """As a whole word; terms with digits ("17h42", "NW1 6XE") also match with spaces removed."""
    term_n, text_n = normalise(term, case_sensitive), normalise(text, case_sensitive)
    if any(c.isdigit() for c in term_n):
        return term_n.replace(" ", "") in text_n.replace(" ", "")
    return re.search(rf"(?<!\w){re.escape(term_n)}(?!\w)", text_n) is not None


def _number_values(token: str) -> set[float]:
    """Every reading of one written number: "1,500" is 1500 (English) or 1.5 (French)."""
    if "," in token and "." in token:  # the last separator is the decimal one
        dec = max(token.rfind(","), token.rfind("."))
        whole = re.sub(r"[.,]", "", token[:dec])
        return {float(f"{whole}.{token[dec + 1 :]}")}
    for sep in (",", "."):
        if sep in token:
            groups = token.split(sep)
            values = set()
            if len(groups) == 2:
                values.add(float(f"{groups[0]}.{groups[1]}"))
            if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
                values.add(float("".join(groups)))
            return values
    return {float(token)}


def numbers_in(text: str) -> list[set[float]]:
    return [_number_values(t) for t in _NUMBER.findall(_GROUPED.sub("", text))]


def check_number(answer: str, value: float, tolerance: float = 1e-9, question: str = "") -> bool:
    asked = set().union(*numbers_in(question)) if question else set()
    for readings in numbers_in(answer):
        if readings <= asked:
            continue  # a number copied from the question is not the answer
        return any(math.isclose(r, value, abs_tol=tolerance) for r in readings)
    return False


def check_contains(
    answer: str, accept: list[str], reject: list[str] | None = None, case_sensitive: bool = False
) -> bool:
    if any(_appears(r, answer, case_sensitive) for r in reject or []):
        return False
    return any(_appears(a, answer, case_sensitive) for a in accept)


def check_contains_all(answer: str, accept: list[str], case_sensitive: bool = False) -> bool:
    return all(_appears(a, answer, case_sensitive) for a in accept)


def date_writings(iso: str) -> list[str]:
    year, month, day = (int(p) for p in iso.split("-"))
    en, fr = MONTHS_EN[month - 1], MONTHS_FR[month - 1]
    fr_day = "1er" if day == 1 else str(day)
    return [
        f"{year}-{month:02d}-{day:02d}", f"{day}/{month}/{year}", f"{day:02d}/{month:02d}/{year}",
        f"{day}.{month:02d}.{year}", f"{day} {en} {year}", f"{en} {day} {year}",
        f"{fr_day} {fr} {year}", f"{day} {fr} {year}",
    ]  # fmt: skip


def check_date(answer: str, iso: str) -> bool:
    text = normalise(answer).replace(",", " ")
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    text = _SPACES.sub(" ", text)
    return any(w in text for w in date_writings(iso))


def check_yes_no(answer: str, expected: str) -> bool:
    found = _YES_NO.search(normalise(answer))
    if found is None:
        return False
    said = "yes" if found.group(1) in ("yes", "oui") else "no"
    return said == expected


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def check_constraint(
    answer: str,
    max_words: int | None = None,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    case_sensitive: bool = False,
) -> bool:
    text = normalise(answer, case_sensitive).strip("\"'«» ")
    if not text:
        return False
    if max_words is not None and len(words(text)) > max_words:
        return False
    if any(normalise(term, case_sensitive) not in text for term in include or []):
        return False  # a stem ("cancel") is enough: "cancelled", "canceled"
    return not any(normalise(term, case_sensitive) in text for term in exclude or [])


def score(check: Mapping[str, Any], answer: str, question: str = "") -> bool:
    """Whether `answer` passes `check` (a validated task check, see tasks.py)."""
    kind = check["kind"]
    case = bool(check.get("case_sensitive", False))
    if kind == "contains":
        return check_contains(answer, check["accept"], check.get("reject"), case)
    if kind == "contains_all":
        return check_contains_all(answer, check["accept"], case)
    if kind == "number":
        tolerance = float(check.get("tolerance", 1e-9))
        return check_number(answer, float(check["value"]), tolerance, question)
    if kind == "date":
        return check_date(answer, check["value"])
    if kind == "yes_no":
        return check_yes_no(answer, check["value"])
    if kind == "constraint":
        return check_constraint(
            answer, check.get("max_words"), check.get("include"), check.get("exclude"), case
        )
    raise ValueError(f"unknown check kind {kind!r}")
