"""MongoDB ($regex, BSON regex) patterns compiled for Python's `re`, with the PCRE differences fixed."""

import re

from bson.regex import Regex

from errors import CommandError

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE, "u": 0, "l": 0}
_cache = {}


def _translate(pattern):
    """PCRE's \\z (absolute end) is Python's \\Z; PCRE's \\Z (end or before a final newline) has no twin."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt == "z":
                out.append(r"\Z")
            elif nxt == "Z":
                out.append(r"(?=\n?\Z)")
            else:
                out.append(ch + nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def compile_regex(pattern, options=""):
    if isinstance(pattern, Regex):
        flags = pattern.flags
        text = pattern.pattern
        if isinstance(flags, str):
            options = flags + (options or "")
            flags = 0
    elif isinstance(pattern, re.Pattern):
        return pattern
    elif isinstance(pattern, str):
        text, flags = pattern, 0
    else:
        raise CommandError(2, "BadValue", "$regex has to be a string")
    for option in options or "":
        if option not in _FLAGS:
            raise CommandError(51108, "Location51108", "invalid flag in regex options: %s" % option)
        flags |= _FLAGS[option]
    key = (text, flags)
    compiled = _cache.get(key)
    if compiled is None:
        try:
            compiled = re.compile(_translate(text), flags & ~re.UNICODE | 0)
        except re.error as error:
            raise CommandError(51091, "Location51091", "Regular expression is invalid: %s" % error)
        if len(_cache) > 2000:
            _cache.clear()
        _cache[key] = compiled
    return compiled
