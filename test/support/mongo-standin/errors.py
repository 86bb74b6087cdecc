"""Errors the stand-in answers with: each becomes an `ok: 0` reply carrying MongoDB's code and name."""


class CommandError(Exception):
    """A command failed the way MongoDB would fail it (code, codeName, errmsg, optional labels)."""

    def __init__(self, code, code_name, message, labels=None, extra=None):
        super().__init__(message)
        self.code = code
        self.code_name = code_name
        self.message = message
        self.labels = labels or []
        self.extra = extra or {}

    def reply(self):
        doc = {"ok": 0.0, "errmsg": self.message, "code": self.code, "codeName": self.code_name}
        if self.labels:
            doc["errorLabels"] = list(self.labels)
        doc.update(self.extra)
        return doc


def bad_value(message):
    return CommandError(2, "BadValue", message)


def failed_to_parse(message):
    return CommandError(9, "FailedToParse", message)


def type_mismatch(message):
    return CommandError(14, "TypeMismatch", message)


def command_not_found(name):
    return CommandError(59, "CommandNotFound", "no such command: '%s'" % name)


def max_time_expired():
    return CommandError(50, "MaxTimeMSExpired", "operation exceeded time limit")


def write_conflict(message):
    return CommandError(112, "WriteConflict", message, labels=["TransientTransactionError"])


def no_such_transaction(message):
    return CommandError(251, "NoSuchTransaction", message, labels=["TransientTransactionError"])


def namespace_not_found(message):
    return CommandError(26, "NamespaceNotFound", message)


class DuplicateKey(Exception):
    """A unique index refused a document; carries what MongoDB puts in the write error."""

    def __init__(self, namespace, index_name, key_pattern, key_value):
        self.namespace = namespace
        self.index_name = index_name
        self.key_pattern = key_pattern
        self.key_value = key_value
        super().__init__(self.errmsg())

    def errmsg(self):
        from describe import shell_repr  # late import: describe imports nothing from here

        values = ", ".join("%s: %s" % (name, shell_repr(value)) for name, value in self.key_value.items())
        return "E11000 duplicate key error collection: %s index: %s dup key: { %s }" % (
            self.namespace, self.index_name, values)

    def write_error(self, index):
        return {"index": index, "code": 11000, "errmsg": self.errmsg(),
                "keyPattern": dict(self.key_pattern), "keyValue": dict(self.key_value)}

    def command_error(self):
        return CommandError(11000, "DuplicateKey", self.errmsg(),
                            extra={"keyPattern": dict(self.key_pattern), "keyValue": dict(self.key_value)})
