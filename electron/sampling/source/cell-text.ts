/**
 * A workbook cell as the text the import stores, the same for every reader: dates as ISO text (a date
 * at midnight as YYYY-MM-DD, else an instant without milliseconds), numbers in full without an exponent
 * (1e21 → "1000000000000000000000"), a formula's cached result, rich text joined, an error as its code.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; formula?: unknown; sharedFormula?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (typeof v.error === 'string') return v.error;
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const plain = String(n);
  if (!plain.includes('e')) return plain;
  if (Number.isInteger(n)) return BigInt(n).toString();
  // A small fraction: as many decimals as the exponent needs, trailing zeros dropped.
  const exponent = Number(plain.slice(plain.indexOf('e') + 1));
  const mantissaDigits = plain.slice(0, plain.indexOf('e')).replace(/^-/, '').replace('.', '').length;
  return n.toFixed(Math.min(100, -exponent + mantissaDigits)).replace(/\.?0+$/, '');
}

export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return `${iso.slice(0, 19)}Z`;
}
