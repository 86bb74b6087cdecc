import { z } from "zod";
import { Auto, Key, Stored } from "ommi";
import { corpusEntry } from "../entry.js";
import { allBytes, DATES, UNICODE } from "../nasty.js";

// A stored file's metadata with a small inline thumbnail. `z.custom<Buffer>` checks with a refinement
// only, so Ommi cannot tell what it holds: the author adds `Stored.binary`, as the ModelError says.
export const FileUploadSchema = z.object({
  id: z.uuid().optional(),
  ownerId: z.string(),
  filename: z.string().min(1).max(255),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  thumbnail: z.custom<Buffer>((value) => Buffer.isBuffer(value), { message: "thumbnail must be a Buffer" }).nullable(),
  storageKey: z.string(),
  uploadedAt: z.date(),
});

export function sampleFileUploads(): z.input<typeof FileUploadSchema>[] {
  return [
    {
      ownerId: "usr_1",
      filename: "report Q3 (final) v2.pdf",
      contentType: "application/pdf",
      sizeBytes: 1_048_576,
      checksum: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      thumbnail: Buffer.from(allBytes()),
      storageKey: "uploads/usr_1/abc.pdf",
      uploadedAt: DATES.recent(),
    },
    {
      ownerId: "usr_2",
      filename: `${UNICODE.cjk}.txt`,
      contentType: "text/plain; charset=utf-8",
      sizeBytes: 0,
      checksum: "0000000000000000000000000000000000000000000000000000000000000000",
      thumbnail: null,
      storageKey: "uploads/usr_2/empty.txt",
      uploadedAt: DATES.epoch(),
    },
    {
      ownerId: "usr_2",
      filename: "x",
      contentType: "application/octet-stream",
      sizeBytes: 1,
      checksum: "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      thumbnail: Buffer.alloc(0),
      storageKey: "uploads/usr_2/x",
      uploadedAt: DATES.after2038(),
    },
  ];
}

export const fileUploadEntry = corpusEntry("zod", { name: "FileUpload", schema: FileUploadSchema, fields: { id: [Key, Auto], thumbnail: Stored.binary }, samples: sampleFileUploads });
