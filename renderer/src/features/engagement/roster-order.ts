import { SITE_KINDS, TEAM_ROLES } from '../../../../shared/engagement.ts';
import { compareNames } from '../../i18n/locale.ts';

/** Where a stored value sits in its list; values this version does not know go last, still shown. */
const rank = (values: readonly string[], value: string): number => {
  const index = values.indexOf(value);
  return index === -1 ? values.length : index;
};

/**
 * Sites as a report lists them: in scope first, the central function first among them, then by
 * name in the interface language's order (pinyin for Chinese).
 */
export function orderSites<T extends { name: string; kind: string; in_scope?: number | null }>(sites: readonly T[]): T[] {
  return [...sites].sort(
    (a, b) =>
      Number(b.in_scope ?? 1) - Number(a.in_scope ?? 1) || rank(SITE_KINDS, a.kind) - rank(SITE_KINDS, b.kind) || compareNames(a.name, b.name),
  );
}

/** The team as a plan lists it: the audit team leader first, then by role, then by name. */
export function orderTeam<T extends { name: string; role: string }>(team: readonly T[]): T[] {
  return [...team].sort((a, b) => rank(TEAM_ROLES, a.role) - rank(TEAM_ROLES, b.role) || compareNames(a.name, b.name));
}
