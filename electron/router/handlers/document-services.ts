import { DocumentRenderer } from '../../documents/index.ts';
import type { EngagementService } from '../../engagement/engagement-service.ts';
import { TemplateService } from '../../templates/index.ts';

export interface DocumentServices {
  readonly renderer: DocumentRenderer;
  readonly templates: TemplateService;
}

const perHost = new WeakMap<EngagementService, DocumentServices>();

/**
 * One document renderer and one template service per host, shared by every capability that exports
 * documents (the plan, the NC forms and the meeting record …): each keeps a worker that starts at the
 * first export and stops when idle, so a second instance would be a second PDF engine in memory.
 */
export function documentServices(service: EngagementService): DocumentServices {
  let services = perHost.get(service);
  if (!services) {
    services = { renderer: new DocumentRenderer({ workerDir: service.workerDir }), templates: new TemplateService({ workerDir: service.workerDir }) };
    perHost.set(service, services);
  }
  return services;
}
