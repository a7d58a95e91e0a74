import { z } from 'zod';

/**
 * A return package: the change-log entries a copy has that its base did not, with their values,
 * the replicas that wrote them and what those replicas had seen. Parsed as unknown on import.
 */
export const PACKAGE_FORMAT = 'audit-workbench-return-package';
export const PACKAGE_FORMAT_VERSION = 1;

const id = z.string().min(1).max(100);
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const packageEntrySchema = z
  .object({
    replica_id: id,
    seq: z.number().int().min(1),
    prev_hash: hash,
    entity: z.string().min(1).max(100),
    row_id: id,
    field: z.string().min(1).max(100),
    old_hash: hash,
    new_hash: hash,
    hlc: z.string().regex(/^\d{15}:[0-9a-f]{4}:.+$/),
    wall_time: z.string().min(1).max(40),
    actor_id: id,
    flags: z.number().int().min(0),
    settles: z.string().max(100_000).nullable(),
    entry_hash: hash,
    salt: z.string().max(100).nullable(),
    old_value: z.string().max(1_000_000).nullable(),
    new_value: z.string().max(1_000_000).nullable(),
  })
  .strict();

export const returnPackageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.number().int().min(1),
    engagementId: id,
    clientName: z.string().max(300),
    createdAt: z.string().max(40),
    createdBy: z.object({ actorId: id, name: z.string().max(200), initials: z.string().max(10) }).strict(),
    appVersion: z.string().max(40),
    minAppVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1),
    sourceFileInstanceId: id,
    base: z.record(z.string(), z.number().int().min(0)),
    replicas: z.array(z.object({ id, actor_id: id, file_instance_id: id, created_at: z.string().max(40) }).strict()),
    knowledge: z.array(z.object({ replica_id: id, from_seq: z.number().int().min(1), heads: z.string().max(100_000) }).strict()),
    entries: z.array(packageEntrySchema),
  })
  .strict();

export type ReturnPackage = z.infer<typeof returnPackageSchema>;
export type PackageEntry = z.infer<typeof packageEntrySchema>;
