"""The chats file's schema, as migrations. Entry N upgrades a file from version N to N+1;
`PRAGMA user_version` records how many ran. Never edit a shipped entry: append a new one, so
every file follows the same path."""

from __future__ import annotations

# Notes were stored as sentences (in the language of the day) up to version 1; from version 2
# they are codes, translated when shown. The sentences the app wrote, in both languages:
_LEGACY_NOTES = {
    "interrupted": ("Interrupted: the app closed before the answer finished.",),
    "closed": (
        "Stopped: the window was closed before the answer finished.",
        "Arrêté : la fenêtre a été fermée avant la fin de la réponse.",
    ),
    "stopped": ("Stopped by you.", "Arrêté à votre demande."),
}


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _note_codes() -> list[str]:
    return [
        f"UPDATE messages SET note = '{code}' WHERE note IN ({', '.join(map(_quoted, texts))})"
        for code, texts in _LEGACY_NOTES.items()
    ]


# What the footprint of a saved answer says, for the ledger's columns.
_FP = "json_extract(stats, '$.footprint.{}')"

MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            system_prompt TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL)""",
        """CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at REAL NOT NULL,
            stats TEXT NOT NULL DEFAULT '{}',
            note TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX messages_by_conversation ON messages(conversation_id, id)",
    ),
    (
        # Every answer's cost, kept when its chat is deleted or the answer regenerated: no
        # foreign key, and triggers refuse any change or deletion.
        """CREATE TABLE ledger (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            kind TEXT NOT NULL,
            conversation_id INTEGER,
            message_id INTEGER,
            model TEXT NOT NULL DEFAULT '',
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            energy_wh REAL NOT NULL,
            energy_wh_low REAL NOT NULL,
            energy_wh_high REAL NOT NULL,
            co2_g REAL NOT NULL,
            water_ml REAL NOT NULL,
            method TEXT NOT NULL,
            grid TEXT NOT NULL,
            cpu_s REAL,
            wall_s REAL,
            detail TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX ledger_by_conversation ON ledger(conversation_id)",
        "CREATE INDEX ledger_by_kind_time ON ledger(kind, at)",
        """CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END""",
        """CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger
            BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END""",
        # What the chats already hold enters the ledger once, so totals do not drop on upgrade.
        f"""INSERT INTO ledger (at, kind, conversation_id, message_id, model, prompt_tokens,
                completion_tokens, energy_wh, energy_wh_low, energy_wh_high, co2_g, water_ml,
                method, grid, cpu_s, wall_s)
            SELECT created_at, 'answer', conversation_id, id,
                COALESCE(json_extract(stats, '$.model'), ''),
                COALESCE(json_extract(stats, '$.prompt_tokens'), 0),
                COALESCE(json_extract(stats, '$.completion_tokens'), 0),
                {_FP.format("energy_wh")},
                COALESCE({_FP.format("range_wh[0]")}, {_FP.format("energy_wh")}),
                COALESCE({_FP.format("range_wh[1]")}, {_FP.format("energy_wh")}),
                COALESCE({_FP.format("co2_g")}, 0), COALESCE({_FP.format("water_ml")}, 0),
                COALESCE({_FP.format("method")}, 'estimated'),
                COALESCE({_FP.format("grid")}, 'WOR'),
                json_extract(stats, '$.resources.cpu_s'), json_extract(stats, '$.resources.wall_s')
            FROM messages
            WHERE role = 'assistant' AND {_FP.format("energy_wh")} IS NOT NULL
            ORDER BY id""",
        *_note_codes(),
        # A new chat's title is stored empty and shown as "New chat" in the user's language.
        "UPDATE conversations SET title = '' WHERE title IN ('New chat', 'Nouvelle conversation')",
    ),
    (
        # Versions of an answer: regenerating keeps the earlier answer, hidden. `version_of` is
        # the first version's id (NULL for a first version); only `shown` rows make the chat
        # the model and the pages see. Existing messages are first versions, shown.
        "ALTER TABLE messages ADD COLUMN version_of INTEGER",
        "ALTER TABLE messages ADD COLUMN shown INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX messages_versions ON messages(version_of)",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)
