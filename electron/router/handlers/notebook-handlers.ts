import type { Router } from '../router.ts';
import type { RouterDeps } from './deps.ts';

/** The session notebook's channels. */
export function registerNotebookHandlers(_router: Router, _deps: RouterDeps): void {}
