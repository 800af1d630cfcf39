"""The allowed range of every setting and flag, checked where values come in (the command line,
the settings files, the Settings dialogs) and again in the engine.

Why a value must be refused rather than passed on: gpt4all 2.8.2 aborts the whole process
(GGML_ASSERT n_threads > 0) on a thread count of 0 or less, and more threads than logical cores
made a 4-token answer take over 60 s on a 2-core machine (issue 10) as ggml's spinning threads
starve each other. A NaN or negative temperature reaches the sampler unchecked.

Each `check_*` returns the value (normalised: an int, a float, an upper-case zone) or raises
`LimitError` with a plain sentence naming the allowed range. No Qt here.
"""

from __future__ import annotations

import math
import os

from desktop.core.errors import PlainError
from desktop.core.figures import whole
from desktop.core.i18n import translate

# The same ranges as desktop.core.models.settings (a model's own settings) and the dialogs.
CONTEXT_RANGE = (256, 131_072)  # tokens; the smallest useful window, the largest any model has
TEMPERATURE_RANGE = (0.0, 2.0)  # 0 always picks the likeliest word; above 2 is noise
MAX_TOKENS_RANGE = (1, CONTEXT_RANGE[1])  # an answer never outgrows the largest window
ROUNDS_RANGE = (1, 1000)  # `smaller bench`


class LimitError(PlainError):
    """A setting or flag outside its allowed range. `kind` is always "invalid_setting"."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__("invalid_setting", message, detail)


def max_threads() -> int:
    """Logical cores: more threads than that only wait for each other."""
    return os.cpu_count() or 1


def _whole_number(value: object) -> int | None:
    """`value` as an int when it is a whole number (4 or 4.0, never True or "4"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _whole_in_range(value: object, low: int, high: int, message: str, name: str) -> int:
    number = _whole_number(value)
    if number is None or not low <= number <= high:
        raise LimitError(
            message.format(low=whole(low), high=whole(high), value=value), f"{name}={value!r}"
        )
    return number


def check_threads(value: object) -> int:
    high = max_threads()
    message = translate(
        "Limits",
        "The number of processor threads must be a whole number from {low} to {high} (this "
        "computer's logical cores), not {value}.",
    )
    return _whole_in_range(value, 1, high, message, "threads")


def check_context(value: object) -> int:
    message = translate(
        "Limits",
        "The context window must be a whole number of tokens from {low} to {high}, not {value}.",
    )
    return _whole_in_range(value, *CONTEXT_RANGE, message, "context_tokens")


def check_max_tokens(value: object) -> int:
    message = translate(
        "Limits",
        "The longest answer must be a whole number of tokens from {low} to {high}, not {value}.",
    )
    return _whole_in_range(value, *MAX_TOKENS_RANGE, message, "max_tokens")


def check_rounds(value: object) -> int:
    message = translate(
        "Limits", "The number of rounds must be a whole number from {low} to {high}, not {value}."
    )
    return _whole_in_range(value, *ROUNDS_RANGE, message, "rounds")


def check_temperature(value: object) -> float:
    low, high = TEMPERATURE_RANGE
    number = None if isinstance(value, bool) or not isinstance(value, int | float) else value
    if number is None or not math.isfinite(number) or not low <= number <= high:
        message = translate(
            "Limits",
            "The creativity (temperature) must be a number from {low} to {high}, not {value}.",
        ).format(low=low, high=high, value=value)
        raise LimitError(message, f"temperature={value!r}")
    return float(number)


def check_grid_zone(value: object) -> str:
    """An electricity grid zone EcoLogits knows ("FRA", "wor"), returned in upper case."""
    from desktop.core.footprint.grid import available_zones  # imports ecologits: only when asked

    zone = value.strip().upper() if isinstance(value, str) else ""
    if zone not in {code for code, _name in available_zones()}:
        message = translate("Limits", "“{zone}” is not an electricity grid zone Smaller knows.")
        raise LimitError(message.format(zone=value), f"grid={value!r}")
    return zone
