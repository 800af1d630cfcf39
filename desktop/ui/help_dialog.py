"""Help › What the numbers mean, and Help › About Smaller.

The help page is for a reader who has never heard of tokens or watt-hours: each figure shown in
the app, what it means, and where it comes from. Source links open in the browser only when
clicked (the one moment the app goes online, and the user's choice).
"""

from __future__ import annotations

import html
import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import __version__
from desktop.core.logs import log_path

MODEL_NAME = "SmolLM2-135M-Instruct"
MODEL_LICENCE = "Apache-2.0"

ECOLOGITS_URL = "https://github.com/genai-impact/ecologits"
ML_ENERGY_URL = "https://github.com/ml-energy/leaderboard"
CODECARBON_URL = "https://mlco2.github.io/codecarbon/methodology.html"
RAPL_URL = "https://www.kernel.org/doc/html/latest/power/powercap/powercap.html"
META_CARD_URL = "https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md"
SMOLLM2_URL = "https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct"


def package_version(*names: str) -> str | None:
    """The installed version of the first distribution found among `names` (PySide6 ships as
    'PySide6' or as 'PySide6-Essentials'), or None."""
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def package_licence(*names: str) -> str | None:
    """The licence an installed distribution declares: its SPDX License-Expression, else its
    License field, else its 'License ::' classifier. None when not installed or not declared."""
    for name in names:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        for field in ("License-Expression", "License"):
            value = (meta.get(field) or "").strip()
            # Some packages paste the whole licence text into License: keep only short values.
            if value and "\n" not in value and len(value) < 80:
                return value
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        if classifiers:
            return classifiers[0].rsplit("::", 1)[-1].strip()
    return None


def _text_browser(name: str, content: str) -> QTextBrowser:
    browser = QTextBrowser()
    # Links open in the system browser, and only on a click; nothing is loaded before that.
    browser.setOpenExternalLinks(True)
    browser.setHtml(content)
    browser.setAccessibleName(name)
    return browser


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(label)}</a>'


class HelpDialog(QDialog):
    """What each number on screen means and where it comes from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What the numbers mean"))
        self.resize(680, 620)
        self.browser = _text_browser(self.tr("What the numbers mean"), self.help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the help"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def sections(self) -> list[tuple[str, list[str]]]:
        """(heading, sentences); one sentence per tr() so that each is translated on its own."""
        return [
            (
                self.tr("Tokens"),
                [
                    self.tr(
                        "A token is a piece of a word: the model reads and writes text in pieces."
                    ),
                    self.tr("100 tokens are about 75 English words."),
                ],
            ),
            (
                self.tr("Speed (tokens/s) and first word"),
                [
                    self.tr("Tokens per second (tokens/s) is how fast the answer was written."),
                    self.tr(
                        "“First word after” is how long you waited before the answer started: "
                        "the model first reads your whole message."
                    ),
                ],
            ),
            (
                self.tr("Memory (RAM)"),
                [
                    self.tr("RAM is the computer's working memory."),
                    self.tr(
                        "The panel shows how much of it this app holds, the model included, "
                        "beside the other programs and the total."
                    ),
                ],
            ),
            (
                self.tr("Processor (CPU)"),
                [
                    self.tr("The CPU is the chip that does the computing."),
                    self.tr("The panel shows how busy it is, for this app and the whole computer."),
                ],
            ),
            (
                self.tr("Energy (Wh, mWh)"),
                [
                    self.tr("Energy is the electricity the computer used to write the answer."),
                    self.tr(
                        "A watt-hour (Wh) is what a 1-watt device uses in one hour: a 10 W LED "
                        "bulb uses 10 Wh in an hour, and a full phone charge is about 13 Wh."
                    ),
                    self.tr("A milliwatt-hour (mWh) is a thousandth of a Wh, a µWh a millionth."),
                ],
            ),
            (
                self.tr("Measured or estimated"),
                [
                    self.tr(
                        "“Measured” means the energy was read from the processor's own energy "
                        "counter (RAPL, on Linux; usually only the administrator may read it)."
                    ),
                    self.tr(
                        "“Estimated” means it was calculated: the processor time this app used, "
                        "times the processor's power, plus the memory's power."
                    ),
                    self.tr(
                        "An estimate is shown as a range, because the real power depends on the "
                        "computer."
                    ),
                ],
            ),
            (
                self.tr("CO₂ (g, mg) and the electricity grid"),
                [
                    self.tr(
                        "CO₂ is the greenhouse gas released to produce the electricity used, in "
                        "grams (g) or milligrams (mg, a thousandth of a gram)."
                    ),
                    self.tr(
                        "It depends on the electricity grid: the same answer emits less where "
                        "power comes from water, nuclear, wind or sun than from coal or gas."
                    ),
                    self.tr(
                        "The grid is your country's by default and can be changed in Settings; "
                        "the figures for each country come from EcoLogits."
                    ),
                ],
            ),
            (
                self.tr("Water"),
                [
                    self.tr(
                        "Water is what producing the electricity consumed, mostly evaporated in "
                        "power stations; it also depends on the grid."
                    ),
                ],
            ),
            (
                self.tr("The comparison with Llama 3.1 405B, and why it is a range"),
                [
                    self.tr(
                        "Llama 3.1 405B is a very large model (405 billion parameters, the "
                        "numbers it learned) that runs on graphics processors (GPUs) in a "
                        "datacenter."
                    ),
                    self.tr(
                        "Nobody outside the datacenter can measure one of its answers, so the app "
                        "shows a range."
                    ),
                    self.tr(
                        "The high end comes from EcoLogits' model of a datacenter; the low end "
                        "from ML.ENERGY's measurements of GPUs answering many people at once."
                    ),
                    self.tr(
                        "Per word, a datacenter GPU is usually more efficient than a laptop: the "
                        "savings come from using a far smaller model."
                    ),
                ],
            ),
            (
                self.tr("The training card"),
                [
                    self.tr(
                        "Before it can answer anything, a model is trained once on a huge "
                        "amount of text."
                    ),
                    self.tr(
                        "The card shows that one-off cost for the 405B model: Meta's own figures "
                        "beside those of the article “Smaller is smarter”, and where they disagree."
                    ),
                ],
            ),
        ]

    def sources(self) -> list[tuple[str, str]]:
        return [
            (ECOLOGITS_URL, self.tr("EcoLogits: electricity grids and the datacenter model")),
            (ML_ENERGY_URL, self.tr("ML.ENERGY: energy measured on datacenter GPUs")),
            (CODECARBON_URL, self.tr("CodeCarbon: how this computer's energy is estimated")),
            (RAPL_URL, self.tr("Linux RAPL energy counters")),
            (META_CARD_URL, self.tr("Meta's Llama 3.1 model card: training figures")),
        ]

    def help_html(self) -> str:
        parts = []
        for heading, paragraphs in self.sections():
            parts.append(f"<h3>{html.escape(heading)}</h3>")
            parts.append("<p>" + " ".join(html.escape(p) for p in paragraphs) + "</p>")
        links = "".join(f"<li>{_link(url, label)}</li>" for url, label in self.sources())
        parts.append(f"<h3>{html.escape(self.tr('Sources'))}</h3><ul>{links}</ul>")
        note = self.tr("Opening a source link uses the internet; nothing else in Smaller does.")
        parts.append(f"<p><i>{html.escape(note)}</i></p>")
        return "".join(parts)


def component_rows() -> list[tuple[str, str, str]]:
    """(component, version, licence) for the About dialog; licences read from the installed
    packages' metadata where they declare one, the known licence otherwise."""
    unknown = QCoreApplication.translate("AboutDialog", "not installed")
    pyside = ("PySide6", "PySide6-Essentials")
    rows = [
        ("Smaller", __version__, package_licence("smaller") or "MIT"),
        ("Python", platform.python_version(), "PSF License"),
        ("PySide6", PySide6.__version__, package_licence(*pyside) or "LGPL-3.0-only"),
        ("Qt", qVersion(), package_licence(*pyside) or "LGPL-3.0-only"),
        ("gpt4all", package_version("gpt4all") or unknown, package_licence("gpt4all") or "MIT"),
        ("ecologits", package_version("ecologits") or unknown,
         package_licence("ecologits") or "MPL-2.0"),
    ]  # fmt: skip
    return rows


class AboutDialog(QDialog):
    """Name, version, the versions of what it runs on, the licences, and the privacy promise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Smaller"))
        self.resize(620, 520)
        self.browser = _text_browser(self.tr("About Smaller"), self.about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close About Smaller"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def about_html(self) -> str:
        rows = "".join(
            f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(version)}</td>"
            f"<td>{html.escape(licence)}</td></tr>"
            for name, version, licence in component_rows()
        )
        headings = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        header = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headings)
        tagline = self.tr("A private assistant that runs a small language model on this computer.")
        privacy = self.tr(
            "No telemetry. Smaller opens no network connection unless you ask it to, for example "
            "by clicking a link."
        )
        qt_note = self.tr("Smaller uses Qt and PySide6 under the GNU LGPL version 3.")
        model = self.tr("The model {model} is by Hugging Face, under the {licence} licence.")
        modified = self.tr(
            "The copy shipped with Smaller is modified: one metadata value (tokenizer.ggml.pre) "
            "was changed so that gpt4all can read the file; the weights are unchanged."
        )
        readme = self.tr("The README explains why.")
        log_note = self.tr(
            "Smaller keeps a log of what it did (never what you typed or what the model answered)."
            " If you report a problem, you can send this file:"
        )
        paragraphs = (
            html.escape(model.format(model=MODEL_NAME, licence=MODEL_LICENCE)),
            html.escape(modified),
            html.escape(readme),
            _link(SMOLLM2_URL, SMOLLM2_URL),
        )
        return (
            f"<h2>Smaller {html.escape(__version__)}</h2>"
            f"<p>{html.escape(tagline)}</p>"
            f"<p><b>{html.escape(privacy)}</b></p>"
            f"<h3>{html.escape(self.tr('Versions and licences'))}</h3>"
            f"<table cellpadding='3'><tr>{header}</tr>{rows}</table>"
            f"<p>{html.escape(qt_note)}</p>"
            f"<h3>{html.escape(self.tr('The model'))}</h3>"
            f"<p>{' '.join(paragraphs)}</p>"
            f"<h3>{html.escape(self.tr('If something goes wrong'))}</h3>"
            f"<p>{html.escape(log_note)}</p><p><code>{html.escape(str(log_path()))}</code></p>"
        )
