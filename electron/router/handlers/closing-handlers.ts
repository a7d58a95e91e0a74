import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The closing meeting, the audit conclusions, the recommendation and signatures (issue 17). */
export function registerClosingHandlers(router: Router, deps: RouterDeps): void {
  void router;
  void deps;
}
