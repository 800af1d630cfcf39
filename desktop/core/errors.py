"""The one shape of every failure a user can act on."""

from __future__ import annotations


class PlainError(Exception):
    """`str()` is the message for the user, in plain words with what to do next; `kind` is for
    code (which message, which test); `detail` is the technical reason, shown on request."""

    def __init__(self, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail
