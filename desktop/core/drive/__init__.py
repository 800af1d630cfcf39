"""The test drive: everyday tasks with answers a rule can check, run on every installed model,
reported per model and category (correct answers, energy, time). Qt-free."""
