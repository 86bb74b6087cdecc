"""The leaves of aggregation expressions as MongoDB evaluates them: `$field.paths`, `$$variables`
and array literals. Replaces mongomock's `_parse_basic_expression`, which

- indexes arrays by number (`$a.0`), where MongoDB looks for a field named "0" in each element;
- keeps non-document array elements and nested arrays on a path through an array, where MongoDB
  keeps only the results from sub-documents (missing ones left out);
- answers an undefined `$$variable` with "missing" instead of failing;
- returns an array literal as it is written instead of evaluating its elements (a missing element
  becomes null).

A missing value is a KeyError, mongomock's convention inside its parser.
"""

from mongomock import aggregate as mm_aggregate
from sentinels import NOTHING

from bsonorder import MISSING
from errors import CommandError

_SYSTEM_VARIABLES = ("ROOT", "CURRENT")


def _missing(path):
    return KeyError(path)


def _path_in_document(document, parts, index):
    """ExpressionFieldPath::evaluatePath: the field, then through sub-documents and arrays."""
    part = parts[index]
    if part not in document:
        raise _missing(part)
    value = document[part]
    if index == len(parts) - 1:
        return value
    if isinstance(value, dict):
        return _path_in_document(value, parts, index + 1)
    if isinstance(value, list):
        return _path_in_array(value, parts, index + 1)
    raise _missing(part)


def _path_in_array(array, parts, index):
    """Only sub-documents are looked into; elements where the rest of the path is missing are left out."""
    out = []
    for element in array:
        if not isinstance(element, dict):
            continue
        try:
            out.append(_path_in_document(element, parts, index))
        except KeyError:
            pass
    return out


def resolve_path(base, rest):
    """The value of `rest` (dotted, possibly empty) below a value that a `$$variable` or `$$ROOT` holds."""
    if base is MISSING or base is NOTHING:
        raise _missing(rest)
    if not rest:
        return base
    parts = rest.split(".")
    if isinstance(base, dict):
        return _path_in_document(base, parts, 0)
    if isinstance(base, list):
        return _path_in_array(base, parts, 0)
    raise _missing(rest)


def _variable(parser, reference):
    name, _, rest = reference.partition(".")
    if name in _SYSTEM_VARIABLES:
        return resolve_path(parser._doc_dict, rest)
    if name == "REMOVE":
        raise _missing(name)
    variables = parser._user_vars
    if name not in variables:
        raise CommandError(17276, "Location17276", "Use of undefined variable: %s" % name)
    return resolve_path(variables[name], rest)


def _basic_expression(self, expression):
    if isinstance(expression, str) and expression.startswith("$"):
        if expression.startswith("$$"):
            return _variable(self, expression[2:])
        return resolve_path(self._doc_dict, expression[1:])
    if isinstance(expression, list):
        out = []
        for element in expression:
            value = self._parse_or_nothing(element)
            out.append(None if value is NOTHING else value)
        return out
    return expression


def child_parser(parser, variables):
    """A parser for a sub-expression that sees the variables in scope plus `variables` (which
    shadow outer ones of the same name). MISSING as a value makes `$$name` missing."""
    return mm_aggregate._Parser(parser._doc_dict, dict(parser._user_vars, **variables),
                                ignore_missing_keys=parser._ignore_missing_keys)


def install():
    mm_aggregate._Parser._parse_basic_expression = _basic_expression
