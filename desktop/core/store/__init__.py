"""The chats file: conversations, messages and the ledger of what the model's work cost."""

from desktop.core.store.chats import NOTES, ROLES, ChatStore, Conversation
from desktop.core.store.ledger import LedgerEntry, Totals
from desktop.core.store.messages import PAGE_SIZE, Message
from desktop.core.store.opening import open_store
from desktop.core.store.schema import SCHEMA_VERSION
from desktop.core.store.sqlite import StoreError

__all__ = [
    "NOTES", "PAGE_SIZE", "ROLES", "SCHEMA_VERSION", "ChatStore", "Conversation", "LedgerEntry",
    "Message", "StoreError", "Totals", "open_store",
]  # fmt: skip
