// Registers tsx for this thread only (not through execArgv, which worker threads would inherit),
// then runs the benchmark. See run.ts.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
