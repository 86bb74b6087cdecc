"""Aggregation stages the stand-in replaces in mongomock: $match and $sort with the stand-in's
semantics, and $lookup with `let` + `pipeline` (mongomock has only localField/foreignField)."""

import copy

from mongomock import aggregate as mm_aggregate

import matching
from errors import bad_value

_sort = []


def _match_stage(documents, _database, query):
    return [d for d in documents if matching.matches(query, d)]


def _sort_stage(documents, _database, spec):
    return _sort[0](list(documents), spec)


def _substitute(value, variables):
    """Replaces $$name references to `let` variables by literals before running the sub-pipeline."""
    if isinstance(value, str) and value.startswith("$$"):
        name, _, rest = value[2:].partition(".")
        if name in variables:
            resolved = variables[name]
            for part in rest.split(".") if rest else []:
                resolved = resolved.get(part) if isinstance(resolved, dict) else None
            return "$$REMOVE" if resolved is matching.MISSING else {"$literal": resolved}
        return value
    if isinstance(value, dict):
        return {k: _substitute(v, variables) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, variables) for v in value]
    return value


def _let_value(expression, document):
    try:
        return mm_aggregate._parse_expression(expression, document, ignore_missing_keys=True)
    except KeyError:  # a missing value: `$$name` is then missing too
        return matching.MISSING


def _lookup_stage(documents, database, options):
    if not isinstance(options, dict) or "from" not in options or "as" not in options:
        raise bad_value("$lookup needs 'from' and 'as'")
    foreign = database.get_collection(options["from"])
    target = options["as"]
    local_field = options.get("localField")
    foreign_field = options.get("foreignField")
    sub_pipeline = options.get("pipeline")
    let = options.get("let") or {}
    if sub_pipeline is None and (local_field is None or foreign_field is None):
        raise bad_value("$lookup needs either 'pipeline' or both 'localField' and 'foreignField'")
    foreign_documents = None
    out = []
    for document in documents:
        if local_field is not None:
            local_values = matching.leaf_values(document, local_field)
            wanted = []
            for value in local_values:
                if isinstance(value, list):
                    wanted.extend(value)
                else:
                    wanted.append(None if value is matching.MISSING else value)
            query = {foreign_field: {"$in": wanted}}
            matched = list(foreign._iter_documents(query))
        else:
            if foreign_documents is None:
                foreign_documents = list(foreign._store._documents.values())
            matched = foreign_documents
        matched = [copy.deepcopy(d) for d in matched]
        if sub_pipeline is not None:
            variables = {name: _let_value(expr, document) for name, expr in let.items()}
            stages = _substitute(sub_pipeline, variables)
            matched = list(mm_aggregate.process_pipeline(matched, database, stages, None))
        document = dict(document)
        _set_path(document, target, matched)
        out.append(document)
    return out


def _set_path(document, path, value):
    parts = path.split(".")
    for part in parts[:-1]:
        child = document.get(part)
        if not isinstance(child, dict):
            child = document[part] = {}
        document = child
    document[parts[-1]] = value


def _unset_stage(documents, _database, fields):
    names = [fields] if isinstance(fields, str) else list(fields)
    return mm_aggregate._handle_project_stage(documents, _database, {name: 0 for name in names})


def _replace_with_stage(documents, database, expression):
    return mm_aggregate._handle_replace_root_stage(documents, database, {"newRoot": expression})


def install(handlers, sort_documents):
    _sort[:] = [sort_documents]
    handlers["$match"] = _match_stage
    handlers["$sort"] = _sort_stage
    handlers["$lookup"] = _lookup_stage
    handlers["$unset"] = _unset_stage
    handlers["$replaceWith"] = _replace_with_stage
