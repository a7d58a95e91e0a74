import { SigningService } from '../../signing/index.ts';
import type { Platform } from '../../platform/platform.ts';

const services = new WeakMap<Platform, SigningService>();

/** One signing service per host (its app-data folder and key protection), shared by the signing channels and the report's export. */
export function signingServiceOf(platform: Platform): SigningService {
  let service = services.get(platform);
  if (!service) {
    service = new SigningService(platform.appDataDir, platform.keyProtection());
    services.set(platform, service);
  }
  return service;
}
