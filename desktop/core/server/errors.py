"""OpenAI's error object: `{"error": {"message", "type", "param", "code"}}` with its status codes,
so a program's `openai` client raises the exception it expects (AuthenticationError for 401,
RateLimitError for 429...)."""

from __future__ import annotations

from dataclasses import dataclass, field

_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "invalid_request_error",
    404: "invalid_request_error",
    405: "invalid_request_error",
    413: "invalid_request_error",
    429: "rate_limit_error",
    500: "server_error",
    503: "server_error",
}


@dataclass
class ApiError(Exception):
    status: int
    message: str
    param: str | None = None
    code: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def to_json(self) -> dict[str, object]:
        return {
            "error": {
                "message": self.message,
                "type": _TYPES.get(self.status, "invalid_request_error"),
                "param": self.param,
                "code": self.code,
            }
        }


def bad_field(param: str, message: str) -> ApiError:
    """400 naming the field, as OpenAI does (`param`), and in the message for people."""
    return ApiError(400, f"{param}: {message}", param=param, code="invalid_value")
