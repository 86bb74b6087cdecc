import { ModelError } from "../errors.js";
import { isModelHandle, metaOf } from "../model/brands.js";
import { describe } from "../model/describe.js";
import type { ModelMeta } from "../model/meta.js";
import { quote } from "../util/quote.js";
import { RELATION_HELPERS, type RelationDeclaration, type RelationHelpers } from "./declaration.js";
import { resolveJoin } from "./join.js";
import { register, relationsOf, type Relation } from "./relation.js";
import type { ModelMap, RelationalModels, RelationMap } from "./types.js";

/**
 * Declares the relations of a set of models, and returns the same model handles typed with
 * them: rows then have each relation as a property to await (`await post.author`), and
 * `find(...).include(...)` loads them eagerly.
 *
 * ```ts
 * export const { User, Post } = relations({ User: UserModel, Post: PostModel }, ({ one, many }) => ({
 *   User: { posts: many(PostModel) },
 *   Post: { author: one(UserModel, { by: PostModel.authorId }) },
 * }));
 * ```
 *
 * Declaring them apart from `model()`, for a whole set at once, is what lets models refer to
 * each other (and to themselves) with every type inferred. Throws a `ModelError`, naming both
 * models, for a relation that cannot join; nothing is declared then.
 */
export function relations<const M extends ModelMap, const L extends RelationMap<M>>(models: M, declare: (helpers: RelationHelpers<M>) => L): RelationalModels<M, L> {
  const given = modelsGiven(models);
  const declared: unknown = declare(RELATION_HELPERS);
  if (typeof declared !== "object" || declared === null) throw new ModelError(`relations(): the callback must return the relations by model name, got ${describe(declared)}`);
  const resolved: Relation[] = [];
  for (const [modelName, byName] of Object.entries(declared)) {
    const model = given.get(modelName);
    if (!model) throw new ModelError(`relations(): ${quote(modelName)} is not one of the models given (${[...given.keys()].join(", ")})`);
    if (typeof byName !== "object" || byName === null) throw new ModelError(`relations(): the relations of ${model.name} must be an object of one(...) and many(...), got ${describe(byName)}`);
    for (const [name, declaration] of Object.entries(byName as Record<string, unknown>)) {
      resolved.push(resolve(model, name, declaration, given));
    }
  }
  register(resolved);
  return models as unknown as RelationalModels<M, L>;
}

function modelsGiven(models: ModelMap): Map<string, ModelMeta> {
  if (typeof models !== "object" || models === null) throw new ModelError(`relations() takes the models by name first, e.g. relations({ User, Post }, ...), got ${describe(models)}`);
  const given = new Map<string, ModelMeta>();
  for (const [name, handle] of Object.entries(models)) {
    if (!isModelHandle(handle)) throw new ModelError(`relations(): ${quote(name)} must be a model, got ${describe(handle)}`);
    given.set(name, metaOf(handle));
  }
  const [first] = given.values();
  for (const meta of given.values()) {
    if (first && meta.collection !== first.collection) {
      throw new ModelError(`relations(): ${first.name} and ${meta.name} are in different collections; related models share one`);
    }
  }
  return given;
}

/** Names a relation may not take: a row's own fields, and what JavaScript reads from any object (`then` would make rows awaitable). */
const RESERVED = new Set(["then", "toJSON", "constructor", "__proto__", ...Object.getOwnPropertyNames(Object.prototype)]);

function resolve(model: ModelMeta, name: string, declaration: unknown, given: ReadonlyMap<string, ModelMeta>): Relation {
  if (!isDeclaration(declaration)) throw new ModelError(`${model.name}.${name}: declare a relation with one(...) or many(...), got ${describe(declaration)}`);
  if (!isModelHandle(declaration.target)) throw new ModelError(`${model.name}.${name}: the target must be a model, got ${describe(declaration.target)}`);
  const target = metaOf(declaration.target);
  if (target.collection !== model.collection) {
    throw new ModelError(`${model.name}.${name}: ${target.name} is in another collection than ${model.name}; related models share one`);
  }
  if (![...given.values()].includes(target)) {
    throw new ModelError(`${model.name}.${name}: ${target.name} is not among the models given to relations() with ${model.name}; give it too`);
  }
  if (model.field(name)) throw new ModelError(`${model.name}.${name}: ${model.name} has a field named ${quote(name)}; give the relation another name`);
  if (RESERVED.has(name)) throw new ModelError(`${model.name}.${name}: ${quote(name)} is a name every JavaScript object has; give the relation another name`);
  if (relationsOf(model).has(name)) throw new ModelError(`${model.name}.${name}: a relation of that name is already declared`);
  if (declaration.through && !isModelHandle(declaration.through.through)) {
    throw new ModelError(`${model.name}.${name}: through takes the association model, got ${describe(declaration.through.through)}`);
  }
  const through = declaration.through ? (metaOf(declaration.through.through)) : undefined;
  if (through && through.collection !== model.collection) {
    throw new ModelError(`${model.name}.${name}: the association model ${through.name} is in another collection than ${model.name}`);
  }
  const join = resolveJoin(model, name, declaration);
  return Object.freeze({ name, kind: declaration.kind, model, target, path: Object.freeze(join.path), required: join.required });
}

function isDeclaration(value: unknown): value is RelationDeclaration {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "one" || kind === "many") && "target" in value;
}
