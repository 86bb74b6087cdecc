"""Command dispatch: which handler runs a command, what it writes, and how failures are answered."""

import traceback
import sys

import mongomock

import admin
import deadline
import idorder
import reads
import writes
from errors import CommandError, DuplicateKey, command_not_found

# Commands that touch no data: answered on the connection's own thread, even while a long command runs.
def _ok(_ctx, _command):
    return {"ok": 1.0}


class Context:
    """What a handler needs: the engine, the cursors, and the command's database."""

    def __init__(self, state, database):
        self.engine = state.engine
        self.cursors = state.cursors
        self.database = database

    def collection(self, name):
        if not isinstance(name, str) or not name:
            raise CommandError(73, "InvalidNamespace", "collection name must be a non-empty string")
        return self.engine.collection(self.database, name)

    def namespace(self, name):
        return "%s.%s" % (self.database, name)

    def collection_names(self):
        databases = self.engine.store._databases
        if self.database not in databases:
            return []
        return databases[self.database].list_created_collection_names()

    def collection_exists(self, name):
        return name in self.collection_names()


HANDLERS = {
    "insert": writes.insert,
    "update": writes.update,
    "delete": writes.delete,
    "findAndModify": writes.find_and_modify,
    "findandmodify": writes.find_and_modify,
    "find": reads.find,
    "count": reads.count,
    "distinct": reads.distinct,
    "aggregate": reads.aggregate,
    "getMore": lambda ctx, command: ctx.cursors.get_more(command, ctx.database),
    "killCursors": lambda ctx, command: ctx.cursors.kill(command),
    "create": admin.create,
    "drop": admin.drop,
    "dropDatabase": admin.drop_database,
    "listCollections": admin.list_collections,
    "listDatabases": admin.list_databases,
    "createIndexes": admin.create_indexes,
    "listIndexes": admin.list_indexes,
    "dropIndexes": admin.drop_indexes,
    "deleteIndexes": admin.drop_indexes,
    "endSessions": None,  # needs the transactions: see execute
    "killAllSessions": _ok,
    "refreshSessions": _ok,
    "commitTransaction": None,
    "abortTransaction": None,
}

WRITING = {"insert", "update", "delete", "findAndModify", "findandmodify", "create", "drop",
           "createIndexes", "dropIndexes", "deleteIndexes"}


def quick_reply(command_name, command, host, connection_id):
    """Replies that need no engine (handshake, ping, server info), or None."""
    if command_name in ("hello", "isMaster", "ismaster"):
        return admin.hello(host, connection_id, legacy_name=command_name != "hello")
    if command_name == "ping":
        return {"ok": 1.0}
    if command_name in ("buildInfo", "buildinfo"):
        return admin.build_info()
    if command_name == "getParameter":
        return admin.get_parameter(command)
    if command_name in ("serverStatus", "hostInfo"):
        return admin.server_status()
    if command_name == "whatsmyuri":
        return {"you": "127.0.0.1", "ok": 1.0}
    if command_name == "getCmdLineOpts":
        return {"argv": ["ommi-standin"], "parsed": {}, "ok": 1.0}
    if command_name in ("getLog",):
        return {"totalLinesWritten": 0, "log": [], "ok": 1.0}
    return None


# Commands that never change documents: the sorted _id lists (idorder.py) outlive them.
READ_ONLY = {"find", "count", "distinct", "aggregate", "getMore", "killCursors", "listCollections",
             "listIndexes", "listDatabases"}


def execute(state, command):
    """Runs one command on the engine (main thread only); raises CommandError / MustWait."""
    name = next(iter(command), None)
    may_write = name not in READ_ONLY
    if may_write:
        idorder.invalidate()
    try:
        return _execute(state, command, name)
    finally:
        if may_write:
            idorder.invalidate()


def _execute(state, command, name):
    if name is None:
        raise CommandError(9, "FailedToParse", "empty command document")
    database = command.get("$db")
    if not isinstance(database, str) or not database:
        raise CommandError(40414, "Location40414", "BSON field '$db' is missing but a required field")
    if name not in HANDLERS:
        raise command_not_found(name)
    if name == "commitTransaction":
        return state.transactions.commit(command)
    if name == "abortTransaction":
        return state.transactions.abort(command)
    if name == "endSessions":
        state.transactions.end_sessions(command.get("endSessions") or [])
        return {"ok": 1.0}
    ctx = Context(state, database)
    if name in WRITING:
        written = [command[name]]
    elif name == "dropDatabase":
        written = ctx.collection_names() or ["*"]
    else:
        written = []
    view = state.transactions.admit(name, command, database, written)
    if written and name != "insert" or state.transactions.active is not None:
        writes.forget_unique_keys()
    max_time = command.get("maxTimeMS")
    if max_time is not None and (isinstance(max_time, bool) or not isinstance(max_time, (int, float)) or max_time < 0):
        raise CommandError(2, "BadValue", "maxTimeMS must be a non-negative number")
    deadline.begin(max_time)
    try:
        with view:
            return HANDLERS[name](ctx, command)
    finally:
        deadline.end()


def error_reply(error):
    """Every failure becomes an `ok: 0` reply with a message; never a dropped connection."""
    if isinstance(error, CommandError):
        return error.reply()
    if isinstance(error, DuplicateKey):
        return error.command_error().reply()
    if isinstance(error, NotImplementedError):
        return CommandError(238, "NotImplemented", "not supported by the Ommi stand-in (mongomock): %s" % error).reply()
    if isinstance(error, mongomock.OperationFailure):
        code = error.code or 2
        return {"ok": 0.0, "errmsg": str(error), "code": code, "codeName": "BadValue" if code == 2 else "Location%d" % code}
    if isinstance(error, (KeyError, TypeError, ValueError)):
        return CommandError(9, "FailedToParse", "malformed command: %s: %s" % (type(error).__name__, error)).reply()
    traceback.print_exc(file=sys.stderr)
    return CommandError(1, "InternalError", "stand-in failure: %s: %s" % (type(error).__name__, error)).reply()
