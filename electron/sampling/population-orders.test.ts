import { describe, expect, it } from 'vitest';
import { PopulationHasher } from '../../shared/sampling/seeded-permutation.ts';
import { buildOrders, canonicalRowOrder, StrataCollector, stratumColumns, stratumOf } from './population-orders.ts';
import { RecordIds } from './record-ids.ts';
import { parseRecordDate } from '../../shared/sampling/record-dates.ts';

const exact = (ids: readonly string[], rowNos: Uint32Array): string => {
  const hasher = new PopulationHasher(rowNos.length);
  for (const rowNo of rowNos) hasher.add(ids[rowNo]!);
  return hasher.digest();
};

describe('population orders', () => {
  it("hashes with Node's SHA-256 exactly as aw-perm-1's PopulationHasher, whatever the ids' lengths", () => {
    const ids = ['INC0000003', 'INC0000001', 'é-accented', 'x'.repeat(70_000), 'CHG42', 'a', 'Ωmega', 'INC0000002'];
    const store = RecordIds.of(ids);
    const order = canonicalRowOrder(store);
    expect(store.hash(order)).toBe(exact(ids, order));
    expect(store.hash(order.subarray(0, 3))).toBe(exact(ids, order.subarray(0, 3)));
    expect(store.hash(new Uint32Array(0))).toBe(exact(ids, new Uint32Array(0)));
    const many = Array.from({ length: 20_000 }, (_, i) => `REQ${(i * 7919) % 20_000}`);
    const manyStore = RecordIds.of(many);
    const manyOrder = canonicalRowOrder(manyStore);
    expect(manyStore.hash(manyOrder)).toBe(exact(many, manyOrder));
  });

  it('orders ids from U+D800 up by their UTF-8 bytes, not by UTF-16 code units', () => {
    const ids = ['\uFF21', '😀', 'b', 'a'];
    const orders = buildOrders(RecordIds.of(ids), []);
    expect(orders[0]!.idsHash).toBe(exact(ids, orders[0]!.rowNos));
    expect([...orders[0]!.rowNos].map((r) => ids[r])).toEqual(['a', 'b', '\uFF21', '😀']);
  });

  it("reads a plain ISO month as the general date parser does, and leaves the rest to it", () => {
    const opened = { name: 'Opened', role: 'opened' as const, cell: 0 };
    const cells = ['2025-03-14 09:12:33', '2024-02-29', '2023-02-29 10:00:00', '2025-13-01', '2025-01-01 24:00:00', '0999-01-01', '2025-04-31', ' 2025-05-06T07:08:09 ', '2025-06-07 25:00', '14/03/2025'];
    for (const cell of cells) {
      const parsed = parseRecordDate(cell.trim(), { dayFirst: true });
      expect(stratumOf(opened, cell, true)).toBe(parsed ? parsed.iso.slice(0, 7) : '(blank)');
    }
  });

  it('collects strata codes per row past its first capacity', () => {
    const columns = stratumColumns([{ name: 'Number', role: 'id' }, { name: 'Priority', role: 'priority' }]);
    const strata = new StrataCollector(columns, null);
    for (let row = 0; row < 3000; row++) strata.add(row, [`INC${row}`, `P${row % 3}`]);
    const [priority] = strata.result();
    expect(priority!.names).toEqual(['P0', 'P1', 'P2']);
    expect(priority!.perRow.length).toBe(3000);
    expect(priority!.perRow[2999]).toBe(2);
  });
});
