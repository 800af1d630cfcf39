"""The words and lines of the 405B comparison card: row titles, money, ranges, the grid, method
and source lines that make the exported picture stand alone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.figures import MONEY_CENTS, MONEY_DOLLARS, everyday_money
from desktop.core.footprint import format_co2, format_energy, format_water
from desktop.ui.answer_line import method_word
from desktop.ui.numbers import show, show_given, show_plain, show_whole

ROWS = ("memory", "energy", "co2", "water", "cost")
QUESTION_CHARS = 90  # the question on the card, shortened: the card is for a room, not a log
translate = QCoreApplication.translate


def row_title(row: str) -> str:
    titles = {
        "memory": translate("ComparisonView", "Memory"),
        "energy": translate("ComparisonView", "Energy"),
        "co2": "CO₂",
        "water": translate("ComparisonView", "Water"),
        "cost": translate("ComparisonView", "Money"),
    }
    return titles[row]


def money_text(usd: float) -> str:
    """Money in the everyday unit: '$1.20', '0.088 US cents', 'less than a thousandth of a
    US cent'."""
    unit, shown = everyday_money(usd)
    if unit == MONEY_DOLLARS:
        return translate("ComparisonView", "${n}").format(n=show(shown))
    if unit == MONEY_CENTS:
        return translate("ComparisonView", "{n} US cents").format(n=show(shown))
    return translate("ComparisonView", "less than a thousandth of a US cent")


def _range(low: float, high: float, fmt: Any) -> str:
    return translate("ComparisonView", "{low} to {high}").format(low=fmt(low), high=fmt(high))


def _price_dates(cost: dict[str, Any]) -> str:
    """The span of the API prices' dates: '2025-07-03 to 2026-08-19'."""
    dates = sorted(str(p["date"]) for p in cost.get("prices", {}).values())
    if not dates:
        return ""
    if dates[0] == dates[-1]:
        return dates[0]
    return translate("ComparisonView", "{low} to {high}").format(low=dates[0], high=dates[-1])


def precision_words(precision: str) -> str:
    words = {
        "int4": translate("ComparisonView", "4-bit"),
        "fp8": translate("ComparisonView", "8-bit"),
        "bf16": translate("ComparisonView", "16-bit"),
        "fp32_seed": translate("ComparisonView", "32-bit"),
    }
    return words.get(precision, precision)


def short_question(question: str) -> str:
    text = " ".join(question.split())
    return text if len(text) <= QUESTION_CHARS else text[: QUESTION_CHARS - 1].rstrip() + "…"


def table_rows(
    c: dict[str, Any], model_name: str, app_rss_mb: float | None = None
) -> list[tuple[str, str, str, str]]:
    """(what, this computer, the 405B model, in plain words) for each row of the card."""
    local, ratios, memory_gb = c["local"], c["ratios"], c["memory_gb"]
    marker = method_word(local.get("method", "estimated"))
    precision = c.get("memory_ratio_precision", "bf16")
    local_memory = translate("ComparisonView", "{mb} MB (model file, measured)").format(
        mb=show_plain(local["memory_mb"] or 0)
    )
    if app_rss_mb:
        local_memory += translate(
            "ComparisonView", "; the whole app used {mb} MB at most (measured)"
        ).format(mb=show_plain(app_rss_mb))
    big_memory = translate(
        "ComparisonView", "{same} GB in {bits}, like this model; {bf16} GB in 16-bit, as released"
    ).format(same=show_given(memory_gb[precision]), bits=precision_words(precision),
             bf16=show_given(memory_gb["bf16"]))  # fmt: skip
    machines = translate(
        "ComparisonView",
        "{gpus} GPUs of {gb} GB ({total} GB) to hold the {served} GB it needs in 16-bit: the "
        "memory of {laptops} laptops of 16 GB",
    ).format(gpus=show_whole(c["gpus"]), gb=show_given(c["gpu_memory_gb"]),
             total=show_given(c["gpus"] * c["gpu_memory_gb"]),
             served=show_plain(c["served_memory_gb"]), laptops=show_whole(c["laptops_16gb"]))  # fmt: skip
    energy, co2, water, cost = c["energy_wh"], c["co2_g"], c["water_ml"], c["cost_usd"]
    what = translate("ComparisonView", "{value} ({method})")
    answers = c.get("answers", 1)
    energy_title = (translate("ComparisonView", "Energy for this answer") if answers <= 1
                    else translate("ComparisonView", "Energy for this chat"))  # fmt: skip
    return [
        (translate("ComparisonView", "Memory to hold the model"), local_memory,
         big_memory, ratios["memory"]["words"]),
        (translate("ComparisonView", "Machines"),
         translate("ComparisonView", "this computer, running {model}").format(model=model_name),
         machines, ""),
        (energy_title,
         what.format(value=format_energy(local["energy_wh"]), method=marker),
         _range(energy["low"], energy["high"], format_energy), ratios["energy"]["words"]),
        ("CO₂", what.format(value=format_co2(local["co2_g"]), method=marker),
         _range(co2["low"], co2["high"], format_co2), ratios["co2"]["words"]),
        (translate("ComparisonView", "Water"),
         what.format(value=format_water(local["water_ml"]), method=marker),
         _range(water["low"], water["high"], format_water), ratios["water"]["words"]),
        (translate("ComparisonView", "Money"),
         translate("ComparisonView", "{money} of electricity ({method})").format(
             money=money_text(local["cost_usd"]), method=marker),
         translate("ComparisonView", "{low} to {high} at API prices ({dates})").format(
             low=money_text(cost["low"]), high=money_text(cost["high"]),
             dates=_price_dates(cost)),
         ratios["cost"]["words"]),
    ]  # fmt: skip


def grid_line(c: dict[str, Any]) -> str:
    """Both grids, named: the PNG must say which electricity each side counts."""
    grids = c.get("grids", {})
    local, center = grids.get("local", {}), grids.get("datacenter", {})
    if not local or not center:
        return ""
    per_kwh = translate("ComparisonView", "{name} ({g} g CO₂e per kWh)")
    mine = per_kwh.format(name=local["name"], g=show_given(local["gco2_per_kwh"]))
    theirs = per_kwh.format(name=center["name"], g=show_given(center["gco2_per_kwh"]))
    if center.get("chosen_by") == "user":
        how = translate("ComparisonView", "chosen here")
    else:
        how = translate("ComparisonView", "by default the same grid as this computer")
    return translate(
        "ComparisonView",
        "Electricity: this computer on {mine}; the datacenter on {theirs}, {how}, with the "
        "overhead and water use of {center}.",
    ).format(mine=mine, theirs=theirs, how=how, center=center.get("pue_and_wue_of", ""))


def method_line(c: dict[str, Any]) -> str:
    local = c.get("local", {})
    return translate(
        "ComparisonView",
        "This computer: {method}. The 405B model, for the same prompt read and the same number "
        "of answer tokens ({tokens}): low end ML.ENERGY, measured then scaled to the whole datacenter; high end "
        "EcoLogits' model; reading the prompt by Epoch AI's FLOP method.",
    ).format(
        method=method_word(local.get("method", "estimated")), tokens=show_whole(c["output_tokens"])
    )


def source_line() -> str:
    return translate(
        "ComparisonView",
        "Sources: ML.ENERGY Leaderboard v3.0; EcoLogits; Epoch AI (2025); Google (2025); Pope et "
        "al. (2022); API prices from genai-prices and Artificial Analysis. Made with Smaller.",
    )
