import { Router } from '../router.ts';
import { registerAppHandlers } from './app-handlers.ts';
import type { RouterDeps } from './deps.ts';
import { registerEngagementHandlers } from './engagement-handlers.ts';
import { registerEvidenceHandlers } from './evidence-handlers.ts';
import { registerFieldworkHandlers } from './fieldwork-handlers.ts';
import { registerClosingHandlers } from './closing-handlers.ts';
import { registerFindingHandlers } from './finding-handlers.ts';
import { registerFollowUpHandlers } from './follow-up-handlers.ts';
import { registerNcDocumentHandlers } from './nc-document-handlers.ts';
import { registerJobHandlers } from './job-handlers.ts';
import { registerNextAuditHandlers } from './next-audit-handlers.ts';
import { registerNotebookHandlers } from './notebook-handlers.ts';
import { registerPackHandlers } from './pack-handlers.ts';
import { registerPlanHandlers } from './plan-handlers.ts';
import { registerProfileHandlers } from './profile-handlers.ts';
import { registerReportHandlers } from './report-handlers.ts';
import { registerRowHandlers } from './row-handlers.ts';
import { registerSamplingHandlers } from './sampling-handlers.ts';
import { registerSigningHandlers } from './signing-handlers.ts';
import { registerTeamHandlers } from './team-handlers.ts';

/**
 * The router with every channel and job kind of the contract registered, capability by capability:
 * what both hosts mount. A new capability adds its register function to this list.
 */
export function createRouter(deps: RouterDeps): Router {
  const router = new Router(deps.leases);
  registerAppHandlers(router, deps);
  registerEngagementHandlers(router, deps);
  registerRowHandlers(router, deps);
  registerJobHandlers(router, deps);
  registerTeamHandlers(router, deps);
  registerPackHandlers(router, deps);
  registerProfileHandlers(router, deps);
  registerNextAuditHandlers(router, deps);
  registerPlanHandlers(router, deps);
  registerFieldworkHandlers(router, deps);
  registerNotebookHandlers(router, deps);
  registerEvidenceHandlers(router, deps);
  registerFindingHandlers(router, deps);
  registerClosingHandlers(router, deps);
  registerFollowUpHandlers(router, deps);
  registerNcDocumentHandlers(router, deps);
  registerReportHandlers(router, deps);
  registerSigningHandlers(router, deps);
  registerSamplingHandlers(router, deps);
  const missing = [...router.unregistered(), ...router.jobs.unregistered().map((kind) => `job ${kind}`)];
  if (missing.length) throw new Error(`Channels without a handler: ${missing.join(', ')}`);
  return router;
}
