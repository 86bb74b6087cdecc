"""Sorting with MongoDB's rules: BSON type order, null and missing lowest, arrays by their smallest
(ascending) or largest (descending) element, an empty array below null, dotted paths."""

from bsonorder import MISSING, order_key
from errors import bad_value
from matching import leaf_values

_EMPTY_ARRAY = (1.5,)  # between MinKey (1) and null (2)
_NULL = order_key(None)


def _sort_value(document, path, descending):
    keys = []
    for value in leaf_values(document, path):
        if isinstance(value, list):
            if value:
                keys.extend(order_key(element) for element in value)
            else:
                keys.append(_EMPTY_ARRAY)
        elif value is MISSING:
            keys.append(_NULL)
        else:
            keys.append(order_key(value))
    if not keys:
        return _NULL
    return max(keys) if descending else min(keys)


def sort_documents(documents, spec):
    """Sorts a list in place (stable, one pass per key from the last) and returns it."""
    items = list(spec.items())
    for path, direction in reversed(items):
        if isinstance(direction, dict):
            continue  # {$meta: ...}: text scores do not exist here; keep the order
        if direction not in (1, -1) and direction not in (1.0, -1.0):
            raise bad_value("$sort key ordering must be 1 (for ascending) or -1 (for descending)")
        descending = direction < 0
        documents.sort(key=lambda d: _sort_value(d, path, descending), reverse=descending)
    return documents
