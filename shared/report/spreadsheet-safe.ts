/**
 * A text cell a spreadsheet will never read as a formula (CSV/formula injection): a value that
 * begins with = + - @ — also after leading whitespace, and their full-width forms, which Excel in
 * Chinese and Japanese locales converts on entry — or with a tab or carriage return, gets a leading
 * apostrophe. Excel and LibreOffice show the text after the apostrophe and keep it as text when the
 * cell is edited. Everything else is left exactly as it was, so the escape is lossless: drop one
 * leading apostrophe of an escaped value to get the value back. Pure.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
