"""mongomock as the engine, with the stand-in's matcher, sort, unique keys and $inc patched in.

All patches are applied once by `create_engine()`; the rest of the bridge talks to mongomock only
through the `Engine` helpers below (collections by namespace, documents by _id).
"""

import mongomock
from bson.decimal128 import Decimal128
from bson.int64 import Int64
from mongomock import aggregate as mm_aggregate
from mongomock import collection as mm_collection
from mongomock import filtering as mm_filtering
from mongomock import helpers as mm_helpers

import arrayexpressions
import bsondates
import expressions
import fieldpaths
import matching
import pipeline
import stringexpressions
from bsonorder import MISSING, hashable, is_number, order_key
from errors import CommandError, DuplicateKey
from sorting import sort_documents

INT32_MIN, INT32_MAX = -2**31, 2**31 - 1
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


def id_candidates(query):
    """The _id values an equality or $in on _id pins the query to, or None when it does not."""
    if not isinstance(query, dict) or "_id" not in query:
        return None
    wanted = query["_id"]
    if isinstance(wanted, dict):
        if set(wanted) == {"$eq"}:
            wanted = wanted["$eq"]
        elif set(wanted) == {"$in"} and isinstance(wanted["$in"], list):
            values = wanted["$in"]
            return values if all(_plain_id(v) for v in values) else None
        else:
            return None
    return [wanted] if _plain_id(wanted) else None


def _plain_id(value):
    return not isinstance(value, (dict, list)) and value is not None and _hashable(value) and \
        not hasattr(value, "pattern")


def _hashable(value):
    try:
        hash(value)
        return True
    except TypeError:
        return False


def _iter_documents(self, query):
    """mongomock scans the whole collection even for {_id: v}; the store is a dict keyed by _id."""
    documents = self._store._documents
    ids = id_candidates(query)
    if ids is not None:
        found = []
        seen = set()
        for value in ids:
            document = documents.get(value)
            if document is not None and id(document) not in seen and matching.matches(query, document):
                seen.add(id(document))
                found.append(document)
        return iter(found)
    return (d for d in list(documents.values()) if matching.matches(query, d))


def unique_indexes(collection):
    for name, index in collection._store.indexes.items():
        if index.get("unique"):
            yield name, index


def index_key(index, document):
    """The (pattern, value) a unique index would store for a document, or None when it skips it."""
    fields = [field for field, _ in index["key"]]
    values = {}
    present = False
    for field in fields:
        if "." in field:
            leaves = matching.leaf_values(document, field)
            value = next((v for v in leaves if v is not MISSING), MISSING)
        else:
            value = document.get(field, MISSING)
        present = present or value is not MISSING
        values[field] = None if value is MISSING else value
    if index.get("sparse") and not present:
        return None
    partial = index.get("partialFilterExpression")
    if partial is not None and not matching.matches(partial, document):
        return None
    return values


def _namespace(collection):
    return collection.full_name


def duplicate_for(collection, name, index, values):
    pattern = {field: direction for field, direction in index["key"]}
    return DuplicateKey(_namespace(collection), name, pattern, values)


def _ensure_uniques(self, new_document):
    """After an update: is another document holding the same key in a unique index? (one pass)"""
    for name, index in unique_indexes(self):
        values = index_key(index, new_document)
        if values is None:
            continue
        wanted = hashable(list(values.values()))
        for other in self._store._documents.values():
            if other is new_document:
                continue
            other_values = index_key(index, other)
            if other_values is not None and hashable(list(other_values.values())) == wanted:
                raise _MongomockDuplicate(duplicate_for(self, name, index, values))


class _MongomockDuplicate(mongomock.DuplicateKeyError):
    """Raised inside mongomock's update so that its own rollback runs; carries our details."""

    def __init__(self, duplicate):
        super().__init__(duplicate.errmsg(), 11000)
        self.duplicate = duplicate


def inc_result(current, amount):
    """$inc with MongoDB's type rules: double wins, then decimal, int64 stays int64, int32 overflows to int64."""
    if not is_number(amount):
        raise CommandError(14, "TypeMismatch", "Cannot increment with non-numeric argument")
    if current is MISSING:
        return amount
    # A null is a value of a non-numeric type (only a missing field takes the amount).
    if current is None:
        raise CommandError(14, "TypeMismatch", "Cannot apply $inc to a value of non-numeric type null")
    if not is_number(current):
        raise CommandError(14, "TypeMismatch", "Cannot apply $inc to a value of non-numeric type")
    if isinstance(current, Decimal128) or isinstance(amount, Decimal128):
        a = current.to_decimal() if isinstance(current, Decimal128) else current
        b = amount.to_decimal() if isinstance(amount, Decimal128) else amount
        return Decimal128(str(a + b))
    if isinstance(current, float) or isinstance(amount, float):
        return float(current) + float(amount)
    total = int(current) + int(amount)
    if isinstance(current, Int64) or isinstance(amount, Int64) or not INT32_MIN <= total <= INT32_MAX:
        if not INT64_MIN <= total <= INT64_MAX:
            raise CommandError(2, "BadValue", "Failed to apply $inc operations: overflow")
        return Int64(total)
    return total


def _inc_updater(document, field, amount):
    if isinstance(document, dict):
        document[field] = inc_result(document.get(field, MISSING), amount)
    elif isinstance(document, list):
        position = int(field)
        # Past the end, the array is padded with nulls and the new position takes the amount.
        current = document[position] if position < len(document) else MISSING
        while len(document) <= position:
            document.append(None)
        document[position] = inc_result(current, amount)


def _max_updater(document, field, value):
    """$max with BSON order (mongomock's Python max() fails across types and treats True as 1)."""
    if isinstance(document, dict):
        current = document.get(field, MISSING)
        if current is MISSING or order_key(value) > order_key(current):
            document[field] = value


def _min_updater(document, field, value):
    if isinstance(document, dict):
        current = document.get(field, MISSING)
        if current is MISSING or order_key(value) < order_key(current):
            document[field] = value


def _evaluate_expression(expression, document):
    try:
        return mm_aggregate._parse_expression(expression, document, ignore_missing_keys=True)
    except KeyError:  # mongomock's way of saying the expression's value is missing
        return MISSING


_patched = False


def _apply_patches():
    global _patched
    if _patched:
        return
    _patched = True
    mm_filtering.filter_applies = matching.matches
    mm_collection.filter_applies = matching.matches
    mm_filtering._filterer_inst.apply = matching.matches
    mm_collection.Collection._iter_documents = _iter_documents
    mm_collection.Collection._ensure_uniques = _ensure_uniques
    mm_collection._updaters["$inc"] = _inc_updater
    mm_collection._updaters["$max"] = _max_updater
    mm_collection._updaters["$min"] = _min_updater
    # mongomock encodes documents only to validate them; far dates must pass that check too.
    mm_collection.BSON = bsondates.ValidatingBSON
    matching.register_expression_evaluator(_evaluate_expression)
    expressions.install(arrayexpressions.OPERATORS, stringexpressions.OPERATORS)
    fieldpaths.install()
    pipeline.install(mm_aggregate._PIPELINE_HANDLERS, sort_documents)
    # mongomock checks the server version before every update; answer it without a lookup.
    mongomock.MongoClient.server_info = lambda self: {"version": "7.0.0", "versionArray": [7, 0, 0, 0]}
    mm_helpers.patch_datetime_awareness_in_document = lambda value: value


class Engine:
    def __init__(self):
        _apply_patches()
        self.client = mongomock.MongoClient()

    @property
    def store(self):
        return self.client._store

    def database(self, name):
        return self.client[name]

    def collection(self, database, name):
        return self.client[database][name]

    def collection_exists(self, database, name):
        return name in self.store._databases.get(database, _Empty()).list_created_collection_names() \
            if database in self.store._databases else False


class _Empty:
    def list_created_collection_names(self):
        return []
