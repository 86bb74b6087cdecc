"""Array expressions with MongoDB's semantics, replacing mongomock's where it has them:

- $map, $filter, $reduce: variables (`as`, default `this`; `$$value` and `$$this` in $reduce) seen
  by every nested expression, inner names shadowing outer ones; a null or missing input gives null;
  $filter keeps elements by MongoDB's truthiness (mongomock drops "", [] and {}), with `limit`;
  a missing `in` result is null inside $map's output;
- $in (aggregation form `[value, array]`): BSON equality (true is not 1), the array is required;
- $size, $concatArrays, $arrayElemAt, $anyElementTrue, $allElementsTrue, $setIsSubset, with the
  error codes MongoDB answers for operands of the wrong type.
"""

import decimal

from sentinels import NOTHING

from bsonorder import MISSING, is_number, number_value, order_key
from errors import CommandError
from expressions import single_argument, truthy, value_type_name
from fieldpaths import child_parser


def _error(code, message):
    return CommandError(code, "Location%d" % code, message)


def _arguments(operator, operand, count):
    if not isinstance(operand, list) or len(operand) != count:
        given = len(operand) if isinstance(operand, list) else 1
        raise _error(16020, "Expression %s takes exactly %d arguments. %d were passed in." % (operator, count, given))
    return operand


def _integer(value):
    """The int a number stands for exactly (5, 5.0, Decimal128("5")), or None."""
    if not is_number(value):
        return None
    number = number_value(value)
    try:
        whole = int(number)
    except (ValueError, OverflowError, decimal.InvalidOperation):  # NaN, infinity
        return None
    return whole if whole == number and -2**31 <= whole < 2**31 else None


def _nullish(value):
    return value is None or value is NOTHING or value is MISSING


def _named_arguments(operator, operand, required, optional=()):
    if not isinstance(operand, dict):
        raise _error(16878 if operator == "$map" else 28646, "%s only supports an object as its argument" % operator)
    for name in operand:
        if name not in required and name not in optional:
            raise _error(16879 if operator == "$map" else 28647, "Unrecognized parameter to %s: %s" % (operator, name))
    for name in required:
        if name not in operand:
            raise _error(16882 if operator == "$map" else 28648, "Missing '%s' parameter to %s" % (name, operator))


def _variable_name(operator, operand):
    name = operand.get("as", "this")
    if not isinstance(name, str) or not name or not (name[0].islower() or ord(name[0]) > 127):
        raise _error(16867, "%s: '%s' starts with an invalid character for a user variable name" % (operator, name))
    return name


def _map(self, operand):
    _named_arguments("$map", operand, ("input", "in"), ("as",))
    name = _variable_name("$map", operand)
    source = self._parse_or_nothing(operand["input"])
    if _nullish(source):
        return None
    if not isinstance(source, list):
        raise _error(16883, "input to $map must be an array not %s" % value_type_name(source))
    out = []
    for element in source:
        value = child_parser(self, {name: element})._parse_or_nothing(operand["in"])
        out.append(None if value is NOTHING else value)
    return out


def _filter(self, operand):
    _named_arguments("$filter", operand, ("input", "cond"), ("as", "limit"))
    name = _variable_name("$filter", operand)
    source = self._parse_or_nothing(operand["input"])
    limit = self._parse_or_nothing(operand["limit"]) if "limit" in operand else None
    if not _nullish(limit):
        if _integer(limit) is None:
            raise _error(327391, "$filter: limit must be represented as a 32-bit integral value: %r" % (limit,))
        if int(limit) < 1:
            raise _error(327392, "$filter: limit must be greater than 0: %d" % int(limit))
        limit = int(limit)
    else:
        limit = None
    if _nullish(source):
        return None
    if not isinstance(source, list):
        raise _error(28651, "input to $filter must be an array not %s" % value_type_name(source))
    out = []
    for element in source:
        if limit is not None and len(out) >= limit:
            break
        if truthy(child_parser(self, {name: element})._parse_or_nothing(operand["cond"])):
            out.append(element)
    return out


def _reduce(self, operand):
    if not isinstance(operand, dict):
        raise _error(40075, "$reduce requires an object as an argument, found: %s" % value_type_name(operand))
    for name in operand:
        if name not in ("input", "initialValue", "in"):
            raise _error(40076, "$reduce found an unknown argument: %s" % name)
    for name, code in (("input", 40077), ("initialValue", 40078), ("in", 40079)):
        if name not in operand:
            raise _error(code, "$reduce requires '%s' to be specified" % name)
    source = self._parse_or_nothing(operand["input"])
    if _nullish(source):
        return None
    if not isinstance(source, list):
        raise _error(40080, "$reduce requires an array as the 'input' argument, found: %s" % value_type_name(source))
    accumulated = self._parse_or_nothing(operand["initialValue"])
    for element in source:
        value = MISSING if accumulated is NOTHING else accumulated
        accumulated = child_parser(self, {"value": value, "this": element})._parse_or_nothing(operand["in"])
    if accumulated is NOTHING:
        raise KeyError("$reduce")
    return accumulated


def _in(self, operand):
    wanted, candidates = (self._parse_or_nothing(argument) for argument in _arguments("$in", operand, 2))
    if not isinstance(candidates, list):
        raise _error(40081, "$in requires an array as a second argument, found: %s" % value_type_name(candidates))
    key = (1.5,) if wanted is NOTHING else order_key(wanted)  # missing equals nothing in the array
    return any(order_key(candidate) == key for candidate in candidates)


def _size(self, operand):
    value = self._parse_or_nothing(single_argument("$size", operand))
    if not isinstance(value, list):
        raise _error(17124, "The argument to $size must be an array. Type of the argument: %s" % value_type_name(value))
    return len(value)


def _concat_arrays(self, operand):
    values = [self._parse_or_nothing(argument) for argument in (operand if isinstance(operand, list) else [operand])]
    out = []
    for value in values:
        if _nullish(value):
            return None
        if not isinstance(value, list):
            raise _error(28664, "$concatArrays only supports arrays, not %s" % value_type_name(value))
        out.extend(value)
    return out


def _array_elem_at(self, operand):
    source, position = (self._parse_or_nothing(argument) for argument in _arguments("$arrayElemAt", operand, 2))
    if _nullish(source) or _nullish(position):
        return None
    if not isinstance(source, list):
        raise _error(28689, "$arrayElemAt's first argument must be an array, but is %s" % value_type_name(source))
    if not is_number(position):
        raise _error(28690, "$arrayElemAt's second argument must be a numeric value, but is %s" % value_type_name(position))
    index = _integer(position)
    if index is None:
        raise _error(28691, "$arrayElemAt's second argument must be representable as a 32-bit integer: %s" % position)
    if index >= len(source) or index < -len(source):
        raise KeyError("$arrayElemAt")
    return source[index]


def _elements_true(operator, combine):
    def handler(self, operand):
        value = self._parse_or_nothing(single_argument(operator, operand))
        if not isinstance(value, list):
            raise _error(17040 if operator == "$allElementsTrue" else 17041,
                         "%s's argument must be an array, but is %s" % (operator, value_type_name(value)))
        return combine(truthy(element) for element in value)
    return handler


def _set_is_subset(self, operand):
    first, second = (self._parse_or_nothing(argument) for argument in _arguments("$setIsSubset", operand, 2))
    if not isinstance(first, list):
        raise _error(17046, "both operands of $setIsSubset must be arrays. First argument is of type: %s"
                     % value_type_name(first))
    if not isinstance(second, list):
        raise _error(17042, "both operands of $setIsSubset must be arrays. Second argument is of type: %s"
                     % value_type_name(second))
    members = {order_key(value) for value in second}
    return all(order_key(value) in members for value in first)


OPERATORS = {
    "$map": _map,
    "$filter": _filter,
    "$reduce": _reduce,
    "$in": _in,
    "$size": _size,
    "$concatArrays": _concat_arrays,
    "$arrayElemAt": _array_elem_at,
    "$anyElementTrue": _elements_true("$anyElementTrue", any),
    "$allElementsTrue": _elements_true("$allElementsTrue", all),
    "$setIsSubset": _set_is_subset,
}
