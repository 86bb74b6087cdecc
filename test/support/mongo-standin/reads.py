"""find, count, distinct and aggregate."""

from mongomock import aggregate as mm_aggregate

import idorder
import matching
from bsonorder import MISSING, hashable
from documents import deep_copy, project
from engine import id_candidates
from errors import CommandError, bad_value
from sorting import sort_documents


def _no_collation(command):
    if command.get("collation"):
        raise CommandError(238, "NotImplemented", "collation is not supported by the Ommi stand-in")


def _non_negative(command, name):
    value = command.get(name)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise CommandError(14, "TypeMismatch", "'%s' must be a number" % name)
    if name == "skip" and value < 0:
        raise bad_value("skip value must be non-negative, but received: %d" % value)
    return int(value)


def find(ctx, command):
    _no_collation(command)
    collection = ctx.collection(command["find"])
    query = command.get("filter") or {}
    if not isinstance(query, dict):
        raise CommandError(14, "TypeMismatch", "'filter' must be an object")
    skip = _non_negative(command, "skip")
    limit = _non_negative(command, "limit")
    sort = command.get("sort")
    results = None
    if sort and id_candidates(query) is None:
        # Keyset paging: a range on _id sorted by _id, served from the ordered _id list.
        results = idorder.sorted_find(collection, query, sort, skip + abs(limit) if limit else None)
    if results is None:
        results = list(collection._iter_documents(query))
        if sort:
            sort_documents(results, sort)
    if skip:
        results = results[skip:]
    if limit:
        results = results[:abs(limit)]
    projection = command.get("projection")
    if projection:
        results = [project(collection, d, projection) for d in results]
    batch_size = command.get("batchSize")
    if limit and (batch_size is None or batch_size > abs(limit)):
        batch_size = abs(limit)
    cursor = ctx.cursors.open(ctx.namespace(command["find"]), results, batch_size,
                              single_batch=bool(command.get("singleBatch")) or limit < 0)
    return {"cursor": cursor, "ok": 1.0}


def count(ctx, command):
    _no_collation(command)
    collection = ctx.collection(command["count"])
    query = command.get("query") or {}
    total = sum(1 for _ in collection._iter_documents(query))
    skip = _non_negative(command, "skip")
    limit = abs(_non_negative(command, "limit"))
    total = max(0, total - skip)
    if limit:
        total = min(total, limit)
    return {"n": total, "ok": 1.0}


def distinct(ctx, command):
    _no_collation(command)
    collection = ctx.collection(command["distinct"])
    key = command.get("key")
    if not isinstance(key, str):
        raise CommandError(14, "TypeMismatch", "'key' must be a string")
    seen = set()
    values = []
    for document in collection._iter_documents(command.get("query") or {}):
        for value in matching.leaf_values(document, key):
            for item in (value if isinstance(value, list) else [value]):
                if item is MISSING:
                    continue
                marker = hashable(item)
                if marker not in seen:
                    seen.add(marker)
                    values.append(item)
    return {"values": values, "ok": 1.0}


def aggregate(ctx, command):
    _no_collation(command)
    target = command["aggregate"]
    if not isinstance(target, str):
        raise CommandError(238, "NotImplemented", "database-level aggregate is not supported by the Ommi stand-in")
    stages = command.get("pipeline")
    if not isinstance(stages, list):
        raise CommandError(14, "TypeMismatch", "'pipeline' must be an array")
    if "cursor" not in command and not command.get("explain"):
        raise CommandError(9, "FailedToParse", "The 'cursor' option is required, except for aggregate with the explain argument")
    if command.get("explain"):
        raise CommandError(238, "NotImplemented", "explain is not supported by the Ommi stand-in")
    collection = ctx.collection(target)
    # A leading $match runs on the stored documents before anything is copied.
    query = {}
    if stages and isinstance(stages[0], dict) and list(stages[0]) == ["$match"]:
        query = stages[0]["$match"]
        stages = stages[1:]
    documents = [deep_copy(d) for d in collection._iter_documents(query)]
    for stage in stages:
        if not isinstance(stage, dict) or len(stage) != 1:
            raise bad_value("A pipeline stage specification object must contain exactly one field.")
        name = next(iter(stage))
        if name in ("$out", "$merge"):
            raise CommandError(238, "NotImplemented", "%s is not supported by the Ommi stand-in" % name)
    results = list(mm_aggregate.process_pipeline(documents, collection.database, stages, None))
    batch_size = (command.get("cursor") or {}).get("batchSize")
    return {"cursor": ctx.cursors.open(ctx.namespace(target), results, batch_size), "ok": 1.0}
