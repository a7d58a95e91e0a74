/**
 * `npm run bench` starts this file with `node --import tsx`. Worker threads inherit the parent's
 * execArgv, so every engagement worker would load tsx too (measured: +200–500 ms per spawn), which
 * the app never does. So the benchmark runs in a child Node (the same Node 22 binary) that registers
 * tsx for its own thread only (launch.mjs): its workers start exactly as they do in the app.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const launcher = path.join(import.meta.dirname, 'launch.mjs');
const child = spawnSync(process.execPath, [launcher], { stdio: 'inherit' });
if (child.error) throw child.error;
process.exit(child.status ?? 1);
