// The scope in two languages: when the engagement's CB profile prints the certificate in two
// languages, the second language and the wording in it are always shown and required.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportField } from '../../../../shared/cb-profile/profile.ts';
import type { EngagementProfileView } from '../../../../shared/contract/profile-views.ts';
import type { EngagementSummaryView } from '../../../../shared/contract/views.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useEngagementForm } from '../engagement/setup/use-engagement-form.tsx';
import { ScopeWordingCard } from './ScopeWordingCard.tsx';

const main = vi.hoisted(() => ({
  invoke: (channel: string): Promise<unknown> => Promise.resolve(channel === 'engagement:fieldAuthors' ? [] : null),
}));

vi.mock('../../contract/client.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Client>()),
  invoke: main.invoke,
}));

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

const ENGAGEMENT = { id: 'e-1', sms_scope: 'Managed hosting for business customers', certificate_wording: 'Managed hosting', certificate_second_language: '', certificate_wording_second: '' };

function open(engagement: Partial<typeof ENGAGEMENT> = {}) {
  useAppStore.setState({
    current: { handle: 'h-1', file: 'kite.iso20k', readOnly: false, fileCheck: { state: 'ok' }, engagement: { ...ENGAGEMENT, ...engagement } } as unknown as EngagementSummaryView,
  });
}

beforeEach(() => useSaveStore.getState().reset());
afterEach(() => useSaveStore.getState().reset());

const profile = (...requiredReportFields: ReportField[]) =>
  ({ title: 'Northbridge Certification profile', profile: { requiredReportFields } }) as unknown as EngagementProfileView;

function Card({ profile }: { profile: EngagementProfileView | null }) {
  const form = useEngagementForm();
  return <ScopeWordingCard form={form} profile={profile} />;
}

async function renderCard(profileView: EngagementProfileView | null) {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <Card profile={profileView} />
      </I18nextProvider>
    </MantineProvider>,
  );
  for (let i = 0; i < 5; i += 1) await act(() => Promise.resolve());
}

const LANGUAGE_ERROR = 'Choose the second language: “Northbridge Certification profile” prints the certificate in two languages.';
const WORDING_ERROR = 'Give the certificate wording in the second language: “Northbridge Certification profile” prints the certificate in two languages.';

describe('ScopeWordingCard', () => {
  it('without the requirement, one language: no second wording field, no errors', async () => {
    open();
    await renderCard(profile('cnca-category-codes'));
    expect(screen.queryByLabelText('Certificate wording in the second language')).toBeNull();
    expect(screen.queryByTestId('two-languages-required')).toBeNull();
    expect(screen.queryByText(LANGUAGE_ERROR)).toBeNull();
  });

  it('when the profile requires two languages, both fields show with an error each while empty', async () => {
    open();
    await renderCard(profile('scope-in-two-languages'));
    expect(screen.getByTestId('two-languages-required').textContent).toBe('“Northbridge Certification profile” prints the certificate in two languages: give its wording in both.');
    expect(screen.getByText(LANGUAGE_ERROR)).toBeTruthy();
    expect(screen.getByText(WORDING_ERROR)).toBeTruthy();

    const wording = screen.getByLabelText('Certificate wording in the second language');
    fireEvent.change(wording, { target: { value: '为企业客户提供托管服务。' } });
    expect(screen.queryByText(WORDING_ERROR)).toBeNull();
    expect(screen.getByText(LANGUAGE_ERROR)).toBeTruthy();
    // Whitespace is no wording.
    fireEvent.change(wording, { target: { value: '  ' } });
    expect(screen.getByText(WORDING_ERROR)).toBeTruthy();
  });

  it('a second language already chosen and its wording given: no errors', async () => {
    open({ certificate_second_language: 'zh-CN', certificate_wording_second: '为企业客户提供托管服务。' });
    await renderCard(profile('scope-in-two-languages'));
    expect(screen.queryByText(LANGUAGE_ERROR)).toBeNull();
    expect(screen.queryByText(WORDING_ERROR)).toBeNull();
  });
});
