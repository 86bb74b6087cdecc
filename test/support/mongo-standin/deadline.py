"""Time limits for one command: maxTimeMS, and a bound on every single regular expression match.

Commands run on the main thread only, so a SIGALRM tick can interrupt them: Python's regex engine
checks for signals while it backtracks, which is what makes a catastrophic pattern such as
`^(a+)+$` on "aaaa…b" stoppable. The tick sets a flag that the matcher checks between documents
(`check()`); inside a regex evaluation it raises at once.
"""

import signal
import time

from errors import CommandError, max_time_expired

TICK_SECONDS = 0.05
# One regex evaluation on one value may take this long before the command fails (MongoDB's PCRE
# has a match limit instead; the answer is an error in both cases, never a hang).
REGEX_LIMIT_SECONDS = 1.0


class _State:
    deadline = None  # monotonic seconds, or None without maxTimeMS
    expired = False
    regex_started = None  # monotonic seconds while a regex is being evaluated


state = _State()


class RegexTooSlow(CommandError):
    def __init__(self):
        super().__init__(2, "BadValue",
                         "regular expression evaluation exceeded the stand-in's %d ms limit on one value "
                         "(catastrophic backtracking?)" % int(REGEX_LIMIT_SECONDS * 1000))


def _tick(_signum, _frame):
    now = time.monotonic()
    if state.deadline is not None and now >= state.deadline:
        state.expired = True
    if state.regex_started is not None:
        if state.expired:
            state.regex_started = None
            raise max_time_expired()
        if now - state.regex_started >= REGEX_LIMIT_SECONDS:
            state.regex_started = None
            raise RegexTooSlow()


def install():
    signal.signal(signal.SIGALRM, _tick)


def begin(max_time_ms):
    state.deadline = time.monotonic() + max_time_ms / 1000.0 if max_time_ms else None
    state.expired = False
    state.regex_started = None
    signal.setitimer(signal.ITIMER_REAL, TICK_SECONDS, TICK_SECONDS)


def end():
    signal.setitimer(signal.ITIMER_REAL, 0, 0)
    state.deadline = None
    state.expired = False
    state.regex_started = None


def check():
    """Called between documents: fails the command once its maxTimeMS has passed."""
    if state.expired:
        raise max_time_expired()


def timed_search(compiled, text):
    state.regex_started = time.monotonic()
    try:
        return compiled.search(text) is not None
    finally:
        state.regex_started = None
