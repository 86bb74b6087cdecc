"""Ommi's local MongoDB stand-in: the wire protocol on 127.0.0.1, mongomock as the engine.

    /usr/bin/python3 test/support/mongo-standin/server.py --port 0

prints exactly one line `LISTENING <port>` and serves until SIGTERM, or until its parent goes away
(stdin reaches EOF, or the parent process changes). It is a test double for Ommi's MongoDB driver
tests, not a database: everything lives in memory and is gone when it stops.

Threads: one per connection reads requests and answers the handshake itself; every command that
touches data runs on the main thread, one at a time (mongomock is not thread-safe, and SIGALRM,
which bounds regexes and maxTimeMS, is delivered to the main thread only).
"""

import argparse
import collections
import itertools
import os
import queue
import signal
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import commands  # noqa: E402
import deadline  # noqa: E402
import wire  # noqa: E402
from cursors import Cursors  # noqa: E402
from engine import Engine  # noqa: E402
from errors import CommandError  # noqa: E402
from transactions import MustWait, Transactions  # noqa: E402


class State:
    def __init__(self):
        self.engine = Engine()
        self.cursors = Cursors()
        self.transactions = Transactions(self.engine)


class Connection:
    def __init__(self, sock, connection_id, host):
        self.sock = sock
        self.id = connection_id
        self.host = host
        self.lock = threading.Lock()
        self.reply_ids = itertools.count(1)

    def send(self, request, document):
        if request.more_to_come:
            return
        try:
            data = wire.encode_reply(request, next(self.reply_ids), document)
        except Exception as error:  # a value the encoder refuses: still answer
            data = wire.encode_reply(request, next(self.reply_ids), CommandError(
                10334, "BSONObjectTooLarge" if "too large" in str(error) else "Location10334",
                "cannot encode the reply: %s" % error).reply())
        with self.lock:
            try:
                self.sock.sendall(data)
            except OSError:
                pass


class Work:
    def __init__(self, connection, request):
        self.connection = connection
        self.request = request
        self.give_up_at = None
        self.error = None


def serve_connection(connection, work_queue):
    sock = connection.sock
    try:
        while True:
            try:
                request = wire.read_request(sock)
            except (EOFError, OSError):
                return
            except wire.ProtocolError as error:
                sys.stderr.write("stand-in: protocol error: %s\n" % error)
                return
            except Exception as error:  # malformed BSON
                sys.stderr.write("stand-in: unreadable message: %s\n" % error)
                return
            command = request.command
            name = next(iter(command), "")
            quick = commands.quick_reply(name, command, connection.host, connection.id)
            if quick is not None:
                connection.send(request, quick)
            else:
                work_queue.put(Work(connection, request))
    finally:
        try:
            sock.close()
        except OSError:
            pass


def accept_loop(listener, work_queue, host):
    ids = itertools.count(1)
    while True:
        try:
            sock, _ = listener.accept()
        except OSError:
            return
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection = Connection(sock, next(ids), host)
        threading.Thread(target=serve_connection, args=(connection, work_queue), daemon=True).start()


def watch_parent(watch_stdin):
    parent = os.getppid()

    def poll_parent():
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=poll_parent, daemon=True).start()
    if watch_stdin:
        def read_stdin():
            try:
                while os.read(0, 65536):
                    pass
            except OSError:
                pass
            os._exit(0)

        threading.Thread(target=read_stdin, daemon=True).start()


def run_executor(state, work_queue):
    ready = collections.deque()
    parked = []

    def transaction_ended():
        # Parked commands run again first, in arrival order.
        ready.extendleft(reversed(parked))
        parked.clear()

    state.transactions.ended_listeners.append(transaction_ended)
    while True:
        if not ready:
            try:
                ready.append(work_queue.get(timeout=0.05))
            except queue.Empty:
                pass
        while True:
            try:
                ready.append(work_queue.get_nowait())
            except queue.Empty:
                break
        now = time.monotonic()
        for work in [w for w in parked if w.give_up_at <= now]:
            parked.remove(work)
            work.connection.send(work.request, work.error.reply())
        state.transactions.expire_stale()
        if not ready:
            continue
        work = ready.popleft()
        try:
            reply = commands.execute(state, work.request.command)
        except MustWait as wait:
            if work.give_up_at is None:
                work.give_up_at, work.error = wait.give_up_at, wait.error
            parked.append(work)
            continue
        except SystemExit:
            raise
        except BaseException as error:  # every failure is answered
            reply = commands.error_reply(error)
        work.connection.send(work.request, reply)


def main():
    parser = argparse.ArgumentParser(description="Ommi's MongoDB stand-in (mongomock over the wire)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--no-stdin-watch", action="store_true",
                        help="do not exit when stdin reaches EOF (for running by hand with </dev/null)")
    args = parser.parse_args()

    deadline.install()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    signal.signal(signal.SIGINT, lambda *_: os._exit(0))

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((args.host, args.port))
    listener.listen(128)
    port = listener.getsockname()[1]
    host = "%s:%d" % (args.host, port)

    state = State()
    work_queue = queue.Queue()
    threading.Thread(target=accept_loop, args=(listener, work_queue, host), daemon=True).start()
    watch_parent(not args.no_stdin_watch)
    sys.stdout.write("LISTENING %d\n" % port)
    sys.stdout.flush()
    run_executor(state, work_queue)


if __name__ == "__main__":
    main()
