/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) a Chinese report carries: 18
 * characters from 0–9 and the capitals except I, O, S, V, Z; the last is a check character over
 * the first 17 (weights 3^i mod 31, check = 31 − sum mod 31). A typo is caught before it reaches a
 * certificate.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'check';

/** Why a code is not a valid unified social credit code, or null when it is (or is empty: not entered). */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const value = code.trim().toUpperCase();
  if (value === '') return null;
  if (value.length !== 18) return 'length';
  if ([...value].some((ch) => !CHARSET.includes(ch))) return 'characters';
  const sum = WEIGHTS.reduce((total, weight, i) => total + CHARSET.indexOf(value[i]!) * weight, 0);
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check] === value[17] ? null : 'check';
}
