"""The training card: the one-off cost of building Llama 3.1 405B, Meta's figures beside the seed's.

Both sets come from `comparison-405b.json` with their sources. Where they disagree, the notes are
computed here from those figures (and the ecologits grid mixes), so each number in a note is the
arithmetic of sourced figures, never a second copy typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.compare.data import ComparisonData, comparison_data
from desktop.core.figures import as_given, given, significant, whole, written
from desktop.core.footprint.data import Constant, FootprintData, footprint_data
from desktop.core.footprint.grid import EUROPE_ZONE, WORLD_ZONE, grid_factors
from desktop.core.i18n import plural, translate

HOURS_PER_DAY = 24


@dataclass(frozen=True)
class Disagreement:
    topic: str
    text: str


@dataclass(frozen=True)
class Headline:
    """One of the three figures that matter, Meta's beside the seed's. `meta`/`seed` hold one
    number (energy, CO2) or two (GPUs, days)."""

    key: str  # "energy_gwh", "co2_t", "gpus_days"
    meta: tuple[float, ...]
    seed: tuple[float, ...]
    meta_derived: bool  # True when Meta's figure is our arithmetic on Meta's (GPU hours x W)


@dataclass(frozen=True)
class TrainingCard:
    meta: tuple[Constant, ...]
    seed: tuple[Constant, ...]
    reference: tuple[Constant, ...]
    derived: dict[str, float]  # the arithmetic behind the notes, named with units
    disagreements: tuple[Disagreement, ...]
    headlines: tuple[Headline, ...] = ()
    sources: tuple[str, ...] = ()  # every constant the tab uses, the grid mixes included

    def to_json(self) -> dict[str, object]:
        def figures(group: tuple[Constant, ...]) -> list[dict[str, object]]:
            return [
                {
                    "key": f.key.rsplit(".", 1)[-1],
                    "value": f.value,
                    "unit": f.unit,
                    "source": f.source,
                    "date": f.date,
                    "note": f.note,
                }
                for f in group
            ]

        return {
            "meta": figures(self.meta),
            "seed": figures(self.seed),
            "reference": figures(self.reference),
            "derived": {key: float(f"{value:.4g}") for key, value in self.derived.items()},
            "disagreements": [{"topic": d.topic, "text": d.text} for d in self.disagreements],
            "headlines": [
                {
                    "key": h.key,
                    "meta": list(h.meta),
                    "seed": list(h.seed),
                    "meta_derived": h.meta_derived,
                }
                for h in self.headlines
            ],
            "sources": list(self.sources),
        }


def _derived(data: ComparisonData, footprint: FootprintData) -> dict[str, float]:
    meta = {key: f.value for key, f in data.training_meta.items()}
    seed = {key: f.value for key, f in data.training_seed.items()}
    ref = {key: f.value for key, f in data.training_reference.items()}
    # GPU hours x W = Wh; / 1e9 = GWh. An upper bound for the GPUs at their rated power.
    meta_gwh = meta["gpu_hours"] * meta["gpu_tdp_w"] / 1e9
    europe = grid_factors(EUROPE_ZONE).gco2_per_kwh
    seed_litres = seed["co2_t"] * 1000 / seed["diesel_kg_per_litre"]  # t -> kg, / kg per litre
    return {
        "meta_energy_gwh_at_tdp": meta_gwh,
        # t / GWh = 1e6 g / 1e6 kWh = g/kWh
        "meta_gco2_per_kwh": meta["co2_t_location"] / meta_gwh,
        "seed_gco2_per_kwh": seed["co2_t"] / seed["energy_gwh"],
        "world_gco2_per_kwh": grid_factors(WORLD_ZONE).gco2_per_kwh,
        "europe_gco2_per_kwh": europe,
        "europe_co2_t_at_seed_energy": europe * seed["energy_gwh"],  # g/kWh x GWh = t
        "europe_co2_t_at_meta_energy": europe * meta_gwh,
        "seed_avg_w_per_gpu": seed["energy_gwh"] * 1e9 / meta["gpu_hours"],
        "days_on_all_gpus": meta["gpu_hours"] / meta["gpus"] / HOURS_PER_DAY,
        "seed_usd_per_gpu_hour": seed["cost_usd"] / meta["gpu_hours"],
        "seed_diesel_litres": seed_litres,
        "diesel_litres_with_upstream": seed["co2_t"] * 1000 / ref["diesel_kg_per_litre_upstream"],
        "seed_litres_per_100km": seed_litres / seed["car_km"] * 100,
        # The car the seed implies: its CO2 over its km (t -> g). Kept rather than the app's
        # 106.6 g/km, a lab figure for new cars that counts electric cars as 0 g/km.
        "seed_car_gco2_per_km": seed["co2_t"] * 1e6 / seed["car_km"],
        "people_at_seed_energy": seed["energy_gwh"] * 1e6 / seed["kwh_per_person_france"],
        "people_at_meta_energy": meta_gwh * 1e6 / seed["kwh_per_person_france"],
    }


def _n(value: float) -> str:
    """A derived number, to three significant figures: enough to tell 455 from 458 g/kWh."""
    return written(significant(value, 3))


def _x(value: float) -> str:
    """A sourced figure as its source gives it: '8,930', '2.54' (French '8 930', '2,54')."""
    return given(value)


def _m(value: float, exact: bool = False) -> str:
    """A count in millions, without the word: '30.84' (the sentence says "million")."""
    return _x(value / 1e6) if exact else _n(value / 1e6)


def _millions(value: float, exact: bool = False) -> str:
    """A count in millions with the word, which agrees with it in French: '1.97 million',
    '28 million'; French '1,97 million', '28 millions' (singular below 2)."""
    shown = as_given(value / 1e6) if exact else significant(value / 1e6, 3)
    return plural(
        shown.value,
        translate("TrainingOne", "{n} million"),
        translate("Training", "{n} million"),
    ).format(n=written(shown))


def _disagreements(data: ComparisonData, d: dict[str, float]) -> tuple[Disagreement, ...]:
    meta = {key: f.value for key, f in data.training_meta.items()}
    seed = {key: f.value for key, f in data.training_seed.items()}
    ref = {key: f.value for key, f in data.training_reference.items()}
    people_seed, people_meta = round(d["people_at_seed_energy"]), round(d["people_at_meta_energy"])
    common = {
        "gpu_hours": _m(meta["gpu_hours"], True),
        "meta_gwh": _n(d["meta_energy_gwh_at_tdp"]),
        "seed_gwh": _x(seed["energy_gwh"]),
        "seed_t": _x(seed["co2_t"]),
    }
    return (
        Disagreement(
            translate("Training", "Energy"),
            translate(
                "Training",
                "Meta gives GPU hours, not energy: {gpu_hours} million hours at {gpu_w} W, the "
                "peak power per GPU that its model card says is 'adjusted for power usage "
                "efficiency', is {meta_gwh} GWh. The article's {seed_gwh} GWh has no source we "
                "could find; it would mean the GPUs averaged {seed_w} W, about half that power.",
            ).format(**common, gpu_w=_x(meta["gpu_tdp_w"]), seed_w=_n(d["seed_avg_w_per_gpu"])),
        ),
        Disagreement(
            translate("Training", "CO₂"),
            translate(
                "Training",
                "Meta reports {meta_t} t from the grids it used (about {meta_g} g per kWh of its "
                "GPU energy), and {market_t} t 'market-based' because it buys renewable energy to "
                "match. The article's {seed_t} t over {seed_gwh} GWh is {seed_g} g/kWh: the world "
                "average ({world_g}), not Europe's ({europe_g}, which gives {europe_t_seed} t for "
                "{seed_gwh} GWh or {europe_t_meta} t for {meta_gwh} GWh).",
            ).format(
                **common,
                meta_t=_x(meta["co2_t_location"]),
                meta_g=_n(d["meta_gco2_per_kwh"]),
                market_t=_x(meta["co2_t_market"]),
                seed_g=_n(d["seed_gco2_per_kwh"]),
                world_g=_n(d["world_gco2_per_kwh"]),
                europe_g=_n(d["europe_gco2_per_kwh"]),
                europe_t_seed=_n(d["europe_co2_t_at_seed_energy"]),
                europe_t_meta=_n(d["europe_co2_t_at_meta_energy"]),
            ),
        ),
        Disagreement(
            translate("Training", "Diesel and car"),
            translate(
                "Training",
                "{seed_t} t / {diesel_kg} kg per litre = {litres} litres, as the article says; "
                "counting the fuel's production too ({upstream_kg} kg per litre) it is "
                "{upstream_litres}. The article's {seed_km} km assume a diesel car burning "
                "{seed_l_per_100km} L per 100 km ({car_g} g of CO₂ per km): that is the car used "
                "here, not the lab figure for new cars, which counts electric cars as 0 g/km.",
            ).format(
                **common,
                diesel_kg=_x(seed["diesel_kg_per_litre"]),
                litres=_millions(d["seed_diesel_litres"]),
                upstream_kg=_x(ref["diesel_kg_per_litre_upstream"]),
                upstream_litres=_millions(d["diesel_litres_with_upstream"]),
                seed_km=_millions(seed["car_km"], True),
                seed_l_per_100km=_n(d["seed_litres_per_100km"]),
                car_g=_n(d["seed_car_gco2_per_km"]),
            ),
        ),
        Disagreement(
            translate("Training", "GPUs and days"),
            translate(
                "Training",
                "They agree: {gpu_hours} million GPU hours on {gpus} GPUs is {days} days "
                "non-stop, close to the article's {seed_gpus} GPUs and {seed_days} days.",
            ).format(
                **common,
                gpus=_x(meta["gpus"]),
                days=_n(d["days_on_all_gpus"]),
                seed_gpus=_x(seed["gpus"]),
                seed_days=_x(seed["days"]),
            ),
        ),
        Disagreement(
            translate("Training", "Cost"),
            translate(
                "Training",
                "The article's ${cost} million is in no Meta source; it equals ${usd_per_hour} per "
                "GPU hour, an assumed rental price.",
            ).format(cost=_m(seed["cost_usd"], True), usd_per_hour=_n(d["seed_usd_per_gpu_hour"])),
        ),
        Disagreement(
            translate("Training", "People's electricity"),
            translate(
                "Training",
                "{kwh} kWh per person is French household use only; France's whole consumption "
                "({france_twh} TWh) also counts industry and services. The division is right: "
                "{people_seed} people for {seed_gwh} GWh, or {people_meta} for {meta_gwh} GWh.",
            ).format(
                **common,
                kwh=_x(seed["kwh_per_person_france"]),
                france_twh=_x(ref["france_consumption_twh"]),
                people_seed=whole(people_seed),
                people_meta=whole(people_meta),
            ),
        ),
    )


def training_card(data: ComparisonData | None = None) -> TrainingCard:
    """Meta's and the seed's training figures, with sources, and where they disagree and why."""
    data = data or comparison_data()
    derived = _derived(data, footprint_data())
    meta = {key: f.value for key, f in data.training_meta.items()}
    seed = {key: f.value for key, f in data.training_seed.items()}
    headlines = (
        Headline("energy_gwh", (derived["meta_energy_gwh_at_tdp"],), (seed["energy_gwh"],), True),
        Headline("co2_t", (meta["co2_t_location"],), (seed["co2_t"],), False),
        Headline(
            "gpus_days",
            (meta["gpus"], derived["days_on_all_gpus"]),
            (seed["gpus"], seed["days"]),
            True,
        ),
    )
    figures = [*data.training_meta.values(), *data.training_seed.values()]
    figures += data.training_reference.values()
    grids = [grid_factors(zone).source for zone in (EUROPE_ZONE, WORLD_ZONE)]
    sources = tuple(dict.fromkeys([*(f.source for f in figures), *grids]))
    return TrainingCard(
        headlines=headlines,
        sources=sources,
        meta=tuple(data.training_meta.values()),
        seed=tuple(data.training_seed.values()),
        reference=tuple(data.training_reference.values()),
        derived=derived,
        disagreements=_disagreements(data, derived),
    )
