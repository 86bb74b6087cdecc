"""String expressions with MongoDB's semantics, replacing mongomock's:

- $regexMatch compiles its pattern like `$regex` in queries (PCRE's \\z and \\Z translated, the
  same option letters) and runs under the same per-value time bound (deadline.py), so a
  catastrophic pattern fails the command instead of hanging it; a null or missing input or regex
  gives false, any other non-string input is an error (mongomock also fails on null);
- $strLenCP counts code points and refuses anything but a string.
"""

import re

from bson.regex import Regex

import deadline
from errors import CommandError
from expressions import single_argument, value_type_name
from regexes import compile_regex
from sentinels import NOTHING

# The options $regexMatch takes (https://www.mongodb.com/docs/manual/reference/operator/aggregation/regexMatch/).
_OPTIONS = "imxsu"


def _error(code, message):
    return CommandError(code, "Location%d" % code, message)


def _nullish(value):
    return value is None or value is NOTHING


def _regex_match(self, operand):
    if not isinstance(operand, dict):
        raise _error(51103, "$regexMatch expects an object of named arguments but found: %s" % value_type_name(operand))
    for name in operand:
        if name not in ("input", "regex", "options"):
            raise _error(31024, "$regexMatch found an unknown argument: %s" % name)
    for name, code in (("input", 31022), ("regex", 31023)):
        if name not in operand:
            raise _error(code, "$regexMatch requires '%s' parameter" % name)
    text = self._parse_or_nothing(operand["input"])
    pattern = self._parse_or_nothing(operand["regex"])
    options = self._parse_or_nothing(operand["options"]) if "options" in operand else None
    if _nullish(options):
        options = ""
    elif not isinstance(options, str):
        raise _error(51106, "$regexMatch needs 'options' to be of type string")
    if isinstance(pattern, Regex):
        own_flags = pattern.flags if isinstance(pattern.flags, str) else _flag_letters(pattern.flags)
        if own_flags and options:
            raise _error(51075, "$regexMatch: regex option(s) specified in both 'regex' and 'option' fields")
        options = options or own_flags
        pattern = pattern.pattern
    elif not _nullish(pattern) and not isinstance(pattern, str):
        raise _error(51105, "$regexMatch needs 'regex' to be of type string or regex")
    for letter in options:
        if letter not in _OPTIONS:
            raise _error(51108, "$regexMatch invalid flag in regex options: %s" % letter)
    if not _nullish(pattern) and "\x00" in pattern:
        raise _error(51109, "$regexMatch: regular expression cannot contain an embedded null byte")
    compiled = None if _nullish(pattern) else compile_regex(pattern, options)
    if not _nullish(text) and not isinstance(text, str):
        raise _error(51104, "$regexMatch needs 'input' to be of type string")
    if compiled is None or _nullish(text):
        return False
    return deadline.timed_search(compiled, text)


def _flag_letters(flags):
    """bson decodes a regex's option letters to `re` flags; back to letters for compile_regex."""
    letters = ""
    for letter, flag in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL), ("x", re.VERBOSE)):
        if flags & flag:
            letters += letter
    return letters


def _str_len_cp(self, operand):
    value = self._parse_or_nothing(single_argument("$strLenCP", operand))
    if not isinstance(value, str):
        raise _error(34471, "$strLenCP requires a string argument, found: %s" % value_type_name(value))
    return len(value)


OPERATORS = {
    "$regexMatch": _regex_match,
    "$strLenCP": _str_len_cp,
}
