"""The training card: Meta's and the seed's figures with sources, and the arithmetic of where they
disagree (research notes, section 3)."""

from __future__ import annotations

import pytest

from desktop.core.compare import training_card


def test_both_sets_of_figures_with_sources() -> None:
    card = training_card()
    meta = {f.key.rsplit(".", 1)[-1]: f for f in card.meta}
    seed = {f.key.rsplit(".", 1)[-1]: f for f in card.seed}
    assert meta["gpu_hours"].value == 30.84e6 and "meta-llama" in meta["gpu_hours"].source
    assert meta["co2_t_location"].value == 8930 and meta["co2_t_market"].value == 0
    assert seed["energy_gwh"].value == 11 and seed["co2_t"].value == 5000
    assert seed["diesel_litres"].value == 2e6 and seed["car_km"].value == 28e6
    for figure in (*card.meta, *card.seed, *card.reference):
        assert figure.unit and figure.date and "http" in figure.source


def test_derived_figures_by_hand() -> None:
    d = training_card().derived
    # 30.84e6 h x 700 W = 2.1588e10 Wh = 21.588 GWh
    assert d["meta_energy_gwh_at_tdp"] == pytest.approx(21.588)
    # 8,930 t / 21.588 GWh = 413.7 g/kWh; 5,000 t / 11 GWh = 454.5 g/kWh
    assert d["meta_gco2_per_kwh"] == pytest.approx(413.66, rel=1e-4)
    assert d["seed_gco2_per_kwh"] == pytest.approx(454.55, rel=1e-4)
    # Europe mix 282.68 g/kWh x 11 GWh = 3,109 t; x 21.588 GWh = 6,102 t
    assert d["europe_co2_t_at_seed_energy"] == pytest.approx(3109.5, rel=1e-3)
    assert d["europe_co2_t_at_meta_energy"] == pytest.approx(6102.5, rel=1e-3)
    # 11e9 Wh / 30.84e6 h = 356.7 W; 30.84e6 / 16,384 / 24 = 78.4 days; $60M / 30.84e6 = $1.95
    assert d["seed_avg_w_per_gpu"] == pytest.approx(356.68, rel=1e-4)
    assert d["days_on_all_gpus"] == pytest.approx(78.43, rel=1e-3)
    assert d["seed_usd_per_gpu_hour"] == pytest.approx(1.9455, rel=1e-3)
    # 5e6 kg / 2.54 = 1.9685e6 L; / 3.17 = 1.5773e6 L; 1.9685e6 / 28e6 x 100 = 7.03 L/100 km
    assert d["seed_diesel_litres"] == pytest.approx(1.9685e6, rel=1e-4)
    assert d["diesel_litres_with_upstream"] == pytest.approx(1.5773e6, rel=1e-4)
    assert d["seed_litres_per_100km"] == pytest.approx(7.030, rel=1e-3)
    # The diesel car the seed implies: 5e9 g / 28e6 km = 178.6 g/km
    assert d["seed_car_gco2_per_km"] == pytest.approx(178.57, rel=1e-4)
    assert "car_km_at_app_factor" not in d  # the new-car lab figure (106.6 g/km) is gone
    # 11e6 kWh / 2,300 = 4,783 people; 21.588e6 / 2,300 = 9,386
    assert d["people_at_seed_energy"] == pytest.approx(4782.6, rel=1e-4)
    assert d["people_at_meta_energy"] == pytest.approx(9386.1, rel=1e-4)


def test_disagreement_notes_quote_the_arithmetic() -> None:
    notes = {d.topic: d.text for d in training_card().disagreements}
    assert set(notes) == {
        "Energy", "CO₂", "Diesel and car", "GPUs and days", "Cost", "People's electricity",
    }  # fmt: skip
    assert "is 21.6 GWh" in notes["Energy"] and "357 W" in notes["Energy"]
    # What Meta's model card says of its 700 W, not "cooling excluded"
    assert "'adjusted for power usage efficiency'" in notes["Energy"]
    assert "8,930 t" in notes["CO₂"] and "455 g/kWh: the world average (458)" in notes["CO₂"]
    assert "3,110 t for 11 GWh" in notes["CO₂"]
    assert "1.97 million litres" in notes["Diesel and car"]
    assert "diesel car burning 7.03 L per 100 km (179 g of CO₂ per km)" in notes["Diesel and car"]
    assert "106.6" not in notes["Diesel and car"]
    assert "78.4 days" in notes["GPUs and days"] and "They agree" in notes["GPUs and days"]
    assert "$1.95 per GPU hour" in notes["Cost"]
    assert "household use only" in notes["People's electricity"]
    assert "4,783 people" in notes["People's electricity"]


def test_card_json() -> None:
    data = training_card().to_json()
    assert set(data) == {
        "meta", "seed", "reference", "derived", "disagreements", "headlines", "sources",
    }  # fmt: skip
    first = data["meta"][0]  # type: ignore[index]
    assert set(first) == {"key", "value", "unit", "source", "date", "note"}


def test_three_headline_figures_side_by_side() -> None:
    heads = {h.key: h for h in training_card().headlines}
    assert list(heads) == ["energy_gwh", "co2_t", "gpus_days"]
    assert heads["energy_gwh"].meta == pytest.approx((21.588,)) and heads["energy_gwh"].seed == (
        11,
    )
    assert heads["co2_t"].meta == (8930,) and heads["co2_t"].seed == (5000,)
    assert heads["gpus_days"].meta == pytest.approx((16384, 78.43), rel=1e-3)
    assert heads["gpus_days"].seed == (16000, 80)


def test_training_sources_list_every_constant_it_uses() -> None:
    sources = " ".join(training_card().sources)
    assert "MODEL_CARD.md" in sources  # Meta
    assert "Arrêté of 26 April 2017" in sources  # the French decree's diesel factors
    assert "RTE" in sources
    assert "electricity mix for EEE" in sources and "electricity mix for WOR" in sources
    assert "Smaller is smarter" in sources  # the article (the seed's car is its own figures)
