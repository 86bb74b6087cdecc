"""MongoDB's query language, evaluated against one document.

mongomock's matcher confuses true with 1, does not know `$type: "null"` or numeric type codes,
treats `$elemMatch` on scalars loosely and cannot bound a regex, so the stand-in matches with this
module everywhere (find, update, delete, $match, $lookup). Semantics follow the manual: a path
through arrays yields every element, `{f: null}` also matches a missing field, comparisons only
within a type bracket, `$not` is the complement of its condition.
"""

from bson.regex import Regex

import deadline
from bsonorder import MISSING, RE_PATTERN, bracket, is_number, order_key, type_names
from errors import CommandError, bad_value
from regexes import compile_regex

_expression_evaluator = []  # mongomock's aggregation expression parser, registered by the engine


def register_expression_evaluator(evaluate):
    _expression_evaluator[:] = [evaluate]


def matches(query, document):
    if not isinstance(query, dict):
        raise bad_value("the match filter must be an expression in an object")
    deadline.check()
    for key, condition in query.items():
        if key.startswith("$"):
            if not _top_level(key, condition, document):
                return False
        elif not _field_matches(key, condition, document):
            return False
    return True


def _top_level(operator, condition, document):
    if operator in ("$and", "$or", "$nor"):
        if not isinstance(condition, list) or not condition:
            raise bad_value("%s must be a nonempty array" % operator)
        results = (matches(clause, document) for clause in condition)
        if operator == "$and":
            return all(results)
        if operator == "$or":
            return any(results)
        return not any(results)
    if operator == "$expr":
        return _truthy(_expression_evaluator[0](condition, document))
    if operator == "$comment":
        return True
    if operator in ("$where", "$text", "$jsonSchema"):
        raise CommandError(2, "BadValue", "%s is not supported by the Ommi MongoDB stand-in" % operator)
    raise bad_value("unknown top level operator: %s" % operator)


def _truthy(value):
    if value is None or value is MISSING or value is False:
        return False
    if is_number(value):
        return order_key(value) != order_key(0)
    return True


def leaf_values(document, path):
    """The values a dotted path reaches, arrays on the way traversed; MISSING where it stops short."""
    parts = path.split(".")
    out = []
    _walk(document, parts, 0, out)
    return out


def _walk(value, parts, index, out):
    if index == len(parts):
        out.append(value)
        return
    part = parts[index]
    if isinstance(value, dict):
        _walk(value.get(part, MISSING), parts, index + 1, out) if part in value else out.append(MISSING)
    elif isinstance(value, list):
        if part.isdigit():
            position = int(part)
            if position < len(value):
                _walk(value[position], parts, index + 1, out)
            # a numeric part can also name a field of the elements
        for element in value:
            if isinstance(element, dict):
                if part in element:
                    _walk(element[part], parts, index + 1, out)
                else:
                    out.append(MISSING)
    else:
        out.append(MISSING)


class _Unexpanded(list):
    """Values whose arrays are not to be looked into (an $elemMatch element is taken as it is)."""


def _expanded(values):
    """Leaf values plus the elements of leaf arrays: what equality and comparisons look at."""
    if isinstance(values, _Unexpanded):
        yield from values
        return
    for value in values:
        yield value
        if isinstance(value, list):
            yield from value


def _is_operator_document(condition):
    return isinstance(condition, dict) and condition and all(k.startswith("$") for k in condition)


def _field_matches(path, condition, document):
    values = leaf_values(document, path)
    if _is_operator_document(condition):
        return value_matches(values, condition)
    return _equals(values, condition)


def value_matches(values, condition):
    """Every operator of an operator document holds for the values a path reached."""
    options = condition.get("$options")
    for operator, operand in condition.items():
        if operator == "$options":
            if "$regex" not in condition:
                raise bad_value("$options needs a $regex")
            continue
        if operator == "$regex":
            operand = compile_regex(operand, options)
        if not _operator(operator, operand, values):
            return False
    return True


def _equals(values, operand):
    if isinstance(operand, (Regex, RE_PATTERN)):
        return _regex(compile_regex(operand), values)
    if operand is None:
        return any(v is None or v is MISSING for v in _expanded(values))
    wanted = order_key(operand)
    return any(v is not MISSING and order_key(v) == wanted for v in _expanded(values))


def _regex(compiled, values):
    return any(isinstance(v, str) and deadline.timed_search(compiled, v) for v in _expanded(values))


def _compare(values, operand, accept):
    if operand is None:
        # $gte/$lte null match null and missing; $gt/$lt null match nothing.
        return accept(0) and any(v is None or v is MISSING for v in _expanded(values))
    kind = bracket(operand)
    wanted = order_key(operand)
    for value in _expanded(values):
        if value is MISSING or bracket(value) != kind:
            continue
        key = order_key(value)
        if accept((key > wanted) - (key < wanted)):
            return True
    return False


_COMPARISONS = {
    "$gt": lambda c: c > 0,
    "$gte": lambda c: c >= 0,
    "$lt": lambda c: c < 0,
    "$lte": lambda c: c <= 0,
}


def _in(values, operand, operator):
    if not isinstance(operand, list):
        raise bad_value("%s needs an array" % operator)
    return any(_equals(values, item) for item in operand)


def _operator(operator, operand, values):
    if operator == "$eq":
        if isinstance(operand, (Regex, RE_PATTERN)):
            wanted = order_key(operand)
            return any(v is not MISSING and order_key(v) == wanted for v in _expanded(values))
        return _equals(values, operand)
    if operator == "$ne":
        return not _operator("$eq", operand, values)
    if operator in _COMPARISONS:
        return _compare(values, operand, _COMPARISONS[operator])
    if operator == "$in":
        return _in(values, operand, operator)
    if operator == "$nin":
        return not _in(values, operand, operator)
    if operator == "$exists":
        present = any(v is not MISSING for v in values)
        return present == _truthy(operand)
    if operator == "$type":
        wanted = set(operand) if isinstance(operand, list) else {operand}
        wanted = {int(w) if is_number(w) else w for w in wanted}
        for value in _expanded(values):
            if value is MISSING:
                continue
            if wanted & type_names(value):
                return True
        return False
    if operator == "$regex":
        return _regex(operand, values)
    if operator == "$size":
        if not is_number(operand) or int(operand) != operand:
            raise bad_value("$size needs a number")
        return any(isinstance(v, list) and len(v) == operand for v in values)
    if operator == "$all":
        if not isinstance(operand, list):
            raise bad_value("$all needs an array")
        if not operand:
            return False
        for item in operand:
            if isinstance(item, dict) and "$elemMatch" in item:
                if not _elem_match(values, item["$elemMatch"]):
                    return False
            elif not _equals(values, item):
                return False
        return True
    if operator == "$elemMatch":
        return _elem_match(values, operand)
    if operator == "$not":
        if isinstance(operand, (Regex, RE_PATTERN)):
            return not _regex(compile_regex(operand), values)
        if not isinstance(operand, dict) or not operand:
            raise bad_value("$not needs a regex or a document")
        return not value_matches(values, operand)
    if operator == "$mod":
        if not isinstance(operand, list) or len(operand) != 2:
            raise bad_value("malformed mod, needs to be an array of two numbers")
        divisor, remainder = operand
        if divisor == 0:
            raise bad_value("divisor cannot be 0")
        return any(is_number(v) and int(v) % int(divisor) == remainder for v in _expanded(values)
                   if v is not MISSING)
    if operator == "$comment":
        return True
    raise bad_value("unknown operator: %s" % operator)


def _elem_match(values, query):
    if not isinstance(query, dict):
        raise bad_value("$elemMatch needs an Object")
    value_form = _is_operator_document(query) and not any(k in ("$and", "$or", "$nor", "$expr") for k in query)
    for value in values:
        if not isinstance(value, list):
            continue
        for element in value:
            if value_form:
                if value_matches(_Unexpanded([element]), query):
                    return True
            elif isinstance(element, dict) and matches(query, element):
                return True
    return False
