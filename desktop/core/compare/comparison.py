"""One answer side by side with the same answer on Llama 3.1 405B in a datacenter.

`compare_405b(prompt_tokens, output_tokens, local)` gives a `Comparison`: the 405B model's memory
and GPUs, its energy as a range (low: ML.ENERGY measured; high: EcoLogits; reference: Epoch), CO2
and water from the datacenter's grid, PUE and WUE, API prices, and the ratios to the local answer
in plain words. `Comparison.to_json()` is the `comparison_405b` object of `smaller ask --json`.

Both sides count the same work: the prompt read (prefill) and the answer written. Both grids are
named: the datacenter is placed on the user's own grid unless another region is chosen (with the
datacenter's PUE and WUE), and the CO2 saving is split into what the model's size saves (energy)
and what the grids' difference adds.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.compare.data import ApiPrice, ComparisonData, ElectricityPrice, comparison_data
from desktop.core.compare.energy import (
    EnergyEstimate,
    ecologits_estimate,
    epoch_estimate,
    measured_estimate,
    prefill_description,
)
from desktop.core.compare.explanation import explanation, why_range
from desktop.core.compare.grids import SavingsSplit, grid_json, savings_split
from desktop.core.compare.hardware import (
    Hardware405B,
    bits_of_model,
    hardware_405b,
    precision_for_bits,
)
from desktop.core.compare.local import LocalAnswer
from desktop.core.compare.ratios import ENERGY_FLOOR_WH, Ratio, ratio_words, scope_words
from desktop.core.figures import given
from desktop.core.footprint.grid import GridFactors, grid_factors

DEFAULT_DATACENTER = "huggingface_hub"  # where EcoLogits places Llama 3.1 405B
MODEL_NAME = "Llama 3.1 405B Instruct"
BYTES_PER_MB = 2**20  # the app's MB (RSS, file sizes) are binary megabytes
BYTES_PER_GB = 1e9  # model weights are quoted in decimal GB (810 GB = 405e9 x 2 bytes)


def _significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


def electricity_cost_usd(energy_wh: float, price: ElectricityPrice) -> float:
    """What `energy_wh` costs at a household price per kWh."""
    return energy_wh / 1000 * price.usd_per_kwh.value


def _range_json(low: float, high: float) -> dict[str, float]:
    return {"low": _significant(low), "high": _significant(high)}


@dataclass(frozen=True)
class Comparison:
    prompt_tokens: int
    output_tokens: int
    datacenter: str
    datacenter_name: str
    grid: GridFactors  # the datacenter's grid
    local_grid: GridFactors  # this computer's grid
    grid_chosen: bool  # False: the datacenter is placed on the user's own grid (the default)
    answers: int  # how many answers the local side adds up (1, or a whole chat)
    savings: SavingsSplit
    memory_precision: str  # the 405B precision the memory ratio uses: the local model's own
    hardware: Hardware405B
    low: EnergyEstimate  # ML.ENERGY measured
    high: EnergyEstimate  # EcoLogits
    reference: EnergyEstimate  # Epoch
    cost_usd_by_host: dict[str, float]
    api_prices: dict[str, ApiPrice]
    local: LocalAnswer
    local_price: ElectricityPrice
    ratios: dict[str, Ratio]
    explanation: str  # what the comparison shows and does not show, in plain words
    why_range: str  # one sentence: why low and high differ
    notes: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def energy_wh(self) -> tuple[float, float]:
        return self.low.wh_low, self.high.wh_high

    @property
    def co2_g(self) -> tuple[float, float]:
        return self.low.co2_g_low, self.high.co2_g_high

    @property
    def water_ml(self) -> tuple[float, float]:
        return self.low.water_ml_low, self.high.water_ml_high

    @property
    def cost_usd(self) -> tuple[float, float]:
        costs = self.cost_usd_by_host.values()
        return min(costs), max(costs)

    @property
    def local_cost_usd(self) -> float:
        return electricity_cost_usd(self.local.energy_wh, self.local_price)

    def to_json(self) -> dict[str, object]:
        """The `comparison_405b` object of `smaller ask --json`; every key names its unit."""
        hw = self.hardware
        local_memory = self.local.model_memory_mb
        return {
            "model": MODEL_NAME,
            "answers": self.answers,
            "prompt_tokens": self.prompt_tokens,
            "output_tokens": self.output_tokens,
            "datacenter": self.datacenter,
            "grid": self.grid.zone,
            "grids": {
                "local": grid_json(self.local_grid),
                "datacenter": {
                    **grid_json(self.grid),
                    "chosen_by": "user" if self.grid_chosen else "default: the local grid",
                    "pue_and_wue_of": self.datacenter_name,
                },
            },
            "savings_split": self.savings.to_json(),
            "memory_gb": {name: _significant(gb) for name, gb in hw.memory_gb.items()},
            "served_memory_gb": _significant(hw.served_memory_gb),
            "memory_seed_note": hw.seed_note,
            "gpu_memory_gb": hw.gpu_memory_gb,
            "gpus": hw.gpus,
            "gpus_by_precision": dict(hw.gpus_by_precision),
            "laptops_16gb": hw.laptops_16gb,
            "laptops_16gb_by_precision": dict(hw.laptops_16gb_by_precision),
            "memory_ratio_precision": self.memory_precision,
            "energy_wh": {
                **_range_json(*self.energy_wh),
                "low_prefill": _significant(self.low.prefill_wh_low),
                "high_prefill": _significant(self.high.prefill_wh_high),
                "method_low": self.low.method,
                "method_high": self.high.method,
                "reference": _significant(self.reference.wh_low),
                "reference_prefill": _significant(self.reference.prefill_wh_low),
                "method_reference": self.reference.method,
            },
            "prefill_method": prefill_description(comparison_data()),
            "methods": {e.method: e.description for e in (self.low, self.high, self.reference)},
            "co2_g": _range_json(*self.co2_g),
            "co2_g_embodied_ecologits": _significant(self.high.co2_g_embodied),
            "water_ml": _range_json(*self.water_ml),
            "cost_usd": {
                **_range_json(*self.cost_usd),
                "by_host": {key: _significant(v) for key, v in self.cost_usd_by_host.items()},
                "prices": {key: p.to_json() for key, p in self.api_prices.items()},
                "prices_dated": _price_dates(self.api_prices),
            },
            "local": {
                "method": self.local.method,
                "grid": self.local_grid.zone,
                "energy_wh": _significant(self.local.energy_wh),
                "co2_g": _significant(self.local.co2_g),
                "water_ml": _significant(self.local.water_ml),
                "cost_usd": _significant(self.local_cost_usd),
                "electricity_usd_per_kwh": self.local_price.usd_per_kwh.value,
                "memory_mb": None if local_memory is None else _significant(local_memory),
                "memory_source": self.local.model_memory_source,
            },
            "ratios": {row: ratio.to_json() for row, ratio in self.ratios.items()},
            "why_range": self.why_range,
            "explanation": self.explanation,
            "notes": list(self.notes),
        }


def _price_dates(prices: dict[str, ApiPrice]) -> str:
    """'2025-07-03 to 2026-08-19': the span of the prices' dates, for the card."""
    dates = sorted(p.date for p in prices.values())
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def _cost_by_host(prices: dict[str, ApiPrice], prompt: int, output: int) -> dict[str, float]:
    return {key: price.cost_usd(prompt, output) for key, price in prices.items()}


def _memory_ratio(local: LocalAnswer, hw: Hardware405B) -> tuple[Ratio, str]:
    """Like for like: the 405B weights at the local model's own precision (4-bit for a Q4 file),
    so the ratio counts parameters, not a difference in rounding."""
    local_gb = (local.model_memory_mb or 0.0) * BYTES_PER_MB / BYTES_PER_GB
    bits = local.weights_bits or bits_of_model(local.model_name)
    precision = precision_for_bits(bits)
    big = hw.memory_gb[precision]
    return ratio_words("memory", local_gb, big, big), precision


def compare_405b(
    prompt_tokens: int,
    output_tokens: int,
    local: LocalAnswer,
    *,
    datacenter: str = DEFAULT_DATACENTER,
    zone: str | None = None,
    answers: int = 1,
    data: ComparisonData | None = None,
) -> Comparison:
    """The same answer on Llama 3.1 405B: the same prompt read, the same tokens written.

    `zone` places the datacenter on a grid; by default the user's own (`local.zone`), so that the
    comparison is of models, not of grids. `datacenter` gives its PUE and WUE.
    """
    data = data or comparison_data()
    center = data.datacenter(datacenter)
    local_grid = grid_factors(local.zone)
    grid = grid_factors(zone or local.zone)
    hw = hardware_405b(data)
    low = measured_estimate(prompt_tokens, output_tokens, grid, center, data)
    high = ecologits_estimate(output_tokens, grid.zone, center, data, prompt_tokens, grid)
    reference = epoch_estimate(prompt_tokens, output_tokens, grid, center, data)
    costs = _cost_by_host(data.api_prices, prompt_tokens, output_tokens)
    price = data.electricity_price(local.zone)
    local_cost = electricity_cost_usd(local.energy_wh, price)
    scope = scope_words(answers)
    measurable = local.energy_wh >= ENERGY_FLOOR_WH
    memory, precision = _memory_ratio(local, hw)

    def row(name: str, mine: float, lowest: float, highest: float) -> Ratio:
        return ratio_words(name, mine, lowest, highest, scope=scope, measurable=measurable)

    ratios = {
        "memory": memory,
        "energy": row("energy", local.energy_wh, low.wh_low, high.wh_high),
        "co2": row("co2", local.co2_g, low.co2_g_low, high.co2_g_high),
        "water": row("water", local.water_ml, low.water_ml_low, high.water_ml_high),
        "cost": row("cost", local_cost, min(costs.values()), max(costs.values())),
    }
    savings = savings_split(ratios["energy"], local_grid, grid)
    notes = list(high.notes) + [f"Datacenter grid: {warning}" for warning in grid.warnings]
    if local.zone.upper() not in price.applies_to:
        notes.append(
            f"No household electricity price for {local.zone} here: the {price.key} figure "
            f"({given(price.usd_per_kwh.value)} USD/kWh) is used."
        )
    figures = [*data.constants.values(), price.usd_per_kwh]
    figures += [center.pue_low, center.wue_low]
    for host in data.api_prices.values():
        figures.append(host.input_usd_per_mtok)
    return Comparison(
        prompt_tokens=prompt_tokens,
        output_tokens=output_tokens,
        datacenter=center.key,
        datacenter_name=center.name,
        grid=grid,
        local_grid=local_grid,
        grid_chosen=zone is not None,
        answers=answers,
        savings=savings,
        memory_precision=precision,
        hardware=hw,
        low=low,
        high=high,
        reference=reference,
        cost_usd_by_host=costs,
        api_prices=data.api_prices,
        local=local,
        local_price=price,
        ratios=ratios,
        explanation=explanation(local, high.co2_g_embodied, savings, data),
        why_range=why_range(hw, data),
        notes=tuple(dict.fromkeys(notes)),
        sources=tuple(
            dict.fromkeys([*(f.source for f in figures), local_grid.source, grid.source])
        ),
    )
