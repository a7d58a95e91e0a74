import { DOCUMENT_TABLES } from './document-tables.ts';
import { ENGAGEMENT_TABLES } from './engagement-tables.ts';
import { EVIDENCE_FILE_TABLES } from './evidence-file-tables.ts';
import { FIELDWORK_RECORD_TABLES } from './fieldwork-records-tables.ts';
import { FIELDWORK_TABLES } from './fieldwork-tables.ts';
import { FINDING_TABLES } from './finding-tables.ts';
import { PACK_TABLES } from './pack-tables.ts';
import { PLAN_TABLES } from './plan-tables.ts';
import { PREPARATION_TABLES } from './preparation-tables.ts';
import { PROFILE_TABLES } from './profile-tables.ts';
import { SAMPLING_TABLES } from './sampling-tables.ts';
import type { TableDecl } from './table.ts';

/**
 * Every domain table of the engagement file, capability by capability: what the store registers,
 * the merge engine merges and the merge property test generates. A capability adds its list here.
 */
export const DOMAIN_TABLES: readonly TableDecl[] = [...ENGAGEMENT_TABLES, ...PACK_TABLES, ...PREPARATION_TABLES, ...PROFILE_TABLES, ...PLAN_TABLES, ...DOCUMENT_TABLES, ...FIELDWORK_TABLES, ...FIELDWORK_RECORD_TABLES, ...EVIDENCE_FILE_TABLES, ...FINDING_TABLES, ...SAMPLING_TABLES];

/** The tables edited through the generic row path (declared with `editing: 'rows'`). */
export const ROW_EDITED_TABLES: readonly TableDecl[] = DOMAIN_TABLES.filter((table) => table.editing === 'rows');
