"""BSON dates of any int64 milliseconds, not only Python datetime's years 1-9999.

MongoDB stores a date as int64 milliseconds since the epoch, so `new Date(Date.UTC(12000, 0, 1))`
or `new Date(-8.64e15)` are ordinary dates there. pymongo 3.11's bson (Debian's) decodes a date
into `datetime.datetime` and fails on the others ("year 12000 is out of range"), and it has no
`DatetimeConversion` option. So the stand-in reads and writes BSON through this module:

- dates inside datetime's range stay `datetime.datetime` (the C codec, unchanged and fast);
- the others become `FarDate(millis)`: immutable, hashable, ordered by milliseconds, also against
  datetimes, and written back as BSON dates (0x09).

Every in-range date is a datetime and every out-of-range one a FarDate, so equality never has to
cross the two. Only documents holding a FarDate take the slower path (pure Python around the C
codec for the parts without one).
"""

import datetime
import struct
from collections.abc import Mapping

import bson
from bson.binary import UuidRepresentation
from bson.codec_options import CodecOptions
from bson.errors import InvalidBSON, InvalidDocument

# UNSPECIFIED keeps every binary subtype as it came (subtype 4 stays subtype 4); int64 decodes to Int64.
CODEC = CodecOptions(document_class=dict, uuid_representation=UuidRepresentation.UNSPECIFIED)

_INT = struct.Struct("<i")
_LONG = struct.Struct("<q")
_EPOCH = datetime.datetime(1970, 1, 1)
_ONE_MS = datetime.timedelta(milliseconds=1)
# datetime.min and datetime.max in milliseconds (the last representable millisecond of 9999).
MIN_MILLIS = (datetime.datetime.min - _EPOCH) // _ONE_MS
MAX_MILLIS = (datetime.datetime.max - _EPOCH) // _ONE_MS
_RAW_DOCUMENT_MARKER = 101  # bson.raw_bson.RawBSONDocument._type_marker


def datetime_millis(value):
    """Milliseconds since the epoch of a datetime (naive = UTC), truncated like BSON stores them."""
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None) - value.utcoffset()
    return (value - _EPOCH) // _ONE_MS


class FarDate:
    """A BSON date outside datetime's years 1-9999, as its int64 milliseconds."""

    __slots__ = ("millis",)

    def __init__(self, millis):
        object.__setattr__(self, "millis", int(millis))

    def __setattr__(self, name, value):
        raise AttributeError("FarDate is immutable")

    def __repr__(self):
        return "FarDate(%d)" % self.millis

    def __eq__(self, other):
        if isinstance(other, FarDate):
            return self.millis == other.millis
        if isinstance(other, datetime.datetime):
            return False  # a datetime is always inside the range a FarDate is outside of
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash((FarDate, self.millis))

    def _other_millis(self, other):
        if isinstance(other, FarDate):
            return other.millis
        if isinstance(other, datetime.datetime):
            return datetime_millis(other)
        return None

    def __lt__(self, other):
        theirs = self._other_millis(other)
        return NotImplemented if theirs is None else self.millis < theirs

    def __le__(self, other):
        theirs = self._other_millis(other)
        return NotImplemented if theirs is None else self.millis <= theirs

    def __gt__(self, other):
        theirs = self._other_millis(other)
        return NotImplemented if theirs is None else self.millis > theirs

    def __ge__(self, other):
        theirs = self._other_millis(other)
        return NotImplemented if theirs is None else self.millis >= theirs

    def __copy__(self):
        return self

    def __deepcopy__(self, _memo):
        return self

    def __reduce__(self):
        return (FarDate, (self.millis,))


def date_from_millis(millis):
    """The value a BSON date decodes to: a naive UTC datetime when it fits, else a FarDate."""
    if MIN_MILLIS <= millis <= MAX_MILLIS:
        return _EPOCH + datetime.timedelta(milliseconds=millis)
    return FarDate(millis)


def date_millis(value):
    """Milliseconds of a datetime or a FarDate."""
    return value.millis if isinstance(value, FarDate) else datetime_millis(value)


# -- decoding ------------------------------------------------------------------------------------

def _out_of_range(error):
    return "out of range" in str(error)


def decode(data):
    """One BSON document; the C codec unless a date is out of datetime's range."""
    try:
        return bson.decode(data, CODEC)
    except InvalidBSON as error:
        if not _out_of_range(error):
            raise
    data = bytes(data)
    return _decode_elements(data, 0, len(data))


def decode_all(data):
    """Concatenated BSON documents (an OP_MSG document sequence)."""
    try:
        return bson.decode_all(data, CODEC)
    except InvalidBSON as error:
        if not _out_of_range(error):
            raise
    data = bytes(data)
    documents = []
    position = 0
    while position < len(data):
        size = _INT.unpack_from(data, position)[0]
        documents.append(decode(data[position:position + size]))
        position += size
    return documents


def _decode_elements(data, start, end):
    """The document data[start:end] in pure Python, embedded documents through `decode` again so
    that the C codec still reads every part without a far date."""
    if end - start < 5 or _INT.unpack_from(data, start)[0] != end - start or data[end - 1] != 0:
        raise InvalidBSON("bad document size")
    view = memoryview(data)
    getters = bson._ELEMENT_GETTER
    document = CODEC.document_class()
    position = start + 4
    last = end - 1
    while position < last:
        kind = data[position]
        name_end = data.index(b"\x00", position + 1)
        name = data[position + 1:name_end].decode("utf-8", CODEC.unicode_decode_error_handler)
        position = name_end + 1
        if kind == 0x09:
            value = date_from_millis(_LONG.unpack_from(data, position)[0])
            position += 8
        elif kind == 0x03 or kind == 0x04:
            size = _INT.unpack_from(data, position)[0]
            value = decode(data[position:position + size])
            if kind == 0x04:
                value = list(value.values())
            position += size
        else:
            getter = getters.get(kind)
            if getter is None:
                raise InvalidBSON("unknown BSON element type %d in field %r" % (kind, name))
            value, position = getter(data, view, position, end, CODEC, name)
        document[name] = value
    if position != last:
        raise InvalidBSON("bad document end")
    return document


# -- encoding ------------------------------------------------------------------------------------

def contains_far_date(value):
    if type(value) is FarDate:
        return True
    if isinstance(value, dict):
        return any(contains_far_date(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_far_date(v) for v in value)
    return False


def encode(document, check_keys=False):
    """One BSON document; the C codec unless the document holds a FarDate."""
    try:
        return bson.encode(document, check_keys, CODEC)
    except InvalidDocument:
        if not contains_far_date(document):
            raise
    return _encode_mapping(document, check_keys, top_level=True)


def _encode_mapping(document, check_keys, top_level):
    if getattr(document, "_type_marker", None) == _RAW_DOCUMENT_MARKER:
        return document.raw
    if not contains_far_date(document):
        return bson._dict_to_bson(document, check_keys, CODEC, top_level)
    parts = []
    if top_level and "_id" in document:
        parts.append(_encode_element("_id", document["_id"], check_keys))
    for key, value in document.items():
        if not top_level or key != "_id":
            parts.append(_encode_element(key, value, check_keys))
    body = b"".join(parts)
    return _INT.pack(len(body) + 5) + body + b"\x00"


def _encode_element(key, value, check_keys):
    if not isinstance(key, str):
        raise InvalidDocument("documents must have only string keys, key was %r" % (key,))
    if check_keys and (key.startswith("$") or "." in key):
        raise InvalidDocument("key %r must not start with '$' or contain '.'" % (key,))
    if "\x00" in key:
        raise InvalidDocument("BSON keys must not contain a NUL character: %r" % (key,))
    name = key.encode("utf-8") + b"\x00"
    if type(value) is FarDate:
        return b"\x09" + name + _LONG.pack(value.millis)
    if isinstance(value, Mapping):
        return b"\x03" + name + _encode_mapping(value, check_keys, top_level=False)
    if isinstance(value, (list, tuple)):
        items = {str(i): item for i, item in enumerate(value)}
        return b"\x04" + name + _encode_mapping(items, check_keys, top_level=False)
    return bson._name_value_to_bson(name, value, check_keys, CODEC)


class ValidatingBSON:
    """Stands in for `bson.BSON` where mongomock only encodes to validate a document: a replacement,
    a `$set` value, an upserted document.

    mongomock asks for pymongo's `check_keys`, which refuses every key holding '.' or starting with
    '$' at any depth. MongoDB 5.0+ stores such keys in nested documents and '.' in top-level names
    too (https://www.mongodb.com/docs/manual/core/dot-dollar-considerations/), so the keys are not
    checked here: a top-level '$' name in a replacement is refused by mongomock before this runs,
    and one in an update operator by `writes.refuse_dollar_fields_of_existing`. The encoding still
    refuses what BSON cannot hold (NUL in a key, unknown types)."""

    @staticmethod
    def encode(document, check_keys=False, codec_options=None):
        return encode(document, False)
