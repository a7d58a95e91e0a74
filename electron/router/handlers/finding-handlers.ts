import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Findings: raised, linked, checked, graded and numbered (issue 17). */
export function registerFindingHandlers(router: Router, deps: RouterDeps): void {
  void router;
  void deps;
}
