"""Model manager, Qt-free: catalog, installed models, per-model settings, RAM fit, download, import.

Nothing here opens a network connection unless `refresh_catalog()` or `Download.run()` is called.
"""

from desktop.core.models.catalog import (
    Catalog,
    CatalogEntry,
    CatalogError,
    load_catalog,
)
from desktop.core.models.catalog_refresh import refresh_catalog
from desktop.core.models.download import Download, DownloadError, Progress
from desktop.core.models.fit import Fit, Memory, fit_for_entry, fit_for_info
from desktop.core.models.importer import ImportResult, ModelImportError, import_model
from desktop.core.models.installed import (
    InstalledModel,
    ModelNotFound,
    active_model,
    active_model_path,
    find_installed,
    list_installed,
    models_dir,
    remove_model,
    restore_default,
    set_active_model,
)
from desktop.core.models.settings import ModelSettings, load_settings, save_settings, settings_for

__all__ = [
    "Catalog", "CatalogEntry", "CatalogError", "Download", "DownloadError", "Fit", "ImportResult",
    "InstalledModel", "Memory", "ModelImportError", "ModelNotFound", "ModelSettings", "Progress",
    "active_model", "active_model_path", "find_installed", "fit_for_entry", "fit_for_info",
    "import_model", "list_installed", "load_catalog", "load_settings", "models_dir",
    "refresh_catalog", "remove_model", "restore_default", "save_settings", "set_active_model",
    "settings_for",
]  # fmt: skip
