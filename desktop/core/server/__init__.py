"""The OpenAI-compatible server: the user's own programs ask the local model, and every request's
footprint is counted and returned. Qt-free; the window and `smaller serve` both run it.

- settings:  port, host, allowed origins and the API key, kept in the app-data folder
- errors:    OpenAI's error object and status codes
- requests:  request bodies validated into typed records (400 naming the field)
- responses: completion bodies, stream chunks, `usage` with the `x_smaller` footprint
- bridge:    a request as a job on the one engine thread, its tokens to the event loop
- documents: the `x_smaller.documents` field: answers grounded in named collections
- embeddings: /v1/embeddings with the documents' offline model, in a worker thread
- security:  Host check (DNS rebinding), key, origins (CORS), body size
- app:       the Starlette routes
- runner:    uvicorn in a thread, started and stopped cleanly
- ledger:    each request in the append-only ledger; the Programs totals read back
"""

from desktop.core.server.runner import ApiServer, ServerOptions
from desktop.core.server.settings import ServerSettings, load_settings, renew_key, save_settings

__all__ = [
    "ApiServer", "ServerOptions", "ServerSettings", "load_settings", "renew_key",
    "save_settings",
]  # fmt: skip
