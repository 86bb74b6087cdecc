export { MongoDBDriver } from "./driver.js";
export type { MongoDBOptions } from "./options.js";
