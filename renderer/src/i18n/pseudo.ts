/**
 * The pseudo-locale: every string from the language files wrapped in ⟦ ⟧, its letters accented and
 * its length grown by 40%, so a screenshot shows at a glance text that does not come from the files
 * (no brackets) and labels that clip or overlap when a translation runs longer than English.
 */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ď', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ď', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
/** Interpolations ({{name}}), nestings ($t(...)) and markup stay as they are: i18next must still find them. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/;

export function pseudoLocalize(text: string): string {
  const accented = text
    .split(KEEP)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((ch) => ACCENTED[ch] ?? ch).join('')))
    .join('');
  // 40% more: the brackets and a space count, dots make up the rest.
  const grow = Math.ceil(text.length * 0.4);
  return text ? `⟦${accented} ${'·'.repeat(Math.max(grow - 3, 1))}⟧` : text;
}

/** A whole language file, pseudo-localized. */
export function pseudoTexts<T extends object>(texts: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(texts)) {
    out[key] = typeof value === 'string' ? pseudoLocalize(value) : value && typeof value === 'object' ? pseudoTexts(value as object) : value;
  }
  return out as T;
}
