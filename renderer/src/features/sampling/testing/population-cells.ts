import { useCallback, useEffect, useRef, useState } from 'react';
import type { PopulationRowView } from '../../../../../shared/contract/sampling-views.ts';
import { invoke } from '../../../contract/client.ts';

/** `sampling:rows` takes at most this many row numbers: a sample that size is read in one call. */
export const ROWS_AT_ONCE = 10_000;
/** A larger sample is read by blocks of this many items around the rows in view. */
const BLOCK = 1_000;

/**
 * The kept cells of a sample's records (the population's columns), read from the engagement file by
 * row number: all at once for up to 10,000 items, else by blocks of the draw order as the grid
 * scrolls to them. `need(first, last)` asks for the items in that range of the draw order.
 */
export function usePopulationCells(handle: string | null, populationId: string | null, rowNos: readonly number[], onError: (error: unknown) => void) {
  const [cells, setCells] = useState<ReadonlyMap<number, PopulationRowView>>(new Map());
  const asked = useRef(new Set<number>());
  const key = `${handle}\u0000${populationId}`;
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    asked.current = new Set();
  }

  const fetchRows = useCallback(
    (numbers: readonly number[], blockKey: number) => {
      if (!handle || !populationId || !numbers.length || asked.current.has(blockKey)) return;
      asked.current.add(blockKey);
      invoke('sampling:rows', { engagementHandle: handle, populationId, rowNos: [...numbers] }).then(
        (view) =>
          setCells((before) => {
            const next = new Map(before);
            for (const row of view.rows) next.set(row.rowNo, row);
            return next;
          }),
        (error: unknown) => {
          asked.current.delete(blockKey);
          onError(error);
        },
      );
    },
    [handle, populationId, onError],
  );

  const small = rowNos.length <= ROWS_AT_ONCE;
  useEffect(() => {
    setCells(new Map());
    asked.current = new Set();
  }, [key]);
  useEffect(() => {
    // Items added by an extension or a pick are read when they come (the cells arriving do not read again).
    if (small) fetchRows(rowNos.filter((rowNo) => !cells.has(rowNo)), -rowNos.length);
  }, [small, rowNos, fetchRows]);

  const need = useCallback(
    (first: number, last: number) => {
      if (small) return;
      for (let block = Math.floor(first / BLOCK); block * BLOCK < Math.min(last + 1, rowNos.length); block++) fetchRows(rowNos.slice(block * BLOCK, (block + 1) * BLOCK), block);
    },
    [small, rowNos, fetchRows],
  );
  return { cells, need };
}
