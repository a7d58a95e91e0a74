import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a TypeScript entry into one ESM script a child Node process can run (kill tests start
 * children that must not load tsx). Returns the script's path inside `dir`.
 */
export async function bundleChildScript(entry: string, dir: string): Promise<string> {
  const script = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await build({ entryPoints: [entry], outfile: script, bundle: true, platform: 'node', format: 'esm', target: 'node22', logLevel: 'warning' });
  return script;
}
