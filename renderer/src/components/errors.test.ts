import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../contract/client.ts';
import { en } from '../i18n/en/index.ts';
import { errorMessage } from './errors.ts';

async function english() {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18next.t;
}

describe('error messages', () => {
  it('give evidence sizes in the reader’s units, not bytes', async () => {
    const t = await english();
    const message = errorMessage(t, new ContractFailure({ code: 'EVIDENCE_FILE_TOO_LARGE', params: { fileName: 'export.log', size: 700 * 1024 * 1024, limit: 512 * 1024 * 1024 } }));
    expect(message.text).toContain('“export.log” is 700.0 MB');
    expect(message.text).toContain('at most 512.0 MB');
  });

  it('say “update to the latest version” when a newer package names no version', async () => {
    const t = await english();
    expect(errorMessage(t, new ContractFailure({ code: 'MERGE_NEWER_VERSION', params: { requiredVersion: '' } })).text).toBe(en.errorDetails.newerUnknown);
    expect(errorMessage(t, new ContractFailure({ code: 'MERGE_NEWER_VERSION', params: { requiredVersion: '0.3.0' } })).text).toContain('version 0.3.0 or later');
  });
});
