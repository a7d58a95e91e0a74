/** The parts of a service and of an other party the 8.2.3 rule reads. */
export interface ServiceRef {
  readonly id: string;
}
export interface OperatedBy {
  readonly operates_element: string;
  readonly service_id: string | null;
}

/**
 * ISO/IEC 20000-1 8.2.3: other parties may operate services, service components or processes, but
 * not every service in scope — the organization must still be able to show conformity. True when
 * there is at least one service and each has an other party recorded as operating that whole
 * service (a party operating a component or a process of it does not count).
 */
export function allServicesOperatedByOthers(services: readonly ServiceRef[], parties: readonly OperatedBy[]): boolean {
  if (services.length === 0) return false;
  const operated = new Set(parties.filter((party) => party.operates_element === 'service' && party.service_id !== null).map((party) => party.service_id));
  return services.every((service) => operated.has(service.id));
}
