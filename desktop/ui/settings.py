"""The user's settings, kept with QSettings (UI state only; chats live in SQLite).

Every value is checked when read: a value that cannot be applied (a thread count the C library
would abort on, an unknown language, a grid zone that does not exist, a hand-edited file) is put
back to its default, and the window says which and why. The app always starts.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from desktop.core.engine import default_threads
from desktop.core.session import MeterSettings

translate = QCoreApplication.translate
MAX_TOKENS_RANGE = (16, 4096)
INTERVAL_RANGE = (0.25, 10.0)
CPU_WATTS_RANGE = (0.0, 500.0)
VIEW_FIELDS = ("demo_mode", "panel_visible", "theme")  # reset after a start that crashed


def _zone_ok(zone: object) -> bool:
    if zone == "":
        return True
    from desktop.core.footprint import available_zones

    return any(code == zone for code, _name in available_zones())


def _number_in(low: float, high: float) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and low <= value <= high
        )

    return check


@dataclass
class AppSettings:
    threads: int = 0  # 0 = automatic (physical cores - 1)
    max_tokens: int = 512
    grid_zone: str = ""  # "" = from the system's country
    cpu_watts: float = 0.0  # 0 = detected from the processor's model
    sample_interval_s: float = 1.0
    panel_visible: bool = True
    language: str = ""  # "" = follow the system; "en" or "fr"
    demo_mode: bool = False
    theme: str = ""  # "" = follow the system; "light" or "dark"

    @staticmethod
    def checks() -> dict[str, Callable[[object], bool]]:
        """What each setting may be. Threads stop at the logical cores: more only crawls
        (64 threads on 2 cores did not finish a 4-token answer in a minute)."""
        return {
            "threads": _number_in(0, os.cpu_count() or 1),
            "max_tokens": _number_in(*MAX_TOKENS_RANGE),
            "grid_zone": _zone_ok,
            "cpu_watts": _number_in(*CPU_WATTS_RANGE),
            "sample_interval_s": _number_in(*INTERVAL_RANGE),
            "panel_visible": lambda v: isinstance(v, bool),
            "language": lambda v: v in ("", "en", "fr"),
            "demo_mode": lambda v: isinstance(v, bool),
            "theme": lambda v: v in ("", "light", "dark"),
        }

    @classmethod
    def load(cls) -> AppSettings:
        return cls.load_checked()[0]

    @classmethod
    def load_checked(cls) -> tuple[AppSettings, list[str]]:
        """The saved settings, and the names of those that were reset because they could not
        be applied (the file then holds the defaults again)."""
        store = QSettings()
        defaults, checks = cls(), cls.checks()
        values: dict[str, object] = {}
        reset: list[str] = []
        for f in fields(cls):
            default = getattr(defaults, f.name)
            key = f"settings/{f.name}"
            try:
                value = store.value(key, default, type=type(default))
            except (TypeError, ValueError):  # a hand-edited value Qt cannot convert
                value = None
            if value is None or not checks[f.name](value):
                reset.append(f.name)
                store.setValue(key, default)
                value = default
            values[f.name] = value
        if reset:
            store.sync()
        return cls(**values), reset  # type: ignore[arg-type]

    def save(self) -> None:
        store = QSettings()
        for key, value in asdict(self).items():
            store.setValue(f"settings/{key}", value)
        store.sync()

    def n_threads(self) -> int:
        return self.threads or default_threads()

    def zone(self) -> str | None:
        """The grid zone; None lets the footprint code use the system's country."""
        if self.grid_zone:
            return self.grid_zone
        from desktop.core.footprint import default_zone

        return default_zone(QLocale.system().name())

    def meter(self) -> MeterSettings:
        return MeterSettings(self.zone(), self.cpu_watts or None)


def setting_label(name: str) -> str:
    """The name of a setting as the Settings dialog shows it."""
    return {
        "threads": translate("Settings", "Processor threads"),
        "max_tokens": translate("Settings", "Longest answer"),
        "grid_zone": translate("Settings", "Electricity grid"),
        "cpu_watts": translate("Settings", "Processor power"),
        "sample_interval_s": translate("Settings", "Panel refresh"),
        "panel_visible": translate("Settings", "Resource panel"),
        "language": translate("Settings", "Language"),
        "demo_mode": translate("Settings", "Demo mode"),
        "theme": translate("Settings", "Theme"),
    }.get(name, name)
