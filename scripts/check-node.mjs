// better-sqlite3 13 ships Node-API prebuilds that need Node-API 10 (Node 22.14+); on Node 20 it
// crashes instead of failing cleanly, so stop early with a message that says how to fix it.
const napi = Number(process.versions.napi ?? 0);
const [major] = process.versions.node.split('.').map(Number);
if (napi < 10 || major < 22) {
  console.error(
    `Audit Workbench needs Node 22 or newer with Node-API 10 (found Node ${process.version}, Node-API ${napi}).\n` +
      'Run the scripts through npm (npm test, npm run bench): the pinned "node" devDependency puts Node 22 first on PATH.\n' +
      'If you ran a script directly, use "npx node ..." or install Node 22.',
  );
  process.exit(1);
}
