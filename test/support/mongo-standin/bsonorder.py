"""MongoDB's comparison order for BSON values, as plain Python tuples that sort and compare.

`order_key(v)` maps every value to a tuple whose first element is the type bracket of
https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/ ; tuples of equal
values are equal (5 == Int64(5) == 5.0, NaN == NaN), and Python's ordering of the tuples is
MongoDB's ordering of the values: strings by code point (no collation), documents field by field
in their stored order, booleans only equal to booleans. Missing values are passed as MISSING and
rank as null, which is what equality with null and sorting both need.
"""

import datetime
import decimal
import math
import re

from bson.binary import Binary
from bson.code import Code
from bson.decimal128 import Decimal128
from bson.int64 import Int64
from bson.max_key import MaxKey
from bson.min_key import MinKey
from bson.objectid import ObjectId
from bson.regex import Regex
from bson.timestamp import Timestamp

from bsondates import FarDate


class _Missing:
    def __repr__(self):
        return "MISSING"


MISSING = _Missing()

# Type brackets in comparison order.
MIN_KEY, NULL, NUMBER, STRING, OBJECT, ARRAY, BINARY, OBJECT_ID, BOOLEAN, DATE, TIMESTAMP, REGEX, CODE, MAX_KEY = range(1, 15)

RE_PATTERN = type(re.compile(""))
_DATETIME = datetime.datetime


def is_number(value):
    return isinstance(value, (int, float, Decimal128)) and not isinstance(value, bool)


def bracket(value):
    if value is None or value is MISSING:
        return NULL
    if isinstance(value, bool):
        return BOOLEAN
    if is_number(value):
        return NUMBER
    if isinstance(value, str):
        return STRING
    if isinstance(value, dict):
        return OBJECT
    if isinstance(value, (list, tuple)):
        return ARRAY
    if isinstance(value, bytes):
        return BINARY
    if isinstance(value, ObjectId):
        return OBJECT_ID
    if isinstance(value, (datetime.datetime, FarDate)):
        return DATE
    if isinstance(value, Timestamp):
        return TIMESTAMP
    if isinstance(value, (Regex, RE_PATTERN)):
        return REGEX
    if isinstance(value, Code):
        return CODE
    if isinstance(value, MinKey):
        return MIN_KEY
    if isinstance(value, MaxKey):
        return MAX_KEY
    return MAX_KEY


def number_value(value):
    """A Python number that compares exactly with the others (Decimal128 becomes Decimal)."""
    if isinstance(value, Decimal128):
        return value.to_decimal()
    return value


def _is_nan(number):
    if isinstance(number, float):
        return math.isnan(number)
    if isinstance(number, decimal.Decimal):
        return number.is_nan()
    return False


def order_key(value):
    kind = type(value)
    # Fast paths for the common types (this runs for every unique key and every sort key).
    if kind is str:
        return (STRING, value)
    if kind is int or kind is Int64 or (kind is float and value == value):
        return (NUMBER, 1, value)
    if kind is _DATETIME and value.tzinfo is None:
        return (DATE, 1, value)
    kind = bracket(value)
    if kind == NUMBER:
        number = number_value(value)
        # NaN sorts below every other number and equals itself.
        return (NUMBER, 0, 0) if _is_nan(number) else (NUMBER, 1, number)
    if kind in (NULL, MIN_KEY, MAX_KEY):
        return (kind,)
    if kind == STRING:
        return (STRING, value)
    if kind == OBJECT:
        return (OBJECT, tuple((order_key(v)[0], k, order_key(v)) for k, v in value.items()))
    if kind == ARRAY:
        return (ARRAY, tuple(order_key(v) for v in value))
    if kind == BINARY:
        return (BINARY, len(value), getattr(value, "subtype", 0), bytes(value))
    if kind == OBJECT_ID:
        return (OBJECT_ID, value.binary)
    if kind == BOOLEAN:
        return (BOOLEAN, bool(value))
    if kind == DATE:
        # Dates order by milliseconds. datetimes cover years 1-9999 and FarDates the rest, so a
        # middle rank keeps datetimes comparable among themselves without converting them.
        if type(value) is FarDate:
            return (DATE, 0 if value.millis < 0 else 2, value.millis)
        return (DATE, 1, value.replace(tzinfo=None) - value.utcoffset() if value.tzinfo else value)
    if kind == TIMESTAMP:
        return (TIMESTAMP, value.time, value.inc)
    if kind == REGEX:
        flags = value.flags if isinstance(value.flags, int) else 0
        return (REGEX, value.pattern, flags)
    if kind == CODE:
        return (CODE, str(value))
    return (kind,)


def values_equal(a, b):
    return order_key(a) == order_key(b)


def hashable(value):
    """A hashable stand-in for a value with MongoDB's equality (for unique keys and distinct)."""
    return order_key(value)


def type_names(value):
    """The $type aliases a value answers to (arrays are handled by the caller)."""
    if value is None:
        return {"null", 10}
    if isinstance(value, bool):
        return {"bool", 8}
    if isinstance(value, Int64):
        return {"long", 18, "number"}
    if isinstance(value, int):
        # Python ints that do not fit 32 bits are written as int64.
        return {"int", 16, "number"} if -2**31 <= value < 2**31 else {"long", 18, "number"}
    if isinstance(value, float):
        return {"double", 1, "number"}
    if isinstance(value, Decimal128):
        return {"decimal", 19, "number"}
    if isinstance(value, str):
        return {"string", 2}
    if isinstance(value, dict):
        return {"object", 3}
    if isinstance(value, list):
        return {"array", 4}
    if isinstance(value, Binary) or isinstance(value, bytes):
        return {"binData", 5}
    if isinstance(value, ObjectId):
        return {"objectId", 7}
    if isinstance(value, (datetime.datetime, FarDate)):
        return {"date", 9}
    if isinstance(value, (Regex, RE_PATTERN)):
        return {"regex", 11}
    if isinstance(value, Code):
        return {"javascript", 13}
    if isinstance(value, Timestamp):
        return {"timestamp", 17}
    if isinstance(value, MinKey):
        return {"minKey", -1}
    if isinstance(value, MaxKey):
        return {"maxKey", 127}
    return set()
