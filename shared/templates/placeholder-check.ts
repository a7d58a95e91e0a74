import { listOfField, type Placeholder } from './plan-placeholders.ts';
import type { TemplateIssue, TemplatePlace } from './template-issues.ts';

/**
 * The placeholder stage of the template check: given the tags found in each part of the document (in
 * order), which names the app knows, where sections open and close, and what the template leaves out.
 * Pure: the reading of the .docx (electron/templates/) hands it the tags.
 *
 * Names resolve as the filler resolves them: the innermost open section's fields first, then the
 * enclosing sections', then the top level; a condition opens no scope. Each part (body, each header
 * and footer) is filled on its own, so a section must close in the part it opens in.
 */

export interface FoundTag {
  /** `{#name}` opens a section, `{/name}` closes one ('' for `{/}`), `{name}` is a value. */
  readonly kind: 'open' | 'close' | 'value';
  readonly name: string;
  readonly where: TemplatePlace;
}

export interface PlaceholderReport {
  readonly issues: readonly TemplateIssue[];
  /** Paths of the names used: 'client.name', 'sessions', 'sessions/start', 'days/sessions/title'. */
  readonly used: readonly string[];
  /** Paths the template leaves out: a top-level name, or a field of a section it uses. */
  readonly unused: readonly string[];
}

interface Scope {
  readonly path: string;
  readonly fields: readonly Placeholder[];
}

interface OpenSection {
  readonly name: string;
  readonly where: TemplatePlace;
  /** The scope a list opens; null for a condition or an unknown name. */
  readonly scope: Scope | null;
}

const join = (path: string, name: string): string => (path ? `${path}/${name}` : name);

export function checkPlaceholders(parts: readonly (readonly FoundTag[])[], catalogue: readonly Placeholder[]): PlaceholderReport {
  const issues: TemplateIssue[] = [];
  const used = new Set<string>();
  // One warning per unknown name (with how often and where first), not one per occurrence.
  const unknown = new Map<string, { issue: TemplateIssue; count: number }>();
  const warnOnce = (key: string, make: () => TemplateIssue): void => {
    const seen = unknown.get(key);
    if (seen) seen.count++;
    else unknown.set(key, { issue: make(), count: 1 });
  };

  for (const tags of parts) {
    const open: OpenSection[] = [];
    const resolve = (name: string): { placeholder: Placeholder; path: string } | undefined => {
      const scopes: Scope[] = [{ path: '', fields: catalogue }, ...open.flatMap((section) => (section.scope ? [section.scope] : []))];
      for (let i = scopes.length - 1; i >= 0; i--) {
        const placeholder = scopes[i]!.fields.find((field) => field.name === name);
        if (placeholder) return { placeholder, path: join(scopes[i]!.path, name) };
      }
      return undefined;
    };
    const notKnown = (tag: FoundTag): void => {
      const section = listOfField(catalogue, tag.name);
      if (section) warnOnce(`outside:${tag.name}`, () => ({ code: 'OUTSIDE_SECTION', params: { name: tag.name, section }, where: tag.where }));
      else warnOnce(`unknown:${tag.name}`, () => ({ code: 'UNKNOWN_PLACEHOLDER', params: { name: tag.name }, where: tag.where }));
    };

    for (const tag of tags) {
      if (tag.kind === 'close') {
        const top = open.pop();
        if (!top) issues.push({ code: 'UNOPENED_SECTION_END', params: { name: tag.name }, where: tag.where });
        else if (tag.name !== '' && tag.name !== top.name) issues.push({ code: 'MISMATCHED_SECTION_END', params: { open: top.name, close: tag.name }, where: tag.where });
        continue;
      }
      const found = resolve(tag.name);
      if (found) used.add(found.path);
      else notKnown(tag);
      if (tag.kind === 'open') {
        const isList = found?.placeholder.kind === 'list';
        open.push({ name: tag.name, where: tag.where, scope: isList ? { path: found!.path, fields: found!.placeholder.fields ?? [] } : null });
      } else if (found?.placeholder.kind === 'list') {
        issues.push({ code: 'SECTION_AS_TEXT', params: { name: tag.name }, where: tag.where });
      }
    }
    for (const section of open) issues.push({ code: 'UNCLOSED_SECTION', params: { name: section.name }, where: section.where });
  }

  for (const { issue, count } of unknown.values()) issues.push({ ...issue, params: { ...issue.params, count } });
  return { issues, used: [...used].sort(), unused: unusedPaths(catalogue, '', used) };
}

function unusedPaths(fields: readonly Placeholder[], path: string, used: ReadonlySet<string>): string[] {
  return fields.flatMap((placeholder) => {
    const at = join(path, placeholder.name);
    if (!used.has(at)) return [at];
    return placeholder.kind === 'list' ? unusedPaths(placeholder.fields ?? [], at, used) : [];
  });
}
