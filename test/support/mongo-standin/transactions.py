"""Multi-document transactions, one at a time, by snapshot and restore.

At a transaction's first write to a collection the collection is copied; `abortTransaction` (or a
new txnNumber on the same session, or the lifetime limit) puts the copies back, `commitTransaction`
drops them. Only one transaction is open at a time: another session's transaction command waits a
little and then gets WriteConflict (112, TransientTransactionError) so that `withTransaction`
retries it; a plain write to a collection the open transaction has written waits for the
transaction to end (as a conflicting write waits on a real server). Reads outside the transaction
see the committed state: for the duration of such a command the copies are swapped in.

Not provided (a real replica set does): concurrent transactions, and snapshot reads inside a
transaction of collections it has not written yet (they show writes committed after it started).
"""

import copy
import time
from collections import OrderedDict

from errors import CommandError, no_such_transaction, write_conflict

OTHER_TRANSACTION_WAIT_SECONDS = 1.0
PLAIN_WRITE_WAIT_SECONDS = 10.0
LIFETIME_SECONDS = 60.0  # MongoDB's transactionLifetimeLimitSeconds default


class MustWait(Exception):
    """The command cannot run now; the executor parks it until a transaction ends or `give_up_at`."""

    def __init__(self, give_up_at, error):
        super().__init__(error.message)
        self.give_up_at = give_up_at
        self.error = error


def session_key(command):
    lsid = command.get("lsid")
    if not isinstance(lsid, dict) or "id" not in lsid:
        return None
    value = lsid["id"]
    return bytes(value) if isinstance(value, (bytes, bytearray)) else repr(value)


class _Snapshot:
    def __init__(self, collection_store):
        self.existed = bool(collection_store is not None and collection_store.is_created)
        if self.existed:
            self.documents = OrderedDict((k, copy.deepcopy(v)) for k, v in collection_store._documents.items())
            self.indexes = copy.deepcopy(collection_store.indexes)
            self.force_created = collection_store._is_force_created
        else:
            self.documents, self.indexes, self.force_created = OrderedDict(), {}, False

    def swap_into(self, collection_store):
        """Exchanges the live state with the snapshot's (twice = back to where it was)."""
        live = (collection_store._documents, collection_store.indexes, collection_store._is_force_created)
        collection_store._documents = self.documents
        collection_store.indexes = self.indexes
        collection_store._is_force_created = self.force_created
        self.documents, self.indexes, self.force_created = live


class _Transaction:
    def __init__(self, session, number):
        self.session = session
        self.number = number
        self.snapshots = {}  # (database, collection) -> _Snapshot
        self.touched_at = time.monotonic()


class Transactions:
    def __init__(self, engine):
        self.engine = engine
        self.active = None
        self.committed = {}  # session -> last committed txnNumber, so a retried commit succeeds
        self.ended_listeners = []

    # -- state of the store ------------------------------------------------------------------

    def _collection_store(self, database, collection):
        databases = self.engine.store._databases
        if database not in databases:
            return None
        return databases[database]._collections.get(collection)

    def before_write(self, database, collections):
        """Inside the transaction: copy each collection the first time the transaction writes it."""
        for collection in collections:
            key = (database, collection)
            if key not in self.active.snapshots:
                self.active.snapshots[key] = _Snapshot(self._collection_store(database, collection))

    def _restore(self, transaction):
        for (database, collection), snapshot in transaction.snapshots.items():
            database_store = self.engine.store[database]
            collection_store = database_store[collection]
            collection_store._documents = snapshot.documents
            collection_store.indexes = snapshot.indexes
            collection_store._is_force_created = snapshot.force_created

    def _end(self):
        self.active = None
        for listener in self.ended_listeners:
            listener()

    def expire_stale(self):
        if self.active and time.monotonic() - self.active.touched_at > LIFETIME_SECONDS:
            self._restore(self.active)
            self._end()

    # -- commands ------------------------------------------------------------------------------

    def admit(self, command_name, command, database, written):
        """Decides whether a command may run now; returns a callable to run it with, or raises.

        `written` lists the collections the command writes. Returns a context manager factory:
        inside a transaction it is a no-op; outside it swaps in the committed state for reads.
        """
        self.expire_stale()
        session = session_key(command)
        in_transaction = command.get("autocommit") is False and session is not None
        if command_name in ("commitTransaction", "abortTransaction"):
            return None
        if in_transaction:
            number = int(command.get("txnNumber", -1))
            active = self.active
            if active and active.session != session:
                raise MustWait(time.monotonic() + OTHER_TRANSACTION_WAIT_SECONDS, write_conflict(
                    "Caused by another transaction in progress on the stand-in (it runs one at a time)"))
            if active and active.number < number:
                # a new transaction number supersedes the open one
                self._restore(active)
                self._end()
                active = None
            if command.get("startTransaction"):
                if active and active.number == number:
                    raise CommandError(117, "ConflictingOperationInProgress",
                                       "transaction %d has already started" % number)
                self.active = _Transaction(session, number)
            elif not active or active.number != number:
                raise no_such_transaction("Transaction with { txnNumber: %d } has been aborted or never started" % number)
            self.active.touched_at = time.monotonic()
            if written:
                self.before_write(database, written)
            return _NoView()
        if self.active and written:
            touched = any((database, name) in self.active.snapshots or name == "*" for name in written)
            if touched:
                raise MustWait(time.monotonic() + PLAIN_WRITE_WAIT_SECONDS, write_conflict(
                    "a transaction kept this collection locked for %d s" % PLAIN_WRITE_WAIT_SECONDS))
        if self.active and not written:
            return _CommittedView(self)
        return _NoView()

    def commit(self, command):
        session = session_key(command)
        number = int(command.get("txnNumber", -1))
        active = self.active
        if active and active.session == session and active.number == number:
            self.committed[session] = number
            self._end()
            return {"ok": 1.0}
        if self.committed.get(session) == number:
            return {"ok": 1.0}
        raise no_such_transaction("Transaction with { txnNumber: %d } has been aborted or never started" % number)

    def abort(self, command):
        session = session_key(command)
        number = int(command.get("txnNumber", -1))
        active = self.active
        if active and active.session == session and active.number == number:
            self._restore(active)
            self._end()
            return {"ok": 1.0}
        raise no_such_transaction("Transaction with { txnNumber: %d } has been aborted or never started" % number)

    def end_sessions(self, sessions):
        """endSessions aborts what those sessions left open."""
        if self.active and any(session_key({"lsid": s}) == self.active.session for s in sessions):
            self._restore(self.active)
            self._end()


class _NoView:
    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False


class _CommittedView:
    """Swaps the committed copies in for a command outside the transaction, and back after it."""

    def __init__(self, transactions):
        self.transactions = transactions
        self.swapped = []

    def __enter__(self):
        for (database, collection), snapshot in self.transactions.active.snapshots.items():
            collection_store = self.transactions.engine.store[database][collection]
            snapshot.swap_into(collection_store)
            self.swapped.append((snapshot, collection_store))
        return self

    def __exit__(self, *_):
        for snapshot, collection_store in reversed(self.swapped):
            snapshot.swap_into(collection_store)
        return False
