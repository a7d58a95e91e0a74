/**
 * Child process of crash-safety.test.ts: opens one engagement through the real service (built worker
 * bundles) and edits it without pause until the parent SIGKILLs it. A line is printed only after the
 * service resolved the edit, so every printed index is an edit the app would show as Saved.
 *
 * argv: <appDataDir> <workerDir> <file> <round>
 */
import { EngagementService } from '../../electron/engagement/engagement-service.ts';
import { ACK_PREFIX, GO_LINE, READY_LINE, STARTED_LINE, plannedEdit } from './crash-plan.ts';

const [appDataDir, workerDir, file, roundText] = process.argv.slice(2);
if (!appDataDir || !workerDir || !file || !roundText) throw new Error('usage: crash-child <appDataDir> <workerDir> <file> <round>');
const round = Number(roundText);

// stdout is a pipe: on Linux, writes to pipes are synchronous, so a printed line is in the pipe
// before the next edit starts and survives the SIGKILL.
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    let received = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      received += chunk;
      if (received.split('\n').includes(GO_LINE)) resolve();
    });
    // The parent holds stdin open until it kills us: an end means the parent is gone, and a child
    // left behind must not keep editing a file forever.
    process.stdin.on('end', () => process.exit(2));
  });
}

try {
  const service = await EngagementService.start({ appDataDir, workerDir, rollingBackupIntervalMs: 0 });
  print(STARTED_LINE);
  await waitForGo();
  const { handle } = await service.openFile(file);
  print(READY_LINE);
  for (let index = 0; ; index++) {
    const edit = plannedEdit(round, index);
    if (edit.kind === 'objectives') await service.updateEngagement(handle, { objectives: edit.value });
    else await service.createRow(handle, 'site', { name: edit.name, kind: 'permanent' });
    print(`${ACK_PREFIX}${index}`);
  }
} catch (error) {
  // The parent fails the round on any exit it did not cause; say why on stderr.
  process.stderr.write(`crash-child failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
