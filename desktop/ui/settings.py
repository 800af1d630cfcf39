"""The user's settings, kept with QSettings (UI state only; chats live in SQLite)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import QLocale, QSettings

from desktop.core.engine import SamplingSettings, default_threads


@dataclass
class AppSettings:
    model_path: str = ""  # "" = the embedded default model
    threads: int = 0  # 0 = automatic (physical cores - 1)
    context_tokens: int = 2048
    max_tokens: int = 512
    temperature: float = 0.7
    grid_zone: str = ""  # "" = from the system's country
    cpu_watts: float = 0.0  # 0 = detected from the processor's model
    sample_interval_s: float = 1.0
    panel_visible: bool = True
    language: str = ""  # "" = follow the system; "en" or "fr"
    demo_mode: bool = False
    theme: str = ""  # "" = follow the system; "light" or "dark"

    @classmethod
    def load(cls) -> AppSettings:
        store = QSettings()
        values = {}
        for f in fields(cls):
            default = getattr(cls(), f.name)
            values[f.name] = store.value(f"settings/{f.name}", default, type=type(default))
        return cls(**values)

    def save(self) -> None:
        store = QSettings()
        for key, value in asdict(self).items():
            store.setValue(f"settings/{key}", value)
        store.sync()

    def n_threads(self) -> int:
        return self.threads or default_threads()

    def sampling(self) -> SamplingSettings:
        return SamplingSettings(max_tokens=self.max_tokens, temperature=self.temperature)

    def zone(self) -> str | None:
        """The grid zone; None lets the footprint code use the system's country."""
        if self.grid_zone:
            return self.grid_zone
        from desktop.core.footprint import default_zone

        return default_zone(QLocale.system().name())
