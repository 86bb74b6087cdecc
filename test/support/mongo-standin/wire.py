"""MongoDB wire protocol: reading OP_MSG (and the legacy OP_QUERY handshake), writing replies.

Message layouts: https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/
"""

import struct

import bsondates

OP_REPLY = 1
OP_QUERY = 2004
OP_COMPRESSED = 2012
OP_MSG = 2013

CHECKSUM_PRESENT = 1
MORE_TO_COME = 2

_HEADER = struct.Struct("<iiii")


class Request:
    def __init__(self, opcode, request_id, command, more_to_come=False, legacy_namespace=None):
        self.opcode = opcode
        self.request_id = request_id
        self.command = command
        self.more_to_come = more_to_come
        self.legacy_namespace = legacy_namespace


class ProtocolError(Exception):
    pass


def read_exactly(sock, length):
    chunks = []
    remaining = length
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            raise EOFError("connection closed")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_request(sock):
    header = read_exactly(sock, 16)
    length, request_id, _response_to, opcode = _HEADER.unpack(header)
    if length < 16 or length > 48 * 1024 * 1024:
        raise ProtocolError("message length %d out of range" % length)
    body = read_exactly(sock, length - 16)
    if opcode == OP_MSG:
        return _parse_op_msg(request_id, body)
    if opcode == OP_QUERY:
        return _parse_op_query(request_id, body)
    raise ProtocolError("opcode %d is not supported by the stand-in" % opcode)


def _parse_op_msg(request_id, body):
    flags, = struct.unpack_from("<I", body, 0)
    end = len(body) - (4 if flags & CHECKSUM_PRESENT else 0)
    position = 4
    command = None
    sequences = {}
    while position < end:
        kind = body[position]
        position += 1
        size, = struct.unpack_from("<i", body, position)
        if kind == 0:
            command = bsondates.decode(body[position:position + size])
            position += size
        elif kind == 1:
            section_end = position + size
            name_end = body.index(b"\x00", position + 4)
            identifier = body[position + 4:name_end].decode("utf-8")
            sequences[identifier] = bsondates.decode_all(body[name_end + 1:section_end])
            position = section_end
        else:
            raise ProtocolError("unknown OP_MSG section kind %d" % kind)
    if command is None:
        raise ProtocolError("OP_MSG without a body section")
    command.update(sequences)
    return Request(OP_MSG, request_id, command, more_to_come=bool(flags & MORE_TO_COME))


def _parse_op_query(request_id, body):
    # flags int32, cstring namespace, skip int32, return int32, query document
    name_end = body.index(b"\x00", 4)
    namespace = body[4:name_end].decode("utf-8")
    position = name_end + 1 + 8
    size, = struct.unpack_from("<i", body, position)
    query = bsondates.decode(body[position:position + size])
    if "$query" in query:
        query = query["$query"]
    database = namespace.split(".", 1)[0]
    query.setdefault("$db", database)
    return Request(OP_QUERY, request_id, query, legacy_namespace=namespace)


def encode_reply(request, reply_id, document):
    payload = bsondates.encode(document)
    if request.opcode == OP_QUERY:
        body = struct.pack("<iqii", 0, 0, 0, 1) + payload
        return _HEADER.pack(16 + len(body), reply_id, request.request_id, OP_REPLY) + body
    body = struct.pack("<I", 0) + b"\x00" + payload
    return _HEADER.pack(16 + len(body), reply_id, request.request_id, OP_MSG) + body
