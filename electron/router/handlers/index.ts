import { Router } from '../router.ts';
import { registerAppHandlers } from './app-handlers.ts';
import type { RouterDeps } from './deps.ts';
import { registerEngagementHandlers } from './engagement-handlers.ts';
import { registerJobHandlers } from './job-handlers.ts';
import { registerPackHandlers } from './pack-handlers.ts';
import { registerTeamHandlers } from './team-handlers.ts';

/** The router with every channel of the contract registered: what both hosts mount. */
export function createRouter(deps: RouterDeps): Router {
  const router = new Router(deps.leases);
  registerAppHandlers(router, deps);
  registerEngagementHandlers(router, deps);
  registerJobHandlers(router, deps);
  registerTeamHandlers(router, deps);
  registerPackHandlers(router, deps);
  const missing = router.unregistered();
  if (missing.length) throw new Error(`Channels without a handler: ${missing.join(', ')}`);
  return router;
}
