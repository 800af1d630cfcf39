"""`smaller serve`: the OpenAI-compatible server without the window, until Ctrl+C or SIGTERM.

Loads the model on the engine thread (the same `EngineService` the window uses), listens on
127.0.0.1 unless `--host` says otherwise, prints where and the key, and on a signal stops the
answers in progress (they are recorded in the ledger), the server and the engine, within ~2 s.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
from typing import Any

from desktop.cli_output import EXIT_INTERRUPTED, EXIT_USAGE, Output, say


def serve(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.engine import EngineError
    from desktop.core.paths import chats_db_path
    from desktop.core.server import ApiServer, ServerOptions, load_settings
    from desktop.core.server.runner import ServerError
    from desktop.core.server.settings import DEFAULT_HOST
    from desktop.core.service import EngineService
    from desktop.core.session import MeterSettings, ModelSession, active_choice, find_choice

    if args.port is not None and not 1 <= args.port <= 65535:
        return out.fail(f"--port must be from 1 to 65535, not {args.port}.", "bad_argument",
                        EXIT_USAGE)  # fmt: skip
    if args.api_key is not None and len(args.api_key.strip()) < 8:
        return out.fail("--api-key must have at least 8 characters.", "bad_argument", EXIT_USAGE)
    saved = load_settings()  # makes and saves a key on first use
    key = (args.api_key or saved.api_key).strip()
    port = args.port if args.port is not None else saved.port
    host = args.host or DEFAULT_HOST  # another address only when asked on this command line

    service = EngineService(ModelSession(threads=args.threads, meter=MeterSettings(zone=args.grid)))
    service.start()
    stop = threading.Event()
    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):  # set before loading: a Ctrl+C then ends cleanly
        with contextlib.suppress(ValueError):
            previous[sig] = signal.signal(sig, lambda _s, _f: stop.set())
    server: ApiServer | None = None
    try:
        try:
            choice = find_choice(args.model) if args.model else active_choice()
            service.submit(lambda session, _stop: session.load(choice), kind="load").wait()
        except EngineError as exc:
            return out.fail(str(exc), exc.kind, model=str(args.model or ""))
        if stop.is_set():  # Ctrl+C while the model loaded: never start listening
            return out.fail("Interrupted before the server started.", "interrupted",
                            EXIT_INTERRUPTED)  # fmt: skip
        options = ServerOptions(
            api_key=key, port=port, host=host, allowed_origins=saved.allowed_origins,
            ledger=chats_db_path(),
        )  # fmt: skip
        try:
            server = ApiServer(service, options).start()
        except ServerError as exc:
            return out.fail(str(exc), exc.kind)
        out.stream.write(
            f"Smaller answers programs with {choice.name} at {server.url}\n"
            f"API key: {key}\n"
            "Each response's usage.x_smaller gives its energy and CO2. Press Ctrl+C to stop.\n"
        )
        if host not in ("127.0.0.1", "::1", "localhost"):
            out.stream.write(
                f"Listening on {host}: other computers that can reach this address can use the "
                "model (with the key).\n"
            )
        out.stream.flush()
        while not stop.wait(0.2):
            pass
        say("Stopping: answers in progress are stopped and counted.")
        return 0
    finally:
        if server is not None:
            server.stop(1.0)
        service.shutdown(0.8)
        for sig, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)


def add_serve_parser(sub: Any) -> None:
    """`smaller serve`'s flags (the parser lives beside the command)."""
    serve = sub.add_parser("serve", help="let programs on this computer use the model through "
                           "an OpenAI-compatible API (until Ctrl+C)")  # fmt: skip
    serve.add_argument("--port", type=int, help="port to listen on (default: 4891, or Settings')")
    serve.add_argument("--host", help="address to listen on (default: 127.0.0.1, this computer "
                       "only; another address lets other computers ask, with the key)")  # fmt: skip
    serve.add_argument("--api-key", help="the key programs must send (default: the saved one, "
                       "made on first use)")  # fmt: skip
    serve.add_argument("--model", help="an installed model's name or a .gguf file")
    serve.add_argument("--threads", type=int, help="CPU threads (default: physical cores - 1)")
    serve.add_argument("--grid", help="electricity grid zone for CO2 and water")
