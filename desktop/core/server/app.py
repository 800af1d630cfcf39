"""The routes: GET /v1/models, POST /v1/chat/completions, POST /v1/completions (streamed as
server-sent events or not), answering in OpenAI's shapes and errors.

A request's life: body read within the size limit (413), validated (400 naming the field), queued
on the engine thread (429 with Retry-After past the queue's bound), tokens relayed as they come
(the first reaches the client while the answer is still being written), then its footprint
computed and recorded in the ledger, even when the client left or the server is stopping. A
client that disconnects sets the job's stop Event: the engine stops at its next token.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from desktop.core.server import embeddings as E
from desktop.core.server import responses as R
from desktop.core.server.bridge import DONE, Served, submit_request
from desktop.core.server.documents import check_collections
from desktop.core.server.errors import ApiError
from desktop.core.server.ledger import LedgerRecorder, ledger_entry
from desktop.core.server.requests import ApiRequest, chat_request, completion_request, parse_json
from desktop.core.server.security import Guard, Policy
from desktop.core.service import EngineService, Job, JobCancelled, QueueFull

log = logging.getLogger(__name__)
Parse = Callable[[dict[str, object], int], ApiRequest]


@dataclass(frozen=True)
class ModelFile:
    """What the 405B comparison needs of the loaded model's file."""

    size_bytes: int | None
    name: str


@dataclass
class ServerState:
    """What the routes share: the engine, the policy, the ledger, and what is in progress."""

    service: EngineService
    policy: Policy
    recorder: LedgerRecorder | None = None
    active: set[Job[Any]] = field(default_factory=set)
    finishing: set[asyncio.Task[Any]] = field(default_factory=set)
    served: int = 0
    average_s: float = 5.0  # seconds per request, for Retry-After; updated as requests finish
    documents_index: Path | None = None  # the documents index; None: the app's own
    embedder: E.EmbeddingService = field(default_factory=E.EmbeddingService)

    def model(self) -> tuple[str, ModelFile]:
        session = self.service.session
        choice, info = session.choice, session.info
        if choice is None:
            raise ApiError(503, "No model is loaded yet; try again in a moment.",
                           code="model_not_loaded", headers={"Retry-After": "2"})  # fmt: skip
        return choice.name, ModelFile(info.size_bytes if info else None, choice.path.name)


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    too_big = ApiError(413, f"The body is larger than this server's limit of {limit:,} bytes.",
                       code="body_too_large")  # fmt: skip
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks, size = [], 0
    async for part in request.stream():
        size += len(part)
        if size > limit:
            raise too_big
        chunks.append(part)
    return b"".join(chunks)


async def watch_disconnect(request: Request, job: Job[Any]) -> None:
    """The client left: stop its answer (the engine reads the Event at every token)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            job.cancel()
            return


def _error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.to_json(), status_code=error.status, headers=error.headers)


class Routes:
    def __init__(self, state: ServerState) -> None:
        self.state = state

    async def models(self, _request: Request) -> Response:
        name, _size = self.state.model()
        # The chat model first (programs often take the first), then the embedding model.
        data = [{"id": n, "object": "model", "created": 0, "owned_by": "smaller"}
                for n in (name, E.MODEL_ID)]  # fmt: skip
        return JSONResponse({"object": "list", "data": data})

    async def embeddings(self, request: Request) -> Response:
        """Not an engine job: see desktop.core.server.embeddings."""
        state = self.state
        try:
            req = E.embedding_request(parse_json(await read_body(request, state.policy.body_limit)))
            done, x_smaller = await state.embedder.run(list(req.texts))
        except ApiError as error:
            return _error_response(error)
        entry = E.ledger_entry(done, x_smaller, len(req.texts))
        if state.recorder is not None and entry is not None:
            try:
                await asyncio.get_running_loop().run_in_executor(None, state.recorder.record, entry)
            except Exception:
                log.exception("recording an embeddings request in the ledger failed")
        return JSONResponse(E.response_body(req, done, x_smaller))

    async def chat(self, request: Request) -> Response:
        return await self._complete(request, chat_request)

    async def completions(self, request: Request) -> Response:
        return await self._complete(request, completion_request)

    async def _complete(self, request: Request, parse: Parse) -> Response:
        state = self.state
        try:
            req = parse(parse_json(await read_body(request, state.policy.body_limit)),
                        state.policy.max_tokens_cap)  # fmt: skip
            loop = asyncio.get_running_loop()
            if req.documents is not None:  # 400 naming an unknown collection, before queueing
                await loop.run_in_executor(
                    None, check_collections, req.documents, state.documents_index
                )
            model, size = state.model()
            tokens: asyncio.Queue[Any] = asyncio.Queue()
            ended = asyncio.Event()
            try:
                job = submit_request(state.service, req, loop, tokens, ended,
                                     state.documents_index)  # fmt: skip
            except QueueFull:
                wait = max(1, math.ceil(state.average_s * (state.service.pending + 1)))
                busy = "Smaller is busy answering other requests; retry later."
                headers = {"Retry-After": str(wait)}
                raise ApiError(429, busy, code="queue_full", headers=headers) from None
            except JobCancelled:
                raise ApiError(503, "The server is stopping.", code="stopping") from None
        except ApiError as error:
            return _error_response(error)
        state.active.add(job)
        rid = R.new_id(req)
        watcher = asyncio.create_task(watch_disconnect(request, job))
        finished = asyncio.create_task(self._finish(job, req, ended, size, rid))
        state.finishing.add(finished)
        finished.add_done_callback(state.finishing.discard)
        if req.stream:
            stream = self._stream(job, req, rid, model, tokens, finished, watcher)
            headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
            return StreamingResponse(stream, media_type="text/event-stream", headers=headers)
        try:
            served, fp = await finished
        finally:
            watcher.cancel()
        if (problem := _answer_error(served)) is not None or served is None:
            return _error_response(problem or ApiError(500, "No answer."))
        return JSONResponse(R.completion_body(req, rid, model, served, fp))

    async def _finish(
        self, job: Job[Served], req: ApiRequest, ended: asyncio.Event, size: ModelFile, rid: str
    ) -> tuple[Served | None, R.Footprint]:
        """Wait for the job, then count and record what it cost, off the event loop. Runs even
        when the client has gone."""
        state = self.state
        await ended.wait()
        state.active.discard(job)
        served = job.result if job.error is None else None
        if served is None:
            return None, R.Footprint({"measured": False, "method": None}, None)
        waited = (job.started_at or job.queued_at) - job.queued_at
        order = {"id": rid, "job": job.id, "start": job.start_number, "waited_s": round(waited, 3)}
        fp = await asyncio.get_running_loop().run_in_executor(
            None, self._record, served, req, size, order
        )
        state.served += 1
        state.average_s = 0.8 * state.average_s + 0.2 * max(served.result.total_s, 0.1)
        return served, fp

    def _record(
        self, served: Served, req: ApiRequest, file: ModelFile, order: dict[str, object]
    ) -> R.Footprint:
        # The answer is given whatever happens here; the log says why it was not counted.
        try:
            fp = R.footprint(served, file.size_bytes, file.name)
        except Exception:
            log.exception("the footprint of an API request could not be computed")
            return R.Footprint({"measured": False, "method": None}, None)
        entry = ledger_entry(served, req, fp, order)
        if entry is not None and self.state.recorder is not None:
            try:
                self.state.recorder.record(entry)
            except Exception:
                log.exception("recording an API request in the ledger failed")
        return fp

    async def _stream(
        self, job: Job[Served], req: ApiRequest, rid: str, model: str,
        tokens: asyncio.Queue[Any], finished: asyncio.Task[tuple[Served | None, R.Footprint]],
        watcher: asyncio.Task[None],
    ) -> AsyncIterator[bytes]:  # fmt: skip
        try:
            yield R.chunk(req, rid, model, role=True, text="")
            while (item := await tokens.get()) is not DONE:
                yield R.chunk(req, rid, model, text=item)
            served, fp = await finished
            if (problem := _answer_error(served)) is not None or served is None:
                yield R.sse((problem or ApiError(500, "No answer.")).to_json())
                return
            use = R.usage(served, fp)
            yield R.chunk(req, rid, model, finish=served.finish_reason, usage_body=use,
                          extension=R.grounding(req, served))  # fmt: skip
            if req.include_usage:
                yield R.chunk(req, rid, model, no_choices=True, usage_body=use)
            yield R.SSE_DONE
        finally:
            # Cancelled here when the client left (Starlette noticed first) or the server stops.
            watcher.cancel()
            if not job.done.is_set():
                job.cancel()


def _answer_error(served: Served | None) -> ApiError | None:
    if served is None:
        return ApiError(503, "The answer was cancelled: the server is stopping.", code="stopping")
    result = served.result
    if result.status == "error":
        status = 500 if result.error_kind in ("backend_error", "not_loaded") else 400
        return ApiError(status, result.error or "The model gave no answer.",
                        code=result.error_kind)  # fmt: skip
    return None


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {
        404: "No such endpoint: this server has /v1/models, /v1/chat/completions, "
        "/v1/completions and /v1/embeddings.",
        405: "This endpoint does not take that method.",
    }
    error = ApiError(exc.status_code, messages.get(exc.status_code, str(exc.detail)))
    return _error_response(error)


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)  # raised by a route outside its own try (GET /v1/models)
    return _error_response(exc)


def build_app(state: ServerState) -> Guard:
    routes = Routes(state)
    app = Starlette(
        routes=[
            Route("/v1/models", routes.models, methods=["GET"]),
            Route("/v1/chat/completions", routes.chat, methods=["POST"]),
            Route("/v1/completions", routes.completions, methods=["POST"]),
            Route("/v1/embeddings", routes.embeddings, methods=["POST"]),
        ],
        exception_handlers={HTTPException: _http_error, ApiError: _api_error},
    )
    return Guard(app, state.policy)
