"""A sorted `_id` index, so that keyset paging does not filter and sort the whole collection.

Ommi streams rows in pages: `find` with a filter that holds `{_id: {$gt: last}}` (alone, inside
`$and`, or in every branch of an `$or`), sorted by `_id`, with a limit. MongoDB serves that from
its `_id` index; the stand-in used to match every document and sort them all for every page.

`sorted_find` answers such a find from a list of the collection's `_id`s in BSON order: bisect to
the range the filter implies, then walk it in the sort's direction, matching each document with
the full filter (the range is only a necessary condition, so the answer is the same as without
it), and stop once skip + limit documents matched. It applies only when every `_id` of the
collection is in one type bracket (numbers, strings, ObjectIds or dates) and every bound the filter
puts on `_id` is in that bracket too; otherwise it answers None and the caller takes the general
path.

The list is built once per state of the documents: it is kept with the documents dict it was built
from and the write generation, which `invalidate()` advances around every command that may write
(commands.py), so a stale list is never used.
"""

import bisect

import matching
from bsonorder import DATE, NUMBER, OBJECT_ID, STRING, bracket, order_key

_BRACKETS = (NUMBER, STRING, OBJECT_ID, DATE)
_RANGE = ("$gt", "$gte", "$lt", "$lte", "$eq")
_CACHE_LIMIT = 64

_generation = [0]
_cache = {}  # id(documents dict) -> (documents dict, generation, _SortedIds or None)


def invalidate():
    """Called before and after every command that may change documents."""
    _generation[0] += 1
    _cache.clear()


class _SortedIds:
    def __init__(self, documents):
        self.bracket = None
        pairs = []
        for key, document in documents.items():
            identifier = document["_id"]
            kind = bracket(identifier)
            if self.bracket is None:
                self.bracket = kind
            if kind != self.bracket or kind not in _BRACKETS:
                raise _Unsuitable()
            pairs.append((order_key(identifier), key))
        pairs.sort(key=lambda pair: pair[0])
        self.keys = [pair[0] for pair in pairs]
        self.store_keys = [pair[1] for pair in pairs]


class _Unsuitable(Exception):
    pass


def _sorted_ids(documents):
    cached = _cache.get(id(documents))
    if cached is not None and cached[0] is documents and cached[1] == _generation[0]:
        return cached[2]
    try:
        index = _SortedIds(documents)
    except _Unsuitable:
        index = None
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[id(documents)] = (documents, _generation[0], index)
    return index


class _Interval:
    """Bounds on order_key(_id); None = unbounded on that side."""

    def __init__(self, low=None, low_inclusive=True, high=None, high_inclusive=True):
        self.low, self.low_inclusive = low, low_inclusive
        self.high, self.high_inclusive = high, high_inclusive

    def intersect(self, other):
        low, low_inclusive = self.low, self.low_inclusive
        if other.low is not None and (low is None or other.low > low or (other.low == low and not other.low_inclusive)):
            low, low_inclusive = other.low, other.low_inclusive
        high, high_inclusive = self.high, self.high_inclusive
        if other.high is not None and (high is None or other.high < high or (other.high == high and not other.high_inclusive)):
            high, high_inclusive = other.high, other.high_inclusive
        return _Interval(low, low_inclusive, high, high_inclusive)

    def hull(self, other):
        """The smallest interval holding both (for the branches of an $or)."""
        low, low_inclusive = _outer(self.low, self.low_inclusive, other.low, other.low_inclusive, lambda a, b: a < b)
        high, high_inclusive = _outer(self.high, self.high_inclusive, other.high, other.high_inclusive, lambda a, b: a > b)
        return _Interval(low, low_inclusive, high, high_inclusive)


def _outer(bound, inclusive, other, other_inclusive, beyond):
    """Of two bounds on one side, the one further out (None, unbounded, is furthest)."""
    if bound is None or other is None:
        return None, True
    if beyond(bound, other):
        return bound, inclusive
    if beyond(other, bound):
        return other, other_inclusive
    return bound, inclusive or other_inclusive


class _Unsupported(Exception):
    """A bound on _id the fast path does not reason about (another type bracket): take the general path."""


def _bound(value, kind):
    if bracket(value) != kind or isinstance(value, (dict, list)):
        raise _Unsupported()
    return order_key(value)


def _id_condition(condition, kind):
    if isinstance(condition, dict) and condition and all(name.startswith("$") for name in condition):
        interval = _Interval()
        for operator, operand in condition.items():
            if operator not in _RANGE:
                continue  # other operators ($in, $ne, $type...) only narrow further; the matcher applies them
            key = _bound(operand, kind)
            if operator == "$gt":
                interval = interval.intersect(_Interval(low=key, low_inclusive=False))
            elif operator == "$gte":
                interval = interval.intersect(_Interval(low=key))
            elif operator == "$lt":
                interval = interval.intersect(_Interval(high=key, high_inclusive=False))
            elif operator == "$lte":
                interval = interval.intersect(_Interval(high=key))
            else:
                interval = interval.intersect(_Interval(low=key, high=key))
        return interval
    if isinstance(condition, dict) or hasattr(condition, "pattern"):
        return _Interval()
    key = _bound(condition, kind)
    return _Interval(low=key, high=key)


def _implied(query, kind):
    """The interval of _id that every document matching `query` lies in."""
    interval = _Interval()
    for name, condition in query.items():
        if name == "_id":
            interval = interval.intersect(_id_condition(condition, kind))
        elif name == "$and" and isinstance(condition, list):
            for clause in condition:
                if isinstance(clause, dict):
                    interval = interval.intersect(_implied(clause, kind))
        elif name == "$or" and isinstance(condition, list) and condition:
            branches = [_implied(clause, kind) for clause in condition if isinstance(clause, dict)]
            if len(branches) == len(condition):
                combined = branches[0]
                for branch in branches[1:]:
                    combined = combined.hull(branch)
                interval = interval.intersect(combined)
    return interval


def _sort_direction(sort):
    if not isinstance(sort, dict) or list(sort) != ["_id"]:
        return None
    direction = sort["_id"]
    if isinstance(direction, bool) or direction not in (1, -1):
        return None
    return int(direction)


def sorted_find(collection, query, sort, wanted):
    """The documents matching `query` in `_id` order (the first `wanted` of them, all when None),
    or None when the fast path does not apply."""
    direction = _sort_direction(sort)
    if direction is None:
        return None
    documents = collection._store._documents
    if not documents:
        return []
    index = _sorted_ids(documents)
    if index is None:
        return None
    try:
        interval = _implied(query, index.bracket)
    except _Unsupported:
        return None
    keys = index.keys
    if interval.low is None:
        start = 0
    elif interval.low_inclusive:
        start = bisect.bisect_left(keys, interval.low)
    else:
        start = bisect.bisect_right(keys, interval.low)
    if interval.high is None:
        stop = len(keys)
    elif interval.high_inclusive:
        stop = bisect.bisect_right(keys, interval.high)
    else:
        stop = bisect.bisect_left(keys, interval.high)
    positions = range(start, stop) if direction > 0 else range(stop - 1, start - 1, -1)
    found = []
    store_keys = index.store_keys
    for position in positions:
        document = documents[store_keys[position]]
        if matching.matches(query, document):
            found.append(document)
            if wanted is not None and len(found) >= wanted:
                break
    return found
