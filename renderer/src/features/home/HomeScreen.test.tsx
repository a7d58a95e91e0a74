// The home screen's demo button opens the demo in the interface language: the Chinese twin when the
// interface is in Chinese, the English demo otherwise (the pseudo-locale included).
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { PSEUDO_LOCALE } from '../../i18n/pseudo.ts';
import { HomeScreen } from './HomeScreen.tsx';

/** The main process: answers per channel, and every call recorded. */
const main = vi.hoisted(() => {
  const calls: { channel: string; input: Record<string, unknown> }[] = [];
  const answers: Record<string, unknown> = {
    'recent:list': [],
    'engagement:openDemo': { alreadyOpen: false, openElsewhere: true, summary: { handle: 'h1' } },
  };
  return {
    calls,
    invoke: (channel: string, input: Record<string, unknown>): Promise<unknown> => {
      calls.push({ channel, input });
      return channel in answers ? Promise.resolve(answers[channel]) : Promise.reject(new Error(`unexpected ${channel}`));
    },
  };
});
vi.mock('../../contract/client.ts', async (importOriginal) => ({ ...(await importOriginal<typeof Client>()), invoke: main.invoke }));

beforeEach(() => {
  main.calls.length = 0;
});

/** The home screen in an interface language (English words throughout: only the language counts here). */
async function homeIn(language: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, fallbackLng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <HomeScreen />
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('the home screen’s demo button', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['en', 'en'],
    [PSEUDO_LOCALE, 'en'],
  ])('in %s opens the demo in %s', async (interfaceLanguage, demoLanguage) => {
    await homeIn(interfaceLanguage);
    fireEvent.click(screen.getByRole('button', { name: en.home.demo }));
    await waitFor(() => expect(main.calls.filter((call) => call.channel === 'engagement:openDemo')).toEqual([{ channel: 'engagement:openDemo', input: { language: demoLanguage } }]));
  });
});
