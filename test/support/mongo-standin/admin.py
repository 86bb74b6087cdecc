"""Handshake, server information and the catalog: databases, collections, indexes."""

import datetime
import os

from bson.int64 import Int64
from bson.objectid import ObjectId

import engine as engine_module
from bsonorder import hashable
from errors import CommandError, DuplicateKey, namespace_not_found

SET_NAME = "rs0"
MAX_WIRE_VERSION = 21  # MongoDB 7.0
_ELECTION_ID = ObjectId("7fffffff0000000000000001")


def hello(host, connection_id, legacy_name):
    reply = {
        "isWritablePrimary": True,
        "topologyVersion": None,
        "maxBsonObjectSize": 16 * 1024 * 1024,
        "maxMessageSizeBytes": 48000000,
        "maxWriteBatchSize": 100000,
        "localTime": datetime.datetime.utcnow(),
        "logicalSessionTimeoutMinutes": 30,
        "connectionId": connection_id,
        "minWireVersion": 0,
        "maxWireVersion": MAX_WIRE_VERSION,
        "readOnly": False,
        "setName": SET_NAME,
        "setVersion": 1,
        "hosts": [host],
        "primary": host,
        "me": host,
        "electionId": _ELECTION_ID,
        "secondary": False,
        "ok": 1.0,
    }
    # No topologyVersion: the client then polls hello (every heartbeatFrequencyMS) instead of
    # streaming it, which this server does not implement.
    del reply["topologyVersion"]
    if legacy_name:
        reply["ismaster"] = True
    else:
        reply["helloOk"] = True
    return reply


def build_info():
    return {"version": "7.0.0", "gitVersion": "ommi-standin", "versionArray": [7, 0, 0, 0],
            "bits": 64, "maxBsonObjectSize": 16 * 1024 * 1024, "ommiStandin": True,
            "storageEngines": ["ommi-standin (mongomock)"], "ok": 1.0}


def get_parameter(command):
    reply = {"ok": 1.0}
    if command.get("featureCompatibilityVersion") or command.get("getParameter") == "*":
        reply["featureCompatibilityVersion"] = {"version": "7.0"}
    return reply


def server_status():
    return {"host": os.uname().nodename, "version": "7.0.0", "process": "ommi-standin",
            "pid": Int64(os.getpid()), "uptime": 0.0, "ok": 1.0}


# -- collections -------------------------------------------------------------------------------

def create(ctx, command):
    name = command["create"]
    if not isinstance(name, str) or not name or "$" in name or "\0" in name:
        raise CommandError(73, "InvalidNamespace", "Invalid collection name: %r" % (name,))
    if ctx.collection_exists(name):
        raise CommandError(48, "NamespaceExists", "Collection %s already exists." % ctx.namespace(name))
    ctx.collection(name)._store.create()
    return {"ok": 1.0}


def drop(ctx, command):
    name = command["drop"]
    if not ctx.collection_exists(name):
        # MongoDB 7.0 answers ok for a collection that does not exist.
        return {"ok": 1.0}
    store = ctx.collection(name)._store
    indexes = len(store.indexes) + 1
    store.drop()
    return {"nIndexesWas": indexes, "ns": ctx.namespace(name), "ok": 1.0}


def drop_database(ctx, _command):
    databases = ctx.engine.store._databases
    if ctx.database in databases:
        databases[ctx.database]._collections.clear()
    return {"dropped": ctx.database, "ok": 1.0}


def _collection_info(name):
    return {"name": name, "type": "collection", "options": {},
            "info": {"readOnly": False},
            "idIndex": {"v": 2, "key": {"_id": 1}, "name": "_id_"}}


def list_collections(ctx, command):
    names = ctx.collection_names()
    infos = [_collection_info(name) for name in sorted(names)]
    query = command.get("filter")
    if query:
        import matching
        infos = [info for info in infos if matching.matches(query, info)]
    if command.get("nameOnly"):
        infos = [{"name": info["name"], "type": info["type"]} for info in infos]
    batch_size = (command.get("cursor") or {}).get("batchSize")
    return {"cursor": ctx.cursors.open("%s.$cmd.listCollections" % ctx.database, infos, batch_size), "ok": 1.0}


def list_databases(ctx, command):
    names = ctx.engine.store.list_created_database_names()
    databases = [{"name": name, "sizeOnDisk": Int64(0), "empty": False} for name in sorted(names)]
    if command.get("filter"):
        import matching
        databases = [d for d in databases if matching.matches(command["filter"], d)]
    if command.get("nameOnly"):
        databases = [{"name": d["name"]} for d in databases]
    return {"databases": databases, "totalSize": Int64(0), "totalSizeMb": Int64(0), "ok": 1.0}


# -- indexes -----------------------------------------------------------------------------------

def _default_index_name(key):
    return "_".join("%s_%s" % (field, direction) for field, direction in key.items())


def _index_document(name, index):
    document = {"v": 2, "key": dict(index["key"]), "name": name}
    for option in ("unique", "sparse", "partialFilterExpression", "expireAfterSeconds"):
        if option in index:
            document[option] = index[option]
    return document


def create_indexes(ctx, command):
    name = command["createIndexes"]
    specs = command.get("indexes")
    if not isinstance(specs, list) or not specs:
        raise CommandError(2, "BadValue", "Must specify at least one index to create")
    collection = ctx.collection(name)
    store = collection._store
    created_collection = not ctx.collection_exists(name)
    before = len(store.indexes) + 1
    store.create()
    for spec in specs:
        key = spec.get("key")
        if not isinstance(key, dict) or not key:
            raise CommandError(67, "CannotCreateIndex", "index specification needs a non-empty 'key'")
        index_name = spec.get("name") or _default_index_name(key)
        if index_name == "_id_" or list(key.items()) == [("_id", 1)]:
            continue
        index = {"key": list(key.items())}
        for option in ("unique", "sparse"):
            if spec.get(option):
                index[option] = True
        for option in ("partialFilterExpression", "expireAfterSeconds"):
            if option in spec:
                index[option] = spec[option]
        existing = store.indexes.get(index_name)
        if existing is not None:
            if existing != index:
                raise CommandError(86, "IndexKeySpecsConflict",
                                   "An existing index has the same name as the requested index: %s" % index_name)
            continue
        for other_name, other in store.indexes.items():
            if other["key"] == index["key"]:
                if other == index:
                    break
                raise CommandError(85, "IndexOptionsConflict",
                                   "Index already exists with a different name: %s" % other_name)
        else:
            if index.get("unique"):
                _check_existing_unique(collection, index_name, index)
            store.create_index(index_name, index)
    return {"createdCollectionAutomatically": created_collection, "numIndexesBefore": before,
            "numIndexesAfter": len(store.indexes) + 1, "ok": 1.0}


def _check_existing_unique(collection, index_name, index):
    seen = set()
    for document in collection._store._documents.values():
        values = engine_module.index_key(index, document)
        if values is None:
            continue
        marker = hashable(list(values.values()))
        if marker in seen:
            raise engine_module.duplicate_for(collection, index_name, index, values).command_error()
        seen.add(marker)


def list_indexes(ctx, command):
    name = command["listIndexes"]
    if not ctx.collection_exists(name):
        raise namespace_not_found("ns does not exist: %s" % ctx.namespace(name))
    store = ctx.collection(name)._store
    documents = [{"v": 2, "key": {"_id": 1}, "name": "_id_"}]
    documents += [_index_document(index_name, index) for index_name, index in store.indexes.items()]
    batch_size = (command.get("cursor") or {}).get("batchSize")
    return {"cursor": ctx.cursors.open(ctx.namespace(name), documents, batch_size), "ok": 1.0}


def drop_indexes(ctx, command):
    name = command.get("dropIndexes", command.get("deleteIndexes"))
    if not ctx.collection_exists(name):
        raise namespace_not_found("ns not found %s" % ctx.namespace(name))
    store = ctx.collection(name)._store
    before = len(store.indexes) + 1
    wanted = command.get("index")
    if wanted == "*":
        store.indexes = {}
        return {"nIndexesWas": before, "ok": 1.0}
    names = wanted if isinstance(wanted, list) else [wanted]
    for item in names:
        if isinstance(item, dict):
            matching_names = [n for n, index in store.indexes.items() if index["key"] == list(item.items())]
            if not matching_names:
                raise CommandError(27, "IndexNotFound", "can't find index with key: %s" % item)
            item = matching_names[0]
        if item == "_id_":
            raise CommandError(72, "InvalidOptions", "cannot drop _id index")
        if item not in store.indexes:
            raise CommandError(27, "IndexNotFound", "index not found with name [%s]" % item)
        del store.indexes[item]
    return {"nIndexesWas": before, "ok": 1.0}


__all__ = ["DuplicateKey"]
