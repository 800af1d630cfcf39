"""The same answer on Llama 3.1 405B in a datacenter, beside the local one, Qt-free.

- data:       the sourced figures of resources/data/comparison-405b.json
- hardware:   memory by precision, 80 GB GPUs (EcoLogits' rule), the same memory in 16 GB laptops
- energy:     the 405B energy range: EcoLogits (high), ML.ENERGY measured (low), Epoch (reference)
- local:      LocalAnswer, the local side from a footprint and the memory measured
- ratios:     405B / local, in plain words both ways
- comparison: compare_405b() -> Comparison, and its `comparison_405b` JSON
- training:   training_card(), Meta's figures beside the seed article's, and where they disagree

Use:
    local = LocalAnswer.from_footprint(
        footprint, output_tokens, app_rss_mb=peak_rss_mb, model_file_bytes=size
    )
    comparison = compare_405b(prompt_tokens, output_tokens, local)
    comparison.to_json()          # `smaller ask --json` -> "comparison_405b"
    comparison.ratios["energy"].words
    training_card().to_json()
"""

from desktop.core.compare.comparison import (
    DEFAULT_DATACENTER,
    Comparison,
    compare_405b,
    electricity_cost_usd,
)
from desktop.core.compare.data import (
    ApiPrice,
    ComparisonData,
    Datacenter,
    ElectricityPrice,
    comparison_data,
)
from desktop.core.compare.energy import (
    METHOD_ECOLOGITS,
    METHOD_EPOCH,
    METHOD_MEASURED,
    EnergyEstimate,
    ecologits_estimate,
    epoch_energy_wh,
    measured_energy_wh,
)
from desktop.core.compare.hardware import (
    Hardware405B,
    gpus_needed,
    hardware_405b,
    laptops_needed,
    served_memory_gb,
)
from desktop.core.compare.local import LocalAnswer, combine_answers
from desktop.core.compare.ratios import Ratio, ratio_words
from desktop.core.compare.training import Disagreement, TrainingCard, training_card

__all__ = [
    "DEFAULT_DATACENTER",
    "METHOD_ECOLOGITS",
    "METHOD_EPOCH",
    "METHOD_MEASURED",
    "ApiPrice",
    "Comparison",
    "ComparisonData",
    "Datacenter",
    "Disagreement",
    "ElectricityPrice",
    "EnergyEstimate",
    "Hardware405B",
    "LocalAnswer",
    "Ratio",
    "TrainingCard",
    "combine_answers",
    "compare_405b",
    "comparison_data",
    "ecologits_estimate",
    "electricity_cost_usd",
    "epoch_energy_wh",
    "gpus_needed",
    "hardware_405b",
    "laptops_needed",
    "measured_energy_wh",
    "ratio_words",
    "served_memory_gb",
    "training_card",
]
