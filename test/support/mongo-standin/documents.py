"""Small helpers on stored documents: store keys, copies, projection."""

from mongomock import helpers as mm_helpers

import bsondates


def store_key(identifier):
    """The key mongomock's store uses for an _id (documents as _id need a hashable form)."""
    return mm_helpers.hashdict(identifier) if isinstance(identifier, dict) else identifier


def deep_copy(document):
    """A copy through BSON: several times faster than copy.deepcopy and exact for every BSON type."""
    return bsondates.decode(bsondates.encode(document))


def project(collection, document, projection):
    if not projection:
        return document
    return collection._copy_only_fields(document, dict(projection), dict)


def with_id_first(document, new_id):
    """MongoDB stores _id as the first field; generates an ObjectId when there is none."""
    if "_id" in document:
        if next(iter(document)) == "_id":
            return document
        reordered = {"_id": document["_id"]}
        reordered.update((k, v) for k, v in document.items() if k != "_id")
        return reordered
    reordered = {"_id": new_id()}
    reordered.update(document)
    return reordered
