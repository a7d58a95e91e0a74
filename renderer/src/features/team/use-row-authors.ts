import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorView, RowAuthorsView } from '../../../../shared/contract/team-views.ts';
import { formatInstant } from '../../components/format.ts';
import { invoke } from '../../contract/client.ts';

/** Who added the rows of an editor and who changed their fields since, as lines people read. */
export interface RowAuthorHints {
  /** "Added by …, …" for a row someone else added; undefined for my rows. */
  added(rowId: string): string | undefined;
  /** "Last changed by …, …" for a field someone else changed since the row was added; else undefined. */
  changed(rowId: string, field: string): string | undefined;
  /** Other people's changes to a row's fields, in the order given (for a summary line per field). */
  changedFields<F extends string>(rowId: string, fields: readonly F[]): { field: F; author: AuthorView }[];
  /** I edit the field now: its hint goes, until a later load brings someone else's newer change. */
  edited(rowId: string, field: string): void;
}

const fieldKey = (rowId: string, field: string): string => `${rowId}\u0000${field}`;

/**
 * The one way the row editors show authors (sites, team, and the editors to come): every row of the
 * table in one request (`engagement:tableAuthors`) when the editor mounts, for every newly opened
 * engagement (a new handle) and again whenever `refreshKey` changes (e.g. the rows after an import).
 * Authors are secondary: a failed request shows none rather than an error.
 */
export function useRowAuthors(handle: string, entity: string, refreshKey?: unknown): RowAuthorHints {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ReadonlyMap<string, RowAuthorsView>>(new Map());
  // Fields I edited since the last load, with the change they were hiding (so a newer one still shows).
  const [mine, setMine] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    let current = true;
    invoke('engagement:tableAuthors', { engagementHandle: handle, entity }).then(
      (list) => current && setRows(new Map(list.map((row) => [row.rowId, row]))),
      () => current && setRows(new Map()),
    );
    return () => {
      current = false;
    };
  }, [handle, entity, refreshKey]);

  const othersChange = useCallback(
    (rowId: string, field: string): AuthorView | undefined => {
      const author = rows.get(rowId)?.changed.find((change) => change.field === field);
      return author && !author.byMe && mine.get(fieldKey(rowId, field)) !== author.wallTime ? author : undefined;
    },
    [rows, mine],
  );

  const line = (key: 'team.addedBy' | 'team.lastChangedBy', author: AuthorView | undefined): string | undefined =>
    author ? t(key, { name: author.actorName, time: formatInstant(author.wallTime) }) : undefined;

  return {
    added: (rowId) => {
      const added = rows.get(rowId)?.added;
      return line('team.addedBy', added && !added.byMe ? added : undefined);
    },
    changed: (rowId, field) => line('team.lastChangedBy', othersChange(rowId, field)),
    changedFields: (rowId, fields) =>
      fields.flatMap((field) => {
        const author = othersChange(rowId, field);
        return author ? [{ field, author }] : [];
      }),
    edited: (rowId, field) => {
      const author = rows.get(rowId)?.changed.find((change) => change.field === field);
      if (author && !author.byMe && mine.get(fieldKey(rowId, field)) !== author.wallTime) {
        setMine((previous) => new Map(previous).set(fieldKey(rowId, field), author.wallTime));
      }
    },
  };
}
