"""Values written the way the mongo shell prints them, for error messages such as E11000's dup key."""

import datetime
import json

from bson.int64 import Int64
from bson.objectid import ObjectId

from bsondates import FarDate, date_millis


def shell_repr(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Int64):
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, ObjectId):
        return "ObjectId('%s')" % value
    if isinstance(value, (datetime.datetime, FarDate)):
        return "new Date(%d)" % date_millis(value)
    if isinstance(value, dict):
        return "{ %s }" % ", ".join("%s: %s" % (k, shell_repr(v)) for k, v in value.items())
    if isinstance(value, list):
        return "[ %s ]" % ", ".join(shell_repr(v) for v in value)
    return repr(value)
