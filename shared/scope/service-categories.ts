/**
 * A service's IT-service categories. In China these are the CNCA business categories of the
 * certified services (a Chinese CB's reports need one per service); elsewhere optional tags. They
 * describe the services, never the scope itself (that is the scope statement and the certificate's
 * wording).
 *
 * Stored in the `service.categories` text column (at most 500 characters), separated by "; ". The
 * eight known categories are stored by their stable key, so an English and a Chinese colleague each
 * see them in their own language; anything else the auditor types stays as it was typed. Pure.
 */

/** The eight IT-service categories, by stable key (never renamed: stored in engagement files). */
export const SERVICE_CATEGORIES = [
  // IT consulting and planning of information systems
  'consulting-planning',
  // Software design and development
  'software-development',
  // Information system testing and software product testing
  'testing',
  // Information system / software engineering supervision
  'engineering-supervision',
  // Operation and maintenance of basic infrastructure, hardware and software
  'operation-maintenance',
  // E-commerce support
  'e-commerce-support',
  // Data processing
  'data-processing',
  // Call centre / service desk
  'call-centre-service-desk',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** The column's limit (SERVICE_TABLE's `categories`, checked equal by the test). */
export const CATEGORIES_MAX_CHARS = 500;

/** Between two categories in the stored text. */
export const CATEGORY_SEPARATOR = '; ';

/** What separates categories when reading (ASCII or full-width semicolon, as typed in Chinese). */
const SEPARATORS = /[;；]/;

export function isServiceCategory(value: string): value is ServiceCategory {
  return (SERVICE_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The categories in a stored text, in order: each trimmed, empty ones dropped, a repeat (ignoring
 * case) dropped. Keys of the known categories come back as keys, anything else as typed.
 */
export function parseCategories(text: string): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const category = part.trim();
    const identity = category.toLowerCase();
    if (!category || seen.has(identity)) continue;
    seen.add(identity);
    list.push(category);
  }
  return list;
}

/**
 * The stored text of a list of categories (keys or free text): "; " between them; a separator
 * inside an entry splits it, so `parseCategories(formatCategories(list))` gives the list back.
 */
export function formatCategories(list: readonly string[]): string {
  return parseCategories(list.join(';')).join(CATEGORY_SEPARATOR);
}

/** Whether the list fits the column once stored. */
export function categoriesFit(list: readonly string[]): boolean {
  return formatCategories(list).length <= CATEGORIES_MAX_CHARS;
}

/** Whether a stored text names at least one of the eight known categories (free text does not count). */
export function hasKnownCategory(text: string): boolean {
  return parseCategories(text).some(isServiceCategory);
}
