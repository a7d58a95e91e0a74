// The services' IT-service categories: the eight known ones offered and kept by key, shown in the
// interface language; free text kept as typed; required per service when the CB profile says so.
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngagementProfileView } from '../../../../shared/contract/profile-views.ts';
import type { ReportField } from '../../../../shared/cb-profile/profile.ts';
import type * as Client from '../../contract/client.ts';
import { en } from '../../i18n/en/index.ts';
import { zhCN } from '../../i18n/zh-CN/index.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { ServicesCard } from './ServicesCard.tsx';
import type { Service } from './scope-types.ts';

/** The fake main process: authors are none, every write succeeds and is recorded. */
const main = vi.hoisted(() => {
  const writes: { channel: string; request: unknown }[] = [];
  return {
    writes,
    invoke: (channel: string, request: unknown): Promise<unknown> => {
      if (channel.endsWith('Authors')) return Promise.resolve([]);
      writes.push({ channel, request });
      return Promise.resolve(null);
    },
  };
});

vi.mock('../../contract/client.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Client>()),
  invoke: main.invoke,
}));

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});

beforeEach(async () => {
  main.writes.length = 0;
  useSaveStore.getState().reset();
  await i18n.changeLanguage('en');
});

afterEach(() => useSaveStore.getState().reset());

const service = (id: string, name: string, categories: string): Service =>
  ({ id, engagement_id: 'e-1', name, description: '', customers: '', locations: '', categories }) as unknown as Service;

const profile = (...requiredReportFields: ReportField[]) =>
  ({ title: 'Northbridge Certification profile', profile: { requiredReportFields } }) as unknown as EngagementProfileView;

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await act(() => Promise.resolve());
}

async function renderCard(services: Service[], options: { profile?: EngagementProfileView | null; readOnly?: boolean } = {}) {
  render(
    <MantineProvider env="test">
      <I18nextProvider i18n={i18n}>
        <ServicesCard handle="h-1" readOnly={options.readOnly ?? false} services={services} profile={options.profile ?? null} onChanged={() => undefined} onError={() => undefined} />
      </I18nextProvider>
    </MantineProvider>,
  );
  await settle();
}

const rows = () => screen.getAllByTestId('service-row');
const pills = (row: HTMLElement) => within(row).queryAllByTestId('category-pill').map((pill) => pill.textContent);
/** The field's input (its suggestion list is labelled by the same label). */
const categoriesField = (row: HTMLElement) => within(row).getAllByLabelText('IT service categories').find((element) => element instanceof HTMLInputElement)!;
/** Types into the field as a user would (Mantine ignores changes to an input without focus) and presses Enter. */
async function typeCategory(field: HTMLInputElement, text: string): Promise<void> {
  act(() => field.focus());
  fireEvent.change(field, { target: { value: text } });
  fireEvent.keyDown(field, { key: 'Enter' });
  await settle();
}
const savedCategories = () =>
  main.writes
    .filter((w) => w.channel === 'rows:update')
    .map((w) => (w.request as { patch: { categories?: string } }).patch.categories)
    .filter((c) => c !== undefined);

describe('ServicesCard categories', () => {
  it('shows the known categories in the interface language and free text as typed', async () => {
    await renderCard([service('s-1', 'Managed hosting', 'operation-maintenance; Cloud hosting')]);
    expect(pills(rows()[0]!)).toEqual(['Operation and maintenance of basic infrastructure, hardware and software', 'Cloud hosting']);
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(pills(rows()[0]!)).toEqual(['基础设施及软硬件运行维护', 'Cloud hosting']);
  });

  it('without the profile’s requirement, categories are optional tags: no error, no count', async () => {
    await renderCard([service('s-1', 'Managed hosting', ''), service('s-2', 'Service desk', 'Cloud hosting')], { profile: profile('unified-social-credit-code') });
    expect(screen.queryByTestId('services-missing-category')).toBeNull();
    expect(screen.queryByText(/needs this service’s IT service category/)).toBeNull();
  });

  it('when the profile requires the CNCA categories, each service without a known one says so and the header counts them', async () => {
    await renderCard(
      [service('s-1', 'Managed hosting', 'Cloud hosting'), service('s-2', 'Service desk', 'call-centre-service-desk'), service('s-3', 'Backup', '')],
      { profile: profile('cnca-category-codes') },
    );
    expect(screen.getByTestId('services-missing-category').textContent).toBe(
      '“Northbridge Certification profile” needs each service’s IT service category in its reports: 2 services have none yet.',
    );
    const error = '“Northbridge Certification profile” needs this service’s IT service category in its reports: choose one from the list.';
    expect(within(rows()[0]!).getByText(error)).toBeTruthy();
    expect(within(rows()[1]!).queryByText(error)).toBeNull();
    expect(within(rows()[2]!).getByText(error)).toBeTruthy();
  });

  it('a category picked from the suggestions is stored by key at once and clears the error', async () => {
    await renderCard([service('s-1', 'Managed hosting', 'Cloud hosting')], { profile: profile('cnca-category-codes') });
    const field = categoriesField(rows()[0]!);
    act(() => field.focus());
    fireEvent.click(field);
    await settle();
    fireEvent.click(screen.getByRole('option', { name: 'Data processing' }));
    await settle();
    expect(savedCategories()).toEqual(['Cloud hosting; data-processing']);
    expect(pills(rows()[0]!)).toEqual(['Cloud hosting', 'Data processing']);
    expect(screen.queryByTestId('services-missing-category')).toBeNull();
    expect(screen.queryByText(/needs this service’s IT service category/)).toBeNull();
  });

  it('a known category’s name typed in full is stored by key; other text as typed; a pill removed is saved', async () => {
    await renderCard([service('s-1', 'Managed hosting', '')]);
    const field = categoriesField(rows()[0]!);
    await typeCategory(field, 'software design and  development');
    await typeCategory(field, 'Hosting, private cloud');
    expect(savedCategories()).toEqual(['software-development', 'software-development; Hosting, private cloud']);
    expect(pills(rows()[0]!)).toEqual(['Software design and development', 'Hosting, private cloud']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Software design and development”' }));
    await settle();
    expect(savedCategories().at(-1)).toBe('Hosting, private cloud');
  });

  it('keeps categories too long for the column on screen with the problem, unsaved', async () => {
    await renderCard([service('s-1', 'Managed hosting', 'data-processing')]);
    const field = categoriesField(rows()[0]!);
    await typeCategory(field, 'x'.repeat(490));
    expect(savedCategories()).toEqual([]);
    expect(within(rows()[0]!).getByText('Too long to keep: at most 500 characters in all.')).toBeTruthy();
    expect(pills(rows()[0]!)).toHaveLength(2);
  });
});
