/**
 * fast-check settings: a fixed number of runs and a seed that is printed, so a failure seen in CI can
 * be replayed with PROPERTY_SEED=<seed>.
 */
export function propertyRuns(name: string, numRuns = 200): { seed: number; numRuns: number } {
  const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20261123;
  console.log(`[property] ${name}: seed=${seed} numRuns=${numRuns}`);
  return { seed, numRuns };
}
