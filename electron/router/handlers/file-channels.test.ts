import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBadFileCorpus, type BadFileCase } from '../../../tests/fixtures/bad-files.ts';
import { OWNER, ask, routerWithEngagement, runJob, type Outcome } from '../../../tests/helpers/router.ts';

/**
 * Every file of the bad-file corpus, and a few broken return packages, offered to every channel
 * that reads a file the user chose: each answer is a code the renderer explains, never INTERNAL
 * and never a raw SQLite or JSON message.
 */

const corpusRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-file-channels-'));
afterAll(() => fs.rmSync(corpusRoot, { recursive: true, force: true }));

/** Return packages broken the ways a USB stick or a mail gateway breaks them. */
function badPackages(): { name: string; bytes: Buffer }[] {
  const magic = Buffer.from('AW20RPK1', 'latin1');
  const plain = (json: string) => Buffer.concat([magic, Buffer.from([0]), gzipSync(Buffer.from(json, 'utf8'))]);
  const whole = plain('{"format":"aw-return-package"}');
  return [
    { name: 'control-character-in-json', bytes: plain('{"format":"aw\u0001"}') },
    { name: 'not-json', bytes: plain('<html>quarantined by the mail gateway</html>') },
    { name: 'cut-off', bytes: whole.subarray(0, whole.length - 9) },
    { name: 'gzip-garbage', bytes: Buffer.concat([magic, Buffer.from([0]), Buffer.from('not gzip at all')]) },
    { name: 'unknown-mode', bytes: Buffer.concat([magic, Buffer.from([7]), Buffer.alloc(40)]) },
    { name: 'encrypted-cut-off', bytes: Buffer.concat([magic, Buffer.from([1]), Buffer.alloc(20)]) },
  ];
}

/** Places a corpus case (with whatever lies beside it) in the workspace as `<prefix>-<case>.iso20k`. */
function place(badCase: BadFileCase, workspace: string, prefix: string): string {
  const folder = path.dirname(badCase.file);
  const base = path.basename(badCase.file);
  const name = `${prefix}-${badCase.name}.iso20k`;
  for (const entry of fs.readdirSync(folder)) {
    if (entry.startsWith(base)) fs.cpSync(path.join(folder, entry), path.join(workspace, name + entry.slice(base.length)), { recursive: true });
  }
  return name;
}

const RAW_TEXT = /SQLITE_|SqliteError|JSON at position|Unexpected token|Bad control character|readonly database|\bError:/;

function expectExplained(outcome: Outcome, what: string): void {
  expect(outcome.code, what).not.toBe('INTERNAL');
  expect(JSON.stringify(outcome.params), what).not.toMatch(RAW_TEXT);
}

describe('bad files offered to every channel that reads a file', () => {
  it('engagement:open, team:previewImport, team:import and packs:import answer each with a code the renderer explains', async () => {
    const { router, workspace, handle } = await routerWithEngagement();
    const cases = makeBadFileCorpus(fs.mkdtempSync(path.join(corpusRoot, 'corpus-')));
    const outcomes: Record<string, Record<string, string>> = {};
    for (const badCase of cases) {
      const row: Record<string, string> = {};
      for (const [channel, offer] of [
        ['engagement:open', (file: string) => ask(router, 'engagement:open', { file })],
        ['team:previewImport', (file: string) => runJob(router, { kind: 'team:previewImport', engagementHandle: handle, file })],
        ['team:import', (file: string) => runJob(router, { kind: 'team:import', engagementHandle: handle, file })],
        ['packs:import', (file: string) => ask(router, 'packs:import', { file })],
      ] as const) {
        const file = place(badCase, workspace, channel.replace(':', '-'));
        const outcome = await offer(file);
        expectExplained(outcome, `${badCase.name} → ${channel}`);
        row[channel] = outcome.code ?? 'ok';
        if (outcome.ok && channel === 'engagement:open') {
          const summaries = await router.dispatch('engagement:handles', {}, OWNER);
          for (const summary of (summaries.ok ? summaries.value : []) as { handle: string; file: string }[]) {
            if (summary.file === file) await router.dispatch('engagement:close', { engagementHandle: summary.handle }, OWNER);
          }
        }
      }
      outcomes[badCase.name] = row;
    }
    // The received-file answers that matter most, by name.
    expect(outcomes['damaged-value']).toMatchObject({ 'team:previewImport': 'MERGE_DAMAGED', 'team:import': 'MERGE_DAMAGED' });
    expect(outcomes['hot-journal']).toMatchObject({ 'engagement:open': 'HOT_JOURNAL', 'team:import': 'MERGE_NOT_CLOSED' });
    for (const name of ['foreign-journal-random', 'foreign-journal-text', 'foreign-journal-other-database']) {
      expect(outcomes[name], name).toMatchObject({ 'engagement:open': 'ok', 'team:previewImport': 'MERGE_NOT_CLOSED', 'team:import': 'MERGE_NOT_CLOSED' });
    }
    expect(outcomes['truncated-at-page']).toMatchObject({ 'team:import': 'MERGE_DAMAGED' });
    expect(outcomes['corrupt-btree-page']).toMatchObject({ 'team:import': 'MERGE_DAMAGED' });
    expect(outcomes['renamed-pdf']).toMatchObject({ 'team:import': 'MERGE_NOT_A_PACKAGE' });
    expect(outcomes['newer-needs-update']).toMatchObject({ 'team:import': 'MERGE_NEWER_VERSION' });
  });

  it('broken return packages are refused as damaged, never INTERNAL', async () => {
    const { router, workspace, handle } = await routerWithEngagement();
    for (const { name, bytes } of badPackages()) {
      fs.writeFileSync(path.join(workspace, `${name}.iso20k-return`), bytes);
      for (const kind of ['team:previewImport', 'team:import'] as const) {
        const outcome = await runJob(router, { kind, engagementHandle: handle, file: `${name}.iso20k-return` });
        expectExplained(outcome, `${name} → ${kind}`);
        expect(outcome.code, `${name} → ${kind}`).toMatch(/^MERGE_(DAMAGED|PASSPHRASE_REQUIRED)$/);
      }
    }
  });
});
