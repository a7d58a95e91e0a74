/**
 * How a stratified sample's size is shared among the strata (docs/SAMPLING-RANDOM.md "Stratified").
 *
 * Largest remainder (Hamilton): each stratum first gets floor(total × wₕ / W); the units left go one
 * each to the strata with the largest remainders (total × wₕ mod W, compared exactly in integers), ties
 * broken by the strata's names in UTF-8 byte order. A stratum never gets more than its weight when the
 * weights are what it still holds, which is how every rule below uses it.
 *
 * - Allocation of a new sample (minimumPerStratum m, 0 for plainly proportional): each stratum first
 *   gets min(m, Nₕ); the rest is shared by largest remainder in proportion to what each stratum still
 *   holds (Nₕ − that minimum). With m = 0 this is proportional allocation to Nₕ.
 * - Allocation of an extension by `more`: shared by largest remainder in proportion to what each
 *   stratum still holds (Nₕ − already drawn), so earlier items stay and no stratum runs out.
 */
import { compareUtf8, SeededPermutationError } from './seeded-permutation.ts';

export interface StratumCapacity {
  readonly name: string;
  /** Records in the stratum. */
  readonly size: number;
  /** Items already drawn from it (extensions); 0 for a new sample. */
  readonly drawn?: number;
}

/** `total` shared in proportion to `weights` (integers ≥ 0); `names` break ties. Σ result = total. */
export function largestRemainder(total: number, weights: readonly number[], names: readonly string[]): number[] {
  const W = weights.reduce((sum, w) => sum + w, 0);
  if (total > W) throw new SeededPermutationError('SAMPLE_SIZE_INVALID', { k: total, available: W });
  if (W === 0) return weights.map(() => 0);
  // total × w ≤ 2⁵³ for populations up to ~9 × 10⁷ records per side: exact integers, and floor(a / b) is
  // exact for a, b below 2⁵³.
  const shares = weights.map((w) => Math.floor((total * w) / W));
  const remainders = weights.map((w, i) => total * w - shares[i]! * W);
  let left = total - shares.reduce((sum, s) => sum + s, 0);
  const order = weights.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || compareUtf8(names[a]!, names[b]!));
  for (const i of order) {
    if (left === 0) break;
    shares[i]!++;
    left--;
  }
  return shares;
}

/** The counts of a new stratified sample of `total`, in the order of `strata`. */
export function allocateStratified(strata: readonly StratumCapacity[], total: number, minimumPerStratum = 0): number[] {
  if (!Number.isSafeInteger(minimumPerStratum) || minimumPerStratum < 0) throw new SeededPermutationError('SAMPLE_SIZE_INVALID', { minimumPerStratum });
  const minimums = strata.map((s) => Math.min(minimumPerStratum, s.size));
  const floor = minimums.reduce((sum, m) => sum + m, 0);
  if (floor > total) throw new SeededPermutationError('MINIMUM_EXCEEDS_SIZE', { k: total, minimumPerStratum, required: floor });
  const rest = largestRemainder(
    total - floor,
    strata.map((s, i) => s.size - minimums[i]!),
    strata.map((s) => s.name),
  );
  return rest.map((r, i) => r + minimums[i]!);
}

/** The counts that extend a stratified sample by `more`, in the order of `strata` (each with `drawn`). */
export function allocateExtension(strata: readonly StratumCapacity[], more: number): number[] {
  return largestRemainder(
    more,
    strata.map((s) => s.size - (s.drawn ?? 0)),
    strata.map((s) => s.name),
  );
}
