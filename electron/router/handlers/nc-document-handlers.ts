import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The NC forms and the closing meeting record (issue 17). */
export function registerNcDocumentHandlers(router: Router, deps: RouterDeps): void {
  void router;
  void deps;
}
