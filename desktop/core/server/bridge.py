"""A request as a job on the one engine thread (`EngineService`), the same path as the window's
answers and `smaller ask`: `ModelSession.answer`, measured. Tokens cross to the server's event
loop through `call_soon_threadsafe`; the job's own stop Event ends the answer at the next token
(a client that left, a stop string, the server stopping)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.core.records import AnswerResult
from desktop.core.server.requests import ApiRequest
from desktop.core.service import EngineService, Job
from desktop.core.session import ModelSession

DONE = object()  # the end of a job's token stream


class StopScanner:
    """Finds the request's stop strings in the text as it streams. Text that could be the start
    of a stop string is held back until it is known not to be one, so a client never sees any
    part of a stop string."""

    def __init__(self, stops: tuple[str, ...], stop: threading.Event) -> None:
        self._stops = stops
        self._stop = stop
        self._held = ""
        self.text = ""  # everything let through
        self.matched = False

    def feed(self, piece: str) -> str:
        if self.matched:
            return ""
        if not self._stops:
            self.text += piece
            return piece
        buffer = self._held + piece
        cut = min((i for s in self._stops if (i := buffer.find(s)) >= 0), default=-1)
        if cut >= 0:
            self.matched = True
            self._stop.set()
            self._held = ""
            return self._pass(buffer[:cut])
        keep = max((n for s in self._stops for n in range(1, len(s)) if buffer.endswith(s[:n])),
                   default=0)  # fmt: skip
        self._held = buffer[len(buffer) - keep :] if keep else ""
        return self._pass(buffer[: len(buffer) - keep])

    def finish(self) -> str:
        """What was held back, once the answer ended without reaching a stop string."""
        rest, self._held = ("" if self.matched else self._held), ""
        return self._pass(rest)

    def _pass(self, text: str) -> str:
        self.text += text
        return text


@dataclass
class Served:
    """What the engine produced for one request."""

    result: AnswerResult
    text: str  # cut at the stop string, if one was met
    finish_reason: str  # "stop" or "length" (OpenAI's values)
    stopped_by_client: bool = False


def finish_reason(result: AnswerResult, scanner: StopScanner, max_tokens: int) -> str:
    if scanner.matched or result.status != "complete":
        return "stop"
    return "length" if result.completion_tokens >= max_tokens else "stop"


def submit_request(
    service: EngineService,
    request: ApiRequest,
    loop: asyncio.AbstractEventLoop,
    tokens: asyncio.Queue[Any],
    ended: asyncio.Event,
    documents_index: Path | None = None,
) -> Job[Served]:
    """Queue the request on the engine thread (bounded: raises QueueFull). Each piece of text, then
    DONE, is put on `tokens` in the event loop's thread, and `ended` is set once the job is over
    (so nothing on the loop's side waits in a thread for it). A request naming collections is
    grounded in them as `smaller ask --docs` is, searching the index at `documents_index`."""

    def post(item: object) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed: nobody is listening any more
            loop.call_soon_threadsafe(tokens.put_nowait, item)

    def work(session: ModelSession, stop: threading.Event) -> Served:
        scanner = StopScanner(request.stop, stop)
        settings = session.sampling(request.max_tokens, request.temperature)
        if request.top_p is not None:
            settings = replace(settings, top_p=request.top_p)

        def on_text(piece: str) -> None:
            if out := scanner.feed(piece):
                post(out)

        result = _answer(session, request, settings, on_text, stop, documents_index)
        if rest := scanner.finish():
            post(rest)
        reason = finish_reason(result, scanner, request.max_tokens)
        client_left = result.status == "stopped" and not scanner.matched
        text = scanner.text if request.stop else result.text
        return Served(result, text, reason, client_left)

    def on_done(_job: Job[Served]) -> None:
        post(DONE)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(ended.set)

    return service.submit(work, kind="api", on_done=on_done, limit=True)


def _answer(
    session: ModelSession, request: ApiRequest, settings: Any, on_text: Callable[[str], None],
    stop: threading.Event, documents_index: Path | None,
) -> AnswerResult:  # fmt: skip
    if request.documents is None:
        return session.answer(
            request.user, history=list(request.history), system_prompt=request.system_prompt,
            settings=settings, on_text=on_text, stop=stop,
        )  # fmt: skip
    from desktop.core.docs.grounding import answer_from_documents
    from desktop.core.docs.index import DocIndex

    index = DocIndex(documents_index)  # one connection per thread: opened on the engine's
    try:
        return answer_from_documents(
            session, index, request.user, request.documents, history=list(request.history),
            system_prompt=request.system_prompt, settings=settings, on_text=on_text, stop=stop,
        )  # fmt: skip
    finally:
        index.close()


Recorder = Callable[[Served, ApiRequest], None]
