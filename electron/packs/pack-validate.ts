import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type ChecklistPack } from '../../shared/checklist/pack.ts';
import schema from '../../resources/checklists/checklist-pack.schema.json' with { type: 'json' };
import { refuse, type PackIssue } from './pack-issues.ts';
import { parseJsonSource, type JsonSource } from './pack-json.ts';
import { packRuleIssues } from './pack-rules.ts';

let compiled: ValidateFunction<ChecklistPack> | null = null;
/** The schema compiled on first use, not when the main process loads. */
function validateShape(): ValidateFunction<ChecklistPack> {
  compiled ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile<ChecklistPack>(schema);
  return compiled;
}

function schemaIssue(error: ErrorObject): PackIssue {
  const path = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `"${String(params.missingProperty)}" is missing` };
    case 'additionalProperties': {
      // The property's own path, so the line named is the one with the unknown property on it.
      const property = String(params.additionalProperty);
      const propertyPath = `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return { path: propertyPath, message: `"${property}" is not a property the format knows` };
    }
    case 'propertyNames':
      return { path, message: `"${String(params.propertyName)}" is not a language tag such as "en" or "zh-Hans"` };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern':
      return { path, message: describePattern(path) };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

function describePattern(path: string): string {
  if (path === '/version') return 'must be a version number such as 1.2.0 (MAJOR.MINOR.PATCH)';
  if (path === '/id') return 'must be 3–100 characters: lower-case letters, digits, ".", "_" or "-", such as "cb.example.iso20000-1"';
  if (/\/(languages\/\d+|defaultLanguage)$/.test(path)) return 'must be a language tag such as "en" or "zh-Hans"';
  if (/\/(key|processTags\/\d+)$/.test(path)) return 'must be a key of lower-case letters, digits and "-"';
  if (path.endsWith('/releasedOn')) return 'must be a date (YYYY-MM-DD)';
  if (path.endsWith('/edition')) return 'must be the year of the edition, such as 2018';
  return 'must be an id of letters, digits, ".", "_" or "-" (up to 80 characters)';
}

/** Keeps the issue that says most when a union fails (ajv reports every branch of an anyOf). */
function schemaIssues(errors: readonly ErrorObject[]): PackIssue[] {
  const seen = new Set<string>();
  const issues: PackIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const issue = schemaIssue(error);
    const key = `${issue.path}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** A decoded value checked against the format: the schema, then the pack's own rules. */
export function checkPack(value: unknown, source?: JsonSource): ChecklistPack {
  const withLines = (issues: PackIssue[]): PackIssue[] =>
    issues.map((issue) => (source && issue.path ? { ...issue, line: source.lineOfPath(issue.path) } : issue));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse([{ line: source ? 1 : undefined, message: 'This is not a checklist pack: the file holds no JSON object' }]);
  }
  const record = value as Record<string, unknown>;
  if (record.format !== PACK_FORMAT) {
    refuse(withLines([{ path: '/format', message: `This is not an Audit Workbench checklist pack: "format" must be "${PACK_FORMAT}"` }]));
  }
  if (typeof record.formatVersion === 'number' && record.formatVersion > PACK_FORMAT_VERSION) {
    refuse(
      withLines([
        {
          path: '/formatVersion',
          message: `This pack uses format ${record.formatVersion}; this version of Audit Workbench reads format ${PACK_FORMAT_VERSION}. Update the app to import it.`,
        },
      ]),
    );
  }
  const validate = validateShape();
  if (!validate(value)) refuse(withLines(schemaIssues(validate.errors ?? [])));
  const pack = value as ChecklistPack;
  const issues = packRuleIssues(pack);
  if (issues.length) refuse(withLines(issues));
  return pack;
}

/** A JSON pack file's text, checked: syntax (line and column), then the format (line and path). */
export function parsePackJson(text: string): ChecklistPack {
  const source = parseJsonSource(text);
  return checkPack(source.value, source);
}
