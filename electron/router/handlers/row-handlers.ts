import type { Row } from '../../store/engagement-store.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/**
 * The generic row path for the tables declared with `editing: 'rows'`. The payload was checked
 * against the table's declaration by the contract; the store checks again (and refuses a
 * read-only file or an unknown row) and keeps the change log.
 */
export function registerRowHandlers(router: Router, { service }: RouterDeps): void {
  // The contract checked these values against the table's declaration field by field.
  const row = (values: unknown): Row => values as Row;
  router.register('rows:list', ({ engagementHandle, table }) => service.call(engagementHandle, 'listRows', table));
  router.register('rows:create', ({ engagementHandle, table, values }) => service.change(engagementHandle, 'createRow', table, row(values)));
  router.register('rows:update', ({ engagementHandle, table, id, patch }) => service.change(engagementHandle, 'updateRow', table, id, row(patch)));
  router.register('rows:delete', async ({ engagementHandle, table, id }) => {
    await service.change(engagementHandle, 'deleteRow', table, id);
    return null;
  });
  router.register('rows:restore', ({ engagementHandle, table, id }) => service.change(engagementHandle, 'restoreRow', table, id));
}
