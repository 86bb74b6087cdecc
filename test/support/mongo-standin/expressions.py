"""Aggregation-expression fixes for mongomock's parser: comparisons with BSON order (true is not 1,
int64 equals double), $cmp, and $isArray which mongomock lists but does not implement."""

from mongomock import aggregate as mm_aggregate
from sentinels import NOTHING

from bsonorder import order_key
from errors import bad_value

_BELOW_NULL = (1.5,)  # a missing value compares below null inside expressions


def _key(value):
    return _BELOW_NULL if value is NOTHING else order_key(value)


def _comparison(self, operator, values):
    if not isinstance(values, list) or len(values) != 2:
        raise bad_value("Expression %s takes exactly 2 arguments." % operator)
    a, b = (_key(self._parse_or_nothing(v)) for v in values)
    if operator == "$eq":
        return a == b
    if operator == "$ne":
        return a != b
    if operator == "$gt":
        return a > b
    if operator == "$gte":
        return a >= b
    if operator == "$lt":
        return a < b
    if operator == "$lte":
        return a <= b
    if operator == "$cmp":
        return (a > b) - (a < b)
    raise bad_value("unknown comparison %s" % operator)


_original_array_operator = mm_aggregate._Parser._handle_array_operator


def _array_operator(self, operator, value):
    if operator == "$isArray":
        argument = value[0] if isinstance(value, list) and len(value) == 1 else value
        return isinstance(self._parse_or_nothing(argument), list)
    return _original_array_operator(self, operator, value)


def install():
    mm_aggregate._Parser._handle_comparison_operator = _comparison
    mm_aggregate._Parser._handle_array_operator = _array_operator
