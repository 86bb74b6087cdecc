"""Aggregation-expression fixes for mongomock's parser.

- comparisons with BSON order (true is not 1, int64 equals double), and $cmp;
- $isArray, which mongomock lists but does not implement;
- $getField (MongoDB 5.0+), $type and $isNumber, which it does not know;
- $and, $or, $not, $cond, $ifNull with MongoDB's truthiness (false, null, missing and zeros of
  every numeric type are false), left-to-right short-circuit, and $ifNull's many arguments.

Array expressions are in arrayexpressions.py, string ones in stringexpressions.py, field paths,
variables and array literals in fieldpaths.py; engine.py installs them all through `install`.

Inside mongomock's parser a KeyError means "missing" (the field is left out by $addFields and
$project); the handlers here keep that convention.
"""

from mongomock import aggregate as mm_aggregate
from sentinels import NOTHING

from bsonorder import MISSING, is_number, order_key, type_names
from errors import CommandError, bad_value

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
        return isinstance(self._parse_or_nothing(single_argument(operator, value)), list)
    return _original_array_operator(self, operator, value)


def _arguments_error(operator, count):
    return CommandError(16020, "Location16020", "Expression %s takes exactly %d arguments." % (operator, count))


def single_argument(operator, operand):
    """`{$op: x}` and `{$op: [x]}` are the same call for one-argument operators."""
    if isinstance(operand, list):
        if len(operand) != 1:
            raise _arguments_error(operator, 1)
        return operand[0]
    return operand


def truthy(value):
    """MongoDB's conversion to boolean: false, null, missing and numeric zeros are false; NaN is true."""
    if value is None or value is NOTHING or value is MISSING or value is False:
        return False
    if is_number(value):
        return order_key(value) != order_key(0)
    return True


def _to_bool(self, expression):
    return truthy(self._parse_or_nothing(expression))


def _arguments(operand):
    return operand if isinstance(operand, list) else [operand]


def _and(self, operand):
    return all(self._parse_to_bool(argument) for argument in _arguments(operand))


def _or(self, operand):
    return any(self._parse_to_bool(argument) for argument in _arguments(operand))


def _not(self, operand):
    return not self._parse_to_bool(single_argument("$not", operand))


def _cond(self, operand):
    if isinstance(operand, list):
        if len(operand) != 3:
            raise _arguments_error("$cond", 3)
        condition, then, otherwise = operand
    elif isinstance(operand, dict):
        for name in operand:
            if name not in ("if", "then", "else"):
                raise CommandError(17083, "Location17083", "Unrecognized parameter to $cond: %s" % name)
        for name, code in (("if", 17080), ("then", 17081), ("else", 17082)):
            if name not in operand:
                raise CommandError(code, "Location%d" % code, "Missing '%s' parameter to $cond" % name)
        condition, then, otherwise = operand["if"], operand["then"], operand["else"]
    else:
        raise _arguments_error("$cond", 3)
    return self.parse(then if self._parse_to_bool(condition) else otherwise)


def _if_null(self, operand):
    if not isinstance(operand, list) or len(operand) < 2:
        raise CommandError(1257300, "Location1257300", "$ifNull needs at least two arguments")
    for argument in operand[:-1]:
        value = self._parse_or_nothing(argument)
        if value is not None and value is not NOTHING:
            return value
    return self.parse(operand[-1])


def type_name(value):
    """The name the $type expression answers for a present value."""
    if isinstance(value, list):
        return "array"
    names = [name for name in type_names(value) if isinstance(name, str) and name != "number"]
    if names:
        return names[0]
    if isinstance(value, dict) or hasattr(value, "as_doc"):  # DBRef is stored as an object
        return "object"
    raise CommandError(1, "InternalError", "the stand-in cannot name the type of %r" % (value,))


def value_type_name(value):
    """The type name MongoDB's error messages use, 'missing' included."""
    if value is NOTHING or value is MISSING:
        return "missing"
    return type_name(value)


def _type(self, operand):
    value = self._parse_or_nothing(single_argument("$type", operand))
    return "missing" if value is NOTHING else type_name(value)


def _is_number(self, operand):
    return is_number(self._parse_or_nothing(single_argument("$isNumber", operand)))


def _get_field(self, operand):
    """{$getField: {field, input}} or {$getField: field}: one field by its literal name, which may
    hold '.' or start with '$' (a name the dotted-path syntax cannot reach)."""
    if isinstance(operand, dict) and "field" in operand:
        unknown = [name for name in operand if name not in ("field", "input")]
        if unknown:
            raise CommandError(3041701, "Location3041701", "$getField found an unknown argument: %s" % unknown[0])
        field_expression = operand["field"]
        input_expression = operand.get("input", "$$CURRENT")
    elif isinstance(operand, dict):
        raise CommandError(3041702, "Location3041702", "$getField requires 'field' to be specified")
    else:
        field_expression, input_expression = operand, "$$CURRENT"
    if isinstance(field_expression, str) and field_expression.startswith("$"):
        raise CommandError(5654602, "Location5654602",
                           "$getField requires 'field' to evaluate to a constant, but got a non-constant "
                           "argument (put a name that starts with '$' inside $literal)")
    field = self.parse(field_expression)
    if not isinstance(field, str):
        raise CommandError(5654601, "Location5654601", "$getField requires 'field' to evaluate to type String")
    source = self._parse_or_nothing(input_expression)
    if source is None or source is NOTHING:
        return None
    if not isinstance(source, dict):
        raise CommandError(3041705, "Location3041705", "$getField requires 'input' to evaluate to type Object")
    if field not in source:
        raise KeyError(field)
    return source[field]


# Operators handled here before mongomock's own dispatch sees them.
_OPERATORS = {
    "$and": _and,
    "$or": _or,
    "$not": _not,
    "$cond": _cond,
    "$ifNull": _if_null,
    "$type": _type,
    "$isNumber": _is_number,
    "$getField": _get_field,
}

_original_parse = mm_aggregate._Parser.parse


def _parse(self, expression):
    if type(expression) is dict and len(expression) == 1:
        handler = _OPERATORS.get(next(iter(expression)))
        if handler is not None:
            return handler(self, next(iter(expression.values())))
    return _original_parse(self, expression)


def install(*more_operators):
    """Patches mongomock's parser; `more_operators` are tables like _OPERATORS from other modules."""
    for table in more_operators:
        _OPERATORS.update(table)
    mm_aggregate._Parser.parse = _parse
    mm_aggregate._Parser._parse_to_bool = _to_bool
    mm_aggregate._Parser._handle_comparison_operator = _comparison
    mm_aggregate._Parser._handle_array_operator = _array_operator
