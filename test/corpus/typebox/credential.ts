import { Type, type Static } from "typebox";
import { Auto, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { allBytes, DATES, digest } from "../nasty.js";
import { BytesType, DateType } from "./types.js";

// An encrypted secret (a password manager / secrets store entry): ciphertext and IV as bytes.
export const CredentialSchema = Type.Object({
  id: Type.Optional(Type.Number()),
  vaultId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal("password"), Type.Literal("api_token"), Type.Literal("ssh_key")]),
  ciphertext: BytesType,
  iv: BytesType,
  keyVersion: Type.Integer(),
  createdAt: DateType,
  rotatedAt: Type.Union([DateType, Type.Null()]),
});

export function sampleCredentials(): Static<typeof CredentialSchema>[] {
  return [
    { vaultId: "v_1", name: "prod db", kind: "password", ciphertext: allBytes(), iv: digest(3).slice(0, 12), keyVersion: 1, createdAt: DATES.recent(), rotatedAt: null },
    { vaultId: "v_1", name: "deploy key 🔐", kind: "ssh_key", ciphertext: new Uint8Array(0), iv: Buffer.from("000000000000000000000000", "hex"), keyVersion: 7, createdAt: DATES.epoch(), rotatedAt: DATES.leapMillisecond() },
  ];
}

export const credentialEntry = corpusEntry("typebox", { name: "Credential", schema: CredentialSchema, fields: { id: [Key, Auto] }, samples: sampleCredentials });
