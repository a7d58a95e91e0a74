import { RequestError } from '../../../shared/contract/result.ts';
import { SIGNING_CHANNELS } from '../../../shared/contract/signing-channels.ts';
import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** Signed reports (issue 19). Being wired: every channel answers NOT_SUPPORTED until the signing service lands in this file. */
export function registerSigningHandlers(router: Router, _deps: RouterDeps): void {
  for (const name of Object.keys(SIGNING_CHANNELS) as (keyof typeof SIGNING_CHANNELS)[]) {
    router.register(name, () => {
      throw new RequestError('NOT_SUPPORTED', `${name} is not wired yet`);
    });
  }
}
