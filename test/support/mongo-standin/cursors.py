"""Server cursors: the first batch in the command's reply, the rest by getMore, freed by killCursors.

A cursor is a list of result documents and a position, so iterating N documents costs O(N)
(mongomock's own cursor re-slices its results for every document: quadratic). Batches are
encoded once each, as raw BSON, and stop at the count asked for or near 16 MiB.
"""

import itertools
import struct
import time

import bson
from bson.int64 import Int64
from bson.raw_bson import RawBSONDocument

import bsondates
from errors import CommandError

MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024
DEFAULT_FIRST_BATCH = 101
IDLE_LIMIT_SECONDS = 600


class _Cursor:
    def __init__(self, cursor_id, namespace, documents):
        self.id = cursor_id
        self.namespace = namespace
        self.documents = documents
        self.position = 0
        self.used_at = time.monotonic()


class Cursors:
    def __init__(self):
        self._open = {}
        self._ids = itertools.count(1_000_001)

    def _batch(self, cursor, count):
        """Encodes the next documents in one call (per-document encoding costs twice as much);
        shrinks the batch when it comes out larger than a reply may be. Returns raw array bytes."""
        documents = cursor.documents
        remaining = len(documents) - cursor.position
        n = remaining if count is None else min(count, remaining)
        while True:
            encoded = bsondates.encode({"x": documents[cursor.position:cursor.position + n]})
            if len(encoded) <= MAX_BATCH_BYTES or n <= 1:
                break
            n = max(1, int(n * MAX_BATCH_BYTES / len(encoded) * 0.9))
        cursor.position += n
        # {"x": [...]} is: int32 size, 0x04, "x\0", the array document, 0x00.
        return encoded[7:-1]

    @staticmethod
    def _cursor_document(field, array_bytes, cursor_id, namespace):
        tail = bson.encode({"id": Int64(cursor_id), "ns": namespace})
        elements = b"\x04" + field.encode() + b"\x00" + array_bytes + tail[4:-1]
        return RawBSONDocument(struct.pack("<i", len(elements) + 5) + elements + b"\x00")

    def open(self, namespace, documents, batch_size=None, single_batch=False):
        """The `cursor` document of a find/aggregate/list reply."""
        self._expire_idle()
        cursor = _Cursor(next(self._ids), namespace, documents)
        count = DEFAULT_FIRST_BATCH if batch_size is None else int(batch_size)
        batch = self._batch(cursor, count)
        exhausted = cursor.position >= len(documents) or single_batch
        if not exhausted:
            self._open[cursor.id] = cursor
        return self._cursor_document("firstBatch", batch, 0 if exhausted else cursor.id, namespace)

    def get_more(self, command, database):
        cursor_id = int(command["getMore"])
        cursor = self._open.get(cursor_id)
        if cursor is None:
            raise CommandError(43, "CursorNotFound", "cursor id %d not found" % cursor_id)
        expected = "%s.%s" % (database, command.get("collection"))
        if expected != cursor.namespace:
            raise CommandError(13, "Unauthorized", "Requested getMore on namespace '%s', but cursor belongs to a "
                               "different namespace %s" % (expected, cursor.namespace))
        batch_size = command.get("batchSize")
        batch = self._batch(cursor, int(batch_size) if batch_size else None)
        cursor.used_at = time.monotonic()
        done = cursor.position >= len(cursor.documents)
        if done:
            del self._open[cursor_id]
        return {"cursor": self._cursor_document("nextBatch", batch, 0 if done else cursor_id, cursor.namespace),
                "ok": 1.0}

    def kill(self, command):
        killed, not_found = [], []
        for cursor_id in command.get("cursors", []):
            (killed if self._open.pop(int(cursor_id), None) else not_found).append(Int64(int(cursor_id)))
        return {"cursorsKilled": killed, "cursorsNotFound": not_found, "cursorsAlive": [],
                "cursorsUnknown": [], "ok": 1.0}

    def _expire_idle(self):
        now = time.monotonic()
        for cursor_id in [i for i, c in self._open.items() if now - c.used_at > IDLE_LIMIT_SECONDS]:
            del self._open[cursor_id]
