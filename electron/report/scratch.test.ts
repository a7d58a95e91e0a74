import path from 'node:path';
import { it } from 'vitest';
import { makeReportReady } from '../../tests/helpers/report-ready.ts';
import { startTestService } from '../../tests/helpers/services.ts';
import { tempDir } from '../../tests/helpers/temp.ts';
import { createDemoEngagement } from '../engagement/demo-engagement.ts';

it('scratch', { timeout: 120_000 }, async () => {
  const service = await startTestService(['Helen Marsh', 'HM']);
  const { handle } = await createDemoEngagement(service, path.join(tempDir(), 'demo.iso20k'));
  const t0 = performance.now();
  const gate = await service.call(handle, 'reportGate');
  console.log('gate ms', performance.now() - t0);
  console.log(JSON.stringify(gate.items.map((i) => [i.code, i.params]), null, 0));
  console.log(JSON.stringify(gate.photos));
  const left = await makeReportReady(service, handle);
  console.log('left', JSON.stringify(left.map((i) => [i.code, i.params])));
});
