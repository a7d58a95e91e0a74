import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Corrective actions through to closure and earlier nonconformities (issue 17). */
export function registerFollowUpHandlers(router: Router, deps: RouterDeps): void {
  void router;
  void deps;
}
