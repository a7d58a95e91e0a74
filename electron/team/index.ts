/** The team capability as other capabilities and the composition see it. */
export { teamCapability, type ImportPreview, type TeamOverview } from './team-capability.ts';
export { TeamService } from './team-service.ts';
export { PACKAGE_EXTENSION } from './package-file.ts';
