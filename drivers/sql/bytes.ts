import type { Encode } from "./dialect.js";

/** Binary data as a Buffer, which the SQL clients bind as bytes: a view of the same memory, not a copy. */
export const asBuffer: Encode = (value) => {
  const bytes = value as Uint8Array;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/** Binary data as its base64 text, as Ommi's JSON holds it inside structured values (see json/encoder.ts). */
export const asBase64: Encode = (value) => (asBuffer(value) as Buffer).toString("base64");
