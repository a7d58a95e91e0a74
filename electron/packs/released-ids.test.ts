import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { shippedPacks } from './shipped-packs.ts';

/**
 * Answers, sample results and findings are keyed by clause, question, sampling and attribute ids, so
 * an id once released must stay in every later version of the pack (new ids may be added). The
 * lists of released ids live in tests/fixtures/released-pack-ids/<pack id>@<version>.txt; when a
 * new pack version ships, add its list beside the others.
 */
const RELEASED = path.resolve(import.meta.dirname, '../../tests/fixtures/released-pack-ids');

function idsOf(pack: ReturnType<typeof shippedPacks>[number]): Set<string> {
  const ids = new Set<string>();
  for (const clause of pack.clauses) {
    ids.add(`clause ${clause.id}`);
    for (const question of clause.questions ?? []) ids.add(`question ${question.id}`);
    for (const plan of clause.sampling ?? []) {
      ids.add(`sampling ${plan.id}`);
      for (const attribute of plan.attributes) ids.add(`attribute ${attribute.id}`);
    }
  }
  return ids;
}

it.each(shippedPacks().map((pack) => [pack.id, pack] as const))('every released id of %s is still in the shipped pack', (id, pack) => {
  const lists = fs.readdirSync(RELEASED).filter((name) => name.startsWith(`${id}@`));
  expect(lists.length, `no released-id list for ${id}`).toBeGreaterThan(0);
  const current = idsOf(pack);
  for (const list of lists) {
    const released = fs.readFileSync(path.join(RELEASED, list), 'utf8').split('\n').filter(Boolean);
    expect(released.filter((line) => !current.has(line)), `${list}: ids dropped or renamed`).toEqual([]);
  }
  expect(fs.existsSync(path.join(RELEASED, `${id}@${pack.version}.txt`)), `add the list for ${pack.version}`).toBe(true);
});
