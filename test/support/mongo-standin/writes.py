"""insert, update, delete and findAndModify, with per-statement write errors as MongoDB reports them."""

import mongomock
from bson.objectid import ObjectId

import engine as engine_module
from bsonorder import hashable
from documents import deep_copy, project, store_key, with_id_first
from errors import CommandError, DuplicateKey, bad_value
from sorting import sort_documents


# Unique keys per collection store, kept between insert commands so that loading 50k documents in
# batches is linear. Valid only while the store holds the same documents dict with the length the
# inserts left it at; every other write forgets them (`forget_unique_keys`).
_unique_cache = {}


def forget_unique_keys():
    _unique_cache.clear()


class UniqueChecker:
    """The unique keys of a collection: built once, then extended by each inserted document."""

    def __init__(self, collection):
        self.collection = collection
        self.indexes = list(engine_module.unique_indexes(collection))
        self.seen = None

    def _signature(self):
        store = self.collection._store
        return (store._documents, len(store._documents), repr(self.indexes))

    def remember(self):
        if self.seen is not None:
            _unique_cache[id(self.collection._store)] = (self._signature(), self.seen)

    def _load(self):
        cached = _unique_cache.pop(id(self.collection._store), None)
        if cached is not None:
            signature, seen = cached
            mine = self._signature()
            if signature[0] is mine[0] and signature[1:] == mine[1:]:
                self.seen = seen
                return
        self.seen = []
        for name, index in self.indexes:
            keys = set()
            for document in self.collection._store._documents.values():
                values = engine_module.index_key(index, document)
                if values is not None:
                    keys.add(hashable(list(values.values())))
            self.seen.append(keys)

    def check_and_add(self, document):
        if not self.indexes:
            return
        if self.seen is None:
            self._load()
        pending = []
        for (name, index), keys in zip(self.indexes, self.seen):
            values = engine_module.index_key(index, document)
            if values is None:
                continue
            key = hashable(list(values.values()))
            if key in keys:
                raise engine_module.duplicate_for(self.collection, name, index, values)
            pending.append((keys, key))
        for keys, key in pending:
            keys.add(key)


def _id_duplicate(collection, identifier):
    return DuplicateKey(collection.full_name, "_id_", {"_id": 1}, {"_id": identifier})


def _validate_document(document):
    if not isinstance(document, dict):
        raise bad_value("document to insert must be an object")
    if isinstance(document.get("_id"), list):
        raise CommandError(53, "InvalidIdField", "The '_id' value cannot be of type array")


def insert(ctx, command):
    collection = ctx.collection(command["insert"])
    documents = command.get("documents")
    if not isinstance(documents, list):
        raise CommandError(9, "FailedToParse", "insert needs a 'documents' array")
    ordered = command.get("ordered", True)
    store = collection._store
    store.create()
    uniques = UniqueChecker(collection)
    inserted = 0
    errors = []
    for index, document in enumerate(documents):
        try:
            _validate_document(document)
            document = with_id_first(document, ObjectId)
            key = store_key(document["_id"])
            if key in store._documents:
                raise _id_duplicate(collection, document["_id"])
            uniques.check_and_add(document)
        except DuplicateKey as duplicate:
            errors.append(duplicate.write_error(index))
        except CommandError as error:
            errors.append({"index": index, "code": error.code, "errmsg": error.message})
        else:
            store._documents[key] = document
            inserted += 1
            continue
        if ordered:
            break
    uniques.remember()
    reply = {"n": inserted, "ok": 1.0}
    if errors:
        reply["writeErrors"] = errors
    return reply


def _statement_error(index, error):
    if isinstance(error, engine_module._MongomockDuplicate):
        return error.duplicate.write_error(index)
    if isinstance(error, DuplicateKey):
        return error.write_error(index)
    if isinstance(error, CommandError):
        return {"index": index, "code": error.code, "errmsg": error.message}
    if isinstance(error, mongomock.DuplicateKeyError):
        return {"index": index, "code": 11000, "errmsg": "E11000 duplicate key error: %s" % error}
    code = getattr(error, "code", None) or 2
    return {"index": index, "code": code, "errmsg": str(error)}


def _check_update_form(statement):
    update = statement.get("u")
    if isinstance(update, list):
        raise CommandError(238, "NotImplemented", "pipeline-style updates are not supported by the Ommi stand-in")
    if not isinstance(update, dict):
        raise CommandError(9, "FailedToParse", "update statement needs a 'u' document")
    if statement.get("arrayFilters"):
        raise CommandError(238, "NotImplemented", "arrayFilters are not supported by the Ommi stand-in")
    if statement.get("collation"):
        raise CommandError(238, "NotImplemented", "collation is not supported by the Ommi stand-in")
    return update


# Update operators that store a value under each path they name.
_STORING_OPERATORS = ("$set", "$inc", "$mul", "$min", "$max", "$currentDate", "$push", "$addToSet")


def refuse_dollar_fields_of_existing(collection, query, update_document):
    """A top-level field name starting with '$' may be created by an upsert that inserts (it is
    treated as an insert), never stored by an update operator into a document that exists
    (https://www.mongodb.com/docs/manual/core/dot-dollar-considerations/dollar-prefix/).
    mongomock does not know the difference, so the stand-in decides before it runs."""
    if not all(name.startswith("$") for name in update_document):
        return  # a replacement: mongomock refuses its top-level '$' names itself
    for operator in _STORING_OPERATORS:
        fields = update_document.get(operator)
        if not isinstance(fields, dict):
            continue
        for path in fields:
            first = path.split(".", 1)[0]
            if first.startswith("$") and next(collection._iter_documents(query), None) is not None:
                raise CommandError(52, "DollarPrefixedFieldName",
                                   "The dollar ($) prefixed field '%s' in '%s' is not valid for storage." % (first, path))


def update(ctx, command):
    collection = ctx.collection(command["update"])
    statements = command.get("updates")
    if not isinstance(statements, list):
        raise CommandError(9, "FailedToParse", "update needs an 'updates' array")
    ordered = command.get("ordered", True)
    matched = modified = 0
    upserted = []
    errors = []
    for index, statement in enumerate(statements):
        try:
            document = _check_update_form(statement)
            query = statement.get("q", {})
            if not isinstance(query, dict):
                raise CommandError(9, "FailedToParse", "update statement needs a 'q' document")
            refuse_dollar_fields_of_existing(collection, query, document)
            result = collection._update(query, document, upsert=bool(statement.get("upsert")),
                                        multi=bool(statement.get("multi")))
        except (CommandError, DuplicateKey, mongomock.OperationFailure, mongomock.WriteError,
                mongomock.DuplicateKeyError, ValueError, TypeError) as error:
            errors.append(_statement_error(index, error))
            if ordered:
                break
            continue
        if result.get("upserted") is not None:
            upserted.append({"index": index, "_id": result["upserted"]})
            matched += 1
        else:
            matched += result["n"]
            modified += result["nModified"]
    reply = {"n": matched, "nModified": modified, "ok": 1.0}
    if upserted:
        reply["upserted"] = upserted
    if errors:
        reply["writeErrors"] = errors
    return reply


def delete(ctx, command):
    collection = ctx.collection(command["delete"])
    statements = command.get("deletes")
    if not isinstance(statements, list):
        raise CommandError(9, "FailedToParse", "delete needs a 'deletes' array")
    ordered = command.get("ordered", True)
    removed = 0
    errors = []
    documents = collection._store._documents
    for index, statement in enumerate(statements):
        try:
            query = statement.get("q", {})
            limit = statement.get("limit", 0)
            if limit not in (0, 1):
                raise bad_value("The limit field in delete objects must be 0 or 1. Got %s" % limit)
            if statement.get("collation"):
                raise CommandError(238, "NotImplemented", "collation is not supported by the Ommi stand-in")
            matched = collection._iter_documents(query)
            victims = [next(matched, None)] if limit == 1 else list(matched)
            for victim in victims:
                if victim is not None:
                    del documents[store_key(victim["_id"])]
                    removed += 1
        except (CommandError, mongomock.OperationFailure) as error:
            errors.append(_statement_error(index, error))
            if ordered:
                break
    reply = {"n": removed, "ok": 1.0}
    if errors:
        reply["writeErrors"] = errors
    return reply


def find_and_modify(ctx, command):
    collection = ctx.collection(command["findAndModify"] if "findAndModify" in command else command["findandmodify"])
    query = command.get("query") or {}
    update_document = command.get("update")
    remove = bool(command.get("remove"))
    return_new = bool(command.get("new"))
    fields = command.get("fields")
    if remove == (update_document is not None):
        raise CommandError(9, "FailedToParse", "Either an update or remove=true must be specified")
    if remove and return_new:
        raise CommandError(9, "FailedToParse", "Cannot specify both new=true and remove=true")
    if update_document is not None:
        _check_update_form({"u": update_document, "arrayFilters": command.get("arrayFilters"),
                            "collation": command.get("collation")})
    collection._store.create()
    candidates = list(collection._iter_documents(query))
    if command.get("sort"):
        sort_documents(candidates, command["sort"])
    target = candidates[0] if candidates else None
    documents = collection._store._documents
    if remove:
        if target is None:
            return {"lastErrorObject": {"n": 0}, "value": None, "ok": 1.0}
        del documents[store_key(target["_id"])]
        return {"lastErrorObject": {"n": 1}, "value": project(collection, target, fields), "ok": 1.0}
    if update_document is not None:
        refuse_dollar_fields_of_existing(collection, query, update_document)
    try:
        if target is not None:
            before = deep_copy(target)
            collection._update({"_id": target["_id"]}, update_document, multi=False)
            after = documents.get(store_key(target["_id"]))
            value = after if return_new else before
            return {"lastErrorObject": {"n": 1, "updatedExisting": True},
                    "value": project(collection, value, fields) if value is not None else None, "ok": 1.0}
        if not command.get("upsert"):
            return {"lastErrorObject": {"n": 0, "updatedExisting": False}, "value": None, "ok": 1.0}
        result = collection._update(query, update_document, upsert=True)
    except engine_module._MongomockDuplicate as duplicate:
        raise duplicate.duplicate.command_error()
    except mongomock.DuplicateKeyError as error:
        raise CommandError(11000, "DuplicateKey", "E11000 duplicate key error: %s" % error)
    new_id = result.get("upserted")
    after = documents.get(store_key(new_id))
    return {"lastErrorObject": {"n": 1, "updatedExisting": False, "upserted": new_id},
            "value": project(collection, after, fields) if return_new and after is not None else None,
            "ok": 1.0}
