"""Qt-free logic: engine, model files, conversations, storage. Never imports PySide6."""
