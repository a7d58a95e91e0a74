// `npm test`: the unit/integration suite (vitest) and the end-to-end suite (Playwright), both always
// run so that the summary line counts everything; exits non-zero if either failed.
import { spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const vitest = run('npx', ['vitest', 'run']);
const playwright = run('npx', ['playwright', 'test']);
process.exit(vitest !== 0 || playwright !== 0 ? 1 : 0);
