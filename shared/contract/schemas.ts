import { z } from 'zod';
import { ENGAGEMENT_TABLE } from '../tables/engagement-tables.ts';
import type { NewEngagementFields } from '../engagement.ts';
import { newRowSchema, patchSchema } from '../tables/table.ts';

/** Building blocks of the channel input schemas. Every payload is parsed as unknown with these. */

export const handleSchema = z.string().uuid();
/** A file as the renderer names it: a name inside the workspace, or a path from a native dialog. */
export const fileRefSchema = z.string().min(1).max(4096);

/** A new engagement's fields, checked by the rules of its declaration (shared/tables/); those with a default may be left out. */
export const engagementFieldsSchema = newRowSchema(ENGAGEMENT_TABLE, ['checklist_pack_id', 'cb_profile_id']) as unknown as z.ZodType<NewEngagementFields>;
export const engagementPatchSchema = patchSchema(ENGAGEMENT_TABLE, ['checklist_pack_id', 'cb_profile_id']);

export const empty = z.object({}).strict();
/** Which files a picker lists: engagement files, return packages, or both (an import takes either). */
export const fileKind = z.enum(['engagement', 'package', 'import', 'checklist', 'profile', 'word', 'pdf', 'zip', 'keystore', 'certificate', 'signed', 'export']);
/** A pack or CB profile version as the library names it: "id@version" (both formats share the id rule). */
export const packKeySchema = z.string().min(5).max(200).regex(/^[a-z0-9][a-z0-9._-]{2,99}@\d+\.\d+\.\d+$/);
/** What a CSV or XLSX checklist cannot say about itself, asked for in the import form. */
export const tablePackMetaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,99}$/),
    version: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/),
    title: z.string().trim().min(1).max(300),
    designation: z.string().trim().min(1).max(100),
    edition: z.string().regex(/^\d{4}$/),
    criteria: z.string().trim().min(1).max(200),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
    publisher: z.string().trim().max(200).optional(),
  })
  .strict();
export const passphraseSchema = z.string().min(8).max(1000);
export const withHandle = z.object({ engagementHandle: handleSchema }).strict();
