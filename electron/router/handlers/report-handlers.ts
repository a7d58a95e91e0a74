import { RequestError } from '../../../shared/contract/result.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';
import { documentServices } from './document-services.ts';

/** The audit report (issue 18): the completeness gate, the report's exports and the technical-review package. */
export function registerReportHandlers(router: Router, deps: RouterDeps): void {
  const { service } = deps;
  const { renderer } = documentServices(service);

  router.register('report:gate', () => {
    throw new RequestError('INTERNAL', 'report:gate is built in this issue');
  });
  router.register('report:prepare', () => {
    void renderer.warmUp().catch(() => undefined);
    return null;
  });
  router.register('report:templates', () => {
    throw new RequestError('INTERNAL', 'report:templates is built in this issue');
  });
  router.register('report:keepTemplate', () => {
    throw new RequestError('INTERNAL', 'report:keepTemplate is built in this issue');
  });
  router.register('report:checkTemplate', () => {
    throw new RequestError('INTERNAL', 'report:checkTemplate is built in this issue');
  });
  router.jobs.register('report:export', () => ({ jobId: '', result: Promise.reject(new RequestError('INTERNAL', 'report:export is built in this issue')) }));
  router.jobs.register('report:exportPackage', () => ({ jobId: '', result: Promise.reject(new RequestError('INTERNAL', 'report:exportPackage is built in this issue')) }));
}
