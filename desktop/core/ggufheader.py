"""Read a GGUF file's header (its key/value metadata and tensor table) without decoding its big
arrays.

gguf's GGUFReader builds a numpy view for every string of every array, the vocabulary included,
before a single key can be looked at: seconds on a real model, and an unknown architecture was
refused only after all that (issue 10: 32 s for a 15 MB file). This reader walks the layout of
https://github.com/ggml-org/ggml/blob/master/docs/gguf.md with `struct` on a memory map: scalars
are read, numeric arrays decoded only when short (per-layer values), long arrays and every string
array only counted and stepped over. Before the first string array or long array is stepped
over, `checkpoint` sees the fields read so far, so a caller can refuse a file on its cheap fields
(architecture, pre-tokenizer) first; in every converter's output those come before the
vocabulary.

Errors: `Truncated` when the file ends early, ValueError (including UnicodeDecodeError) or
KeyError for a damaged header, as GGUFReader raised them.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STRING, ARRAY = 8, 9
_SCALARS = {
    0: struct.Struct("<B"), 1: struct.Struct("<b"), 2: struct.Struct("<H"),
    3: struct.Struct("<h"), 4: struct.Struct("<I"), 5: struct.Struct("<i"),
    6: struct.Struct("<f"), 7: struct.Struct("<?"), 10: struct.Struct("<Q"),
    11: struct.Struct("<q"), 12: struct.Struct("<d"),
}  # fmt: skip
_U32, _U64 = _SCALARS[4], _SCALARS[10]
SHORT_ARRAY = 1024  # numeric arrays up to this long are decoded (per-layer head counts, ...)
DEFAULT_ALIGNMENT = 32


class Truncated(Exception):
    """The file ends before the header says it should."""


@dataclass(frozen=True)
class Array:
    item_type: int
    count: int
    values: tuple[object, ...] | None  # None when not decoded: strings, or a long array


class Fields(dict[str, object]):
    """Key -> int, float, bool, bytes (a string, decoded on request) or Array."""

    def text(self, key: str) -> str | None:
        value = self.get(key)
        return value.decode("utf-8") if isinstance(value, bytes) else None

    def integer(self, key: str) -> int | None:
        """An integer value; for a short array of integers (per-layer values), the largest."""
        value = self.get(key)
        if isinstance(value, Array) and value.values is not None:
            value = max((v for v in value.values if type(v) is int), default=None)
        return value if type(value) is int else None

    def count(self, key: str) -> int | None:
        value = self.get(key)
        return value.count if isinstance(value, Array) else None


@dataclass(frozen=True)
class Header:
    version: int
    fields: Fields
    tensor_count: int
    data_end: int  # where the last tensor's data ends; beyond the file size means truncated


class _Cursor:
    def __init__(self, data: mmap.mmap, size: int) -> None:
        self.data, self.size, self.pos = data, size, 0

    def _need(self, n: int) -> int:
        start, end = self.pos, self.pos + n
        if end > self.size:
            raise Truncated(f"needs bytes up to {end}, file has {self.size}")
        self.pos = end
        return start

    def scalar(self, kind: struct.Struct) -> object:
        return kind.unpack_from(self.data, self._need(kind.size))[0]

    def u32(self) -> int:
        return int(_U32.unpack_from(self.data, self._need(4))[0])

    def u64(self) -> int:
        return int(_U64.unpack_from(self.data, self._need(8))[0])

    def raw_string(self) -> bytes:
        n = self.u64()
        start = self._need(n)
        return self.data[start : start + n]

    def skip_strings(self, count: int) -> None:
        """Step over `count` strings, reading only their lengths (a vocabulary: ~50 ms for
        150,000 tokens)."""
        data, size, pos, unpack = self.data, self.size, self.pos, _U64.unpack_from
        for _ in range(count):
            if pos + 8 > size:
                raise Truncated(f"needs bytes up to {pos + 8}, file has {size}")
            pos += 8 + unpack(data, pos)[0]
            if pos > size:
                raise Truncated(f"needs bytes up to {pos}, file has {size}")
        self.pos = pos


def _value(cur: _Cursor, value_type: int, before_walk: Callable[[], None]) -> object:
    if value_type == STRING:
        return cur.raw_string()
    if value_type in _SCALARS:
        return cur.scalar(_SCALARS[value_type])
    if value_type != ARRAY:
        raise ValueError(f"unknown value type {value_type}")
    item_type, count = cur.u32(), cur.u64()
    if item_type in _SCALARS:
        kind = _SCALARS[item_type]
        if count <= SHORT_ARRAY:
            start = cur._need(kind.size * count)
            values = tuple(v for (v,) in kind.iter_unpack(cur.data[start : cur.pos]))
            return Array(item_type, count, values)
        before_walk()
        cur._need(kind.size * count)
    elif item_type == STRING:
        before_walk()
        cur.skip_strings(count)
    else:  # arrays of arrays: no key llama.cpp reads has them; step over each one
        if count > SHORT_ARRAY:
            before_walk()
        for _ in range(count):
            _value(cur, item_type, before_walk)
    return Array(item_type, count, None)


def _read(cur: _Cursor, checkpoint: Callable[[Fields], None] | None) -> Header:
    cur._need(4)  # the magic, checked by the caller
    version = cur.u32()
    tensor_count, kv_count = cur.u64(), cur.u64()
    fields = Fields()
    checked = checkpoint is None

    def before_walk() -> None:
        nonlocal checked
        if not checked:
            checked = True
            checkpoint(fields)  # type: ignore[misc]

    for _ in range(kv_count):
        key = cur.raw_string().decode("utf-8")
        if key in fields:
            raise KeyError(f"duplicate key {key}")
        fields[key] = _value(cur, cur.u32(), before_walk)
    before_walk()

    from gguf.constants import GGML_QUANT_SIZES, GGMLQuantizationType  # numpy, ~0.2 s: only now

    tensors: list[tuple[int, int]] = []  # (offset in the data section, size in bytes)
    names: set[bytes] = set()
    for _ in range(tensor_count):
        name = cur.raw_string()
        if name in names:
            raise ValueError(f"duplicate tensor {name.decode('utf-8', 'replace')}")
        names.add(name)
        n_elements = 1
        for _ in range(cur.u32()):
            n_elements *= cur.u64()
        block, type_size = GGML_QUANT_SIZES[GGMLQuantizationType(cur.u32())]
        tensors.append((cur.u64(), n_elements * type_size // block))
    alignment = fields.get("general.alignment", DEFAULT_ALIGNMENT)
    if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
        raise ValueError(f"invalid general.alignment {alignment!r}")
    data_start = -(-cur.pos // alignment) * alignment
    data_end = max((data_start + offset + n for offset, n in tensors), default=data_start)
    return Header(version, fields, tensor_count, data_end)


def read_header(
    path: Path, size: int, checkpoint: Callable[[Fields], None] | None = None
) -> Header:
    """The header of the GGUF file at `path` (`size` bytes, magic already checked)."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _read(_Cursor(data, min(size, len(data))), checkpoint)
