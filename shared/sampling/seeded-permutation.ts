/**
 * The one seeded generator for every random choice an audit records (the IAF MD 1 site sample, and
 * later simple, systematic, stratified and extended record samples). Specified byte for byte in
 * docs/SAMPLING-RANDOM.md, so that a certification body can recompute a sample years later in any
 * language from what the report states: the algorithm, the seed, the ids (and the hashes to check them).
 *
 * Algorithm `aw-perm-1`, in short:
 * 1. Canonical order: the ids (non-empty, well-formed Unicode, no duplicates — refused, never dropped)
 *    sorted by their UTF-8 bytes (not by JavaScript's UTF-16 sort).
 * 2. P = SHA-256(u32(n) ‖ F(id₁) ‖ … ‖ F(idₙ)), the population hash; F(s) = u32(byte length) ‖ UTF-8(s),
 *    u32 = 4 bytes big-endian.
 * 3. K = SHA-256(F("aw-perm-1") ‖ F(seed) ‖ F(stratum) ‖ P), the inputs hash (stratum "" when none).
 * 4. Words: block b = SHA-256(K ‖ u32(b)) for b = 0, 1, …, each cut into 8 big-endian 32-bit words.
 * 5. U(m) for m ≥ 2: take the next word w; accept when w < 2³² − (2³² mod m) and return w mod m, else
 *    take another word.
 * 6. Fisher–Yates, ascending: for i = 0 … n − 2, j = i + U(n − i), swap a[i] and a[j].
 * The first k items of the result are the random sample of size k: position 1 is drawn from all n ids,
 * position 2 from the rest, and so on, so a sample is extended by taking the next items.
 */
import { Sha256, sha256, toHex } from './sha256.ts';

/** The algorithm of new samples. Stored with every sample; never changed once released. */
export const SEEDED_PERMUTATION_ALGORITHM = 'aw-perm-1';
/** Every algorithm this version can recompute (a new one is added, an old one never removed). */
export const SEEDED_PERMUTATION_ALGORITHMS = [SEEDED_PERMUTATION_ALGORITHM] as const;
export type SeededPermutationAlgorithm = (typeof SEEDED_PERMUTATION_ALGORITHMS)[number];

/** The longest seed accepted, in UTF-16 code units (a seed is something a person writes down). */
export const MAX_SEED_LENGTH = 200;
/** Random bytes newSeed() turns into a seed: 128 bits. */
export const SEED_BYTES = 16;

export const SEEDED_PERMUTATION_ERROR_CODES = [
  'UNKNOWN_ALGORITHM',
  'SEED_EMPTY',
  'SEED_TOO_LONG',
  'SEED_SURROUNDING_SPACE',
  'SEED_CONTROL_CHARACTER',
  'NOT_UNICODE',
  'ID_EMPTY',
  'DUPLICATE_ID',
  'STRATUM_NAME_EMPTY',
  'ID_IN_TWO_STRATA',
  'SAMPLE_SIZE_INVALID',
  'EMPTY_POPULATION',
  'RANDOM_BYTES_LENGTH',
  // The record-sampling draws (sample-draw.ts and its parts) and PopulationHasher below.
  'ID_OUT_OF_ORDER',
  'ID_COUNT_MISMATCH',
  'HASH_INVALID',
  'POPULATION_SIZE_INVALID',
  'STRATUM_DUPLICATE',
  'MINIMUM_EXCEEDS_SIZE',
  'INDEX_INVALID',
  'DUPLICATE_INDEX',
  'REASON_EMPTY',
  'EXTENSION_INVALID',
] as const;
export type SeededPermutationErrorCode = (typeof SEEDED_PERMUTATION_ERROR_CODES)[number];
export type SamplingParams = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** Refused input: a code and its parameters for the renderer to translate (the message is for logs). */
export class SeededPermutationError extends Error {
  constructor(
    readonly code: SeededPermutationErrorCode,
    readonly params: SamplingParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'SeededPermutationError';
  }
}

export interface SeededPermutation {
  readonly algorithm: SeededPermutationAlgorithm;
  readonly seed: string;
  /** '' unless the ids are one stratum of a stratified sample. */
  readonly stratum: string;
  /** SHA-256 of the canonical id list, lowercase hex: identifies the population whatever the seed. */
  readonly populationHash: string;
  /** SHA-256 of algorithm, seed, stratum and population hash, lowercase hex: the generator's key. */
  readonly inputsHash: string;
  /** Every id once; the first k are the random sample of size k. */
  readonly order: readonly string[];
}

export interface PermutationOptions {
  /** The algorithm a recorded sample names; new samples use SEEDED_PERMUTATION_ALGORITHM. */
  readonly algorithm?: string;
  /** The stratum's name when the ids are one stratum (stratified() sets it). */
  readonly stratum?: string;
}

/** The UTF-8 bytes of well-formed text; a lone surrogate is refused (it has no UTF-8 form). */
export function utf8Bytes(text: string, what: 'seed' | 'id' | 'stratum' | 'algorithm' = 'id'): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code > 0xdbff || low < 0xdc00 || low > 0xdfff) throw new SeededPermutationError('NOT_UNICODE', { what, position: i });
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
      i++;
    }
    if (code < 0x80) {
      out[length++] = code;
    } else if (code < 0x800) {
      out[length++] = 0xc0 | (code >> 6);
      out[length++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[length++] = 0xe0 | (code >> 12);
      out[length++] = 0x80 | ((code >> 6) & 0x3f);
      out[length++] = 0x80 | (code & 0x3f);
    } else {
      out[length++] = 0xf0 | (code >> 18);
      out[length++] = 0x80 | ((code >> 12) & 0x3f);
      out[length++] = 0x80 | ((code >> 6) & 0x3f);
      out[length++] = 0x80 | (code & 0x3f);
    }
  }
  return out.slice(0, length);
}

/** Byte-wise comparison (a proper prefix first): for UTF-8, the same order as Unicode code points. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** Orders text by its UTF-8 bytes: the canonical order of ids everywhere a sample is concerned. */
export function compareUtf8(a: string, b: string): number {
  return compareBytes(utf8Bytes(a), utf8Bytes(b));
}

/** Why a seed would be refused, or null. The UI checks a typed seed with this at the field. */
export function seedProblem(seed: string): { readonly code: SeededPermutationErrorCode; readonly params: SamplingParams } | null {
  if (seed.length === 0) return { code: 'SEED_EMPTY', params: {} };
  if (seed.length > MAX_SEED_LENGTH) return { code: 'SEED_TOO_LONG', params: { max: MAX_SEED_LENGTH, length: seed.length } };
  // A seed is copied from and into reports: invisible characters would make it impossible to retype.
  if (/^\s|\s$/u.test(seed)) return { code: 'SEED_SURROUNDING_SPACE', params: {} };
  for (let i = 0; i < seed.length; i++) {
    const code = seed.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { code: 'SEED_CONTROL_CHARACTER', params: { position: i } };
  }
  try {
    utf8Bytes(seed, 'seed');
  } catch (error) {
    if (error instanceof SeededPermutationError) return { code: error.code, params: error.params };
    throw error;
  }
  return null;
}

/**
 * A new seed from caller-supplied randomness (shared/ stays pure: the caller reads the platform's
 * cryptographic random source): 16 bytes as 32 lowercase hexadecimal digits.
 */
export function newSeed(randomBytes: Uint8Array): string {
  if (randomBytes.length !== SEED_BYTES) {
    throw new SeededPermutationError('RANDOM_BYTES_LENGTH', { expected: SEED_BYTES, actual: randomBytes.length });
  }
  return toHex(randomBytes);
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

/** F(s): the byte length as u32, then the bytes, so that no two field lists encode alike. */
function field(hasher: Sha256, bytes: Uint8Array): void {
  hasher.update(u32(bytes.length)).update(bytes);
}

/** The ids in canonical order with their UTF-8 bytes; empty ids and duplicates refused. */
function canonicalIds(ids: readonly string[]): { readonly ids: string[]; readonly bytes: Uint8Array[] } {
  const entries = ids.map((id) => {
    if (id.length === 0) throw new SeededPermutationError('ID_EMPTY', {});
    return { id, bytes: utf8Bytes(id, 'id') };
  });
  entries.sort((a, b) => compareBytes(a.bytes, b.bytes));
  for (let i = 1; i < entries.length; i++) {
    if (compareBytes(entries[i - 1]!.bytes, entries[i]!.bytes) === 0) throw new SeededPermutationError('DUPLICATE_ID', { id: entries[i]!.id });
  }
  return { ids: entries.map((e) => e.id), bytes: entries.map((e) => e.bytes) };
}

/**
 * The 32-bit word stream: block b = SHA-256(K ‖ u32(b)), 8 big-endian words a block, in order.
 * Exported for the tests and the worked example of docs/SAMPLING-RANDOM.md only.
 */
export class WordStream {
  private readonly input = new Uint8Array(36);
  private words = new Uint32Array(0);
  private next = 0;
  private block = 0;

  constructor(key: Uint8Array) {
    this.input.set(key, 0);
  }

  word(): number {
    if (this.next === this.words.length) {
      new DataView(this.input.buffer).setUint32(32, this.block++);
      const digest = new DataView(sha256(this.input).buffer);
      this.words = new Uint32Array(8).map((_, i) => digest.getUint32(i * 4));
      this.next = 0;
    }
    return this.words[this.next++]!;
  }

  /** An unbiased integer in [0, m), 2 ≤ m ≤ 2³², by rejecting the top 2³² mod m word values. */
  below(m: number): number {
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % m);
    for (;;) {
      const w = this.word();
      if (w < limit) return w % m;
    }
  }
}

function checkAlgorithm(algorithm: string): SeededPermutationAlgorithm {
  const known = SEEDED_PERMUTATION_ALGORITHMS.find((a) => a === algorithm);
  if (known === undefined) throw new SeededPermutationError('UNKNOWN_ALGORITHM', { algorithm, known: [...SEEDED_PERMUTATION_ALGORITHMS] });
  return known;
}

/**
 * The seeded permutation of the ids (docs/SAMPLING-RANDOM.md). The order of `ids` does not matter;
 * the same ids, seed, stratum and algorithm give the same permutation on every machine and version.
 * Throws SeededPermutationError for a bad seed, an empty or ill-formed id, or a duplicate.
 */
export function seededPermutation(ids: readonly string[], seed: string, options: PermutationOptions = {}): SeededPermutation {
  const algorithm = checkAlgorithm(options.algorithm ?? SEEDED_PERMUTATION_ALGORITHM);
  const problem = seedProblem(seed);
  if (problem) throw new SeededPermutationError(problem.code, problem.params);
  const stratum = options.stratum ?? '';
  const canonical = canonicalIds(ids);

  const population = new Sha256().update(u32(canonical.ids.length));
  for (const bytes of canonical.bytes) field(population, bytes);
  const populationHash = population.digest();

  const inputs = new Sha256();
  field(inputs, utf8Bytes(algorithm, 'algorithm'));
  field(inputs, utf8Bytes(seed, 'seed'));
  field(inputs, utf8Bytes(stratum, 'stratum'));
  const inputsHash = inputs.update(populationHash).digest();

  const order = canonical.ids;
  const stream = new WordStream(inputsHash);
  for (let i = 0; i + 1 < order.length; i++) {
    const j = i + stream.below(order.length - i);
    const held = order[i]!;
    order[i] = order[j]!;
    order[j] = held;
  }
  return { algorithm, seed, stratum, populationHash: toHex(populationHash), inputsHash: toHex(inputsHash), order };
}

export interface StratifiedPermutation {
  readonly algorithm: SeededPermutationAlgorithm;
  readonly seed: string;
  /** One permutation per stratum, strata in the UTF-8 order of their names. */
  readonly strata: readonly SeededPermutation[];
}

/**
 * Each stratum permuted on its own with one seed, its name mixed into the inputs (so two strata with
 * the same ids are not drawn alike). An id may belong to one stratum only.
 */
export function stratified(strata: Readonly<Record<string, readonly string[]>>, seed: string, options: Omit<PermutationOptions, 'stratum'> = {}): StratifiedPermutation {
  const algorithm = checkAlgorithm(options.algorithm ?? SEEDED_PERMUTATION_ALGORITHM);
  const problem = seedProblem(seed);
  if (problem) throw new SeededPermutationError(problem.code, problem.params);
  const names = Object.keys(strata);
  for (const name of names) {
    if (name.length === 0) throw new SeededPermutationError('STRATUM_NAME_EMPTY', {});
    utf8Bytes(name, 'stratum');
  }
  names.sort(compareUtf8);
  const stratumOf = new Map<string, string>();
  for (const name of names) {
    for (const id of strata[name]!) {
      const other = stratumOf.get(id);
      if (other !== undefined && other !== name) throw new SeededPermutationError('ID_IN_TWO_STRATA', { id, strata: [other, name] });
      stratumOf.set(id, name);
    }
  }
  return { algorithm, seed, strata: names.map((name) => seededPermutation(strata[name]!, seed, { algorithm, stratum: name })) };
}

function checkCount(value: number, available: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > available) throw new SeededPermutationError('SAMPLE_SIZE_INVALID', { k: value, available });
}

/** The random sample of size k: the first k items of the permutation. */
export function sampleOf(permutation: SeededPermutation, k: number): readonly string[] {
  checkCount(k, permutation.order.length);
  return permutation.order.slice(0, k);
}

/** The items that extend a sample of currentK by moreK: the next items of the same permutation. */
export function extend(permutation: SeededPermutation, currentK: number, moreK: number): readonly string[] {
  checkCount(currentK, permutation.order.length);
  checkCount(moreK, permutation.order.length - currentK);
  return permutation.order.slice(currentK, currentK + moreK);
}

/** A random start (systematic sampling): the first item of a permutation of the candidate starts. */
export function randomStart(permutation: SeededPermutation): string {
  const first = permutation.order[0];
  if (first === undefined) throw new SeededPermutationError('EMPTY_POPULATION', {});
  return first;
}

/** 32 raw bytes from 64 lowercase hexadecimal digits (a recorded hash); anything else is refused. */
export function hashBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/u.test(hex)) throw new SeededPermutationError('HASH_INVALID', { hash: hex });
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * K of step 3 from a population hash computed elsewhere (at import), without the ids: what the draws
 * over a million rows use. Equal to seededPermutation(ids, seed, { stratum }).inputsHash.
 */
export function inputsHashOf(seed: string, populationHash: string, options: PermutationOptions = {}): string {
  const algorithm = checkAlgorithm(options.algorithm ?? SEEDED_PERMUTATION_ALGORITHM);
  const problem = seedProblem(seed);
  if (problem) throw new SeededPermutationError(problem.code, problem.params);
  const inputs = new Sha256();
  field(inputs, utf8Bytes(algorithm, 'algorithm'));
  field(inputs, utf8Bytes(seed, 'seed'));
  field(inputs, utf8Bytes(options.stratum ?? '', 'stratum'));
  return toHex(inputs.update(hashBytes(populationHash)).digest());
}

/**
 * P of step 2, fed one id at a time in canonical order (an import streams a million ids; it never holds
 * them all). The count comes first because the hash starts with it. An id out of UTF-8 byte order or
 * repeated is refused, as is a count that does not match: the hash would describe another list.
 */
export class PopulationHasher {
  private readonly hasher = new Sha256();
  private previous: Uint8Array | null = null;
  private added = 0;

  constructor(readonly count: number) {
    if (!Number.isSafeInteger(count) || count < 0 || count > 0xffff_ffff) throw new SeededPermutationError('POPULATION_SIZE_INVALID', { count });
    this.hasher.update(u32(count));
  }

  add(id: string): this {
    if (id.length === 0) throw new SeededPermutationError('ID_EMPTY', {});
    const bytes = utf8Bytes(id, 'id');
    if (this.previous !== null) {
      const order = compareBytes(this.previous, bytes);
      if (order === 0) throw new SeededPermutationError('DUPLICATE_ID', { id });
      if (order > 0) throw new SeededPermutationError('ID_OUT_OF_ORDER', { id, position: this.added });
    }
    if (this.added === this.count) throw new SeededPermutationError('ID_COUNT_MISMATCH', { expected: this.count, actual: this.added + 1 });
    field(this.hasher, bytes);
    this.previous = bytes;
    this.added++;
    return this;
  }

  /** The population hash, lowercase hex; refused unless exactly `count` ids were added. */
  digest(): string {
    if (this.added !== this.count) throw new SeededPermutationError('ID_COUNT_MISMATCH', { expected: this.count, actual: this.added });
    return toHex(this.hasher.digest());
  }
}
