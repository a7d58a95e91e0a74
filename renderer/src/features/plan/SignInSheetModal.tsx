import { safeFileName } from '../../components/format.ts';
import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentExportView, PlanExportView } from '../../../../shared/contract/plan-views.ts';
import { DOCUMENT_LANGUAGES, LANGUAGE_NAMES, type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { expectedAttendees } from '../../../../shared/plan/sign-in-sheet-input.ts';
import type { DocumentFormat } from '../../../../shared/tables/document-tables.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import type { PlanSession } from './plan-types.ts';
import type { AsRan } from './use-as-ran.ts';
import type { Plan } from './use-plan.ts';
import { ExportDone, ExportHistory } from './ExportOutcome.tsx';

const KIND = 'sign-in-sheet';

/**
 * The sign-in sheet (签到表) of an opening or closing meeting: who it pre-prints (the attendance, or
 * the plan's team and auditees), PDF or Word, in the CB's report language by default; each export
 * is recorded with its SHA-256, and the browser host offers a single-use download link.
 */
export function SignInSheetModal({ plan, asRan, session, onClose }: { plan: Plan; asRan: AsRan; session: PlanSession | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { handle, engagement } = plan;
  const profile = useEngagementProfile(handle);
  const chooser = useFileChooser();
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const [language, setLanguage] = useState<DocumentLanguage>('en');
  const [history, setHistory] = useState<DocumentExportView[]>([]);
  const [result, setResult] = useState<PlanExportView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opened = session !== null;

  const defaulted = useRef(false);
  useEffect(() => {
    if (!opened) {
      defaulted.current = false;
      return;
    }
    if (profile && !defaulted.current) {
      defaulted.current = true;
      const reportLanguages = profile.profile.reportLanguages.filter((tag): tag is DocumentLanguage => (DOCUMENT_LANGUAGES as readonly string[]).includes(tag));
      setLanguage(reportLanguages[0] ?? (i18n.language.startsWith('zh') ? 'zh-Hans' : 'en'));
    }
  }, [opened, profile]);
  useEffect(() => {
    if (!opened) return;
    setResult(null);
    setError(null);
    invoke('documents:exports', { engagementHandle: handle }).then((rows) => setHistory(rows.filter((row) => row.kind === KIND)), setError);
    void invoke('plan:prepareExport', { engagementHandle: handle }).catch(() => undefined);
  }, [opened, handle]);

  if (!session) return null;
  const title = session.title || t(`plan.kind.${session.kind}`);
  const fromAttendance = asRan.attendance.some((row) => row.session_id === session.id && row.presence !== 'absent');
  const expected = expectedAttendees({ engagement, team: plan.team, rows: plan.rows, attendance: asRan.attendance, profile: profile?.profile ?? null }, session.id, language);
  const names = expected.map((person) => person.name).join(t('common.listSeparator'));

  async function exportSheet() {
    const suggested = safeFileName(t('plan.signIn.suggestedName', { client: engagement.client_name, meeting: title, day: session!.day }));
    const file = await chooser.choose({ mode: 'save', kind: format === 'pdf' ? 'pdf' : 'word', suggestedName: suggested, title: t('plan.signIn.title', { title }) });
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      // Attendance typed a moment ago is in the sheet: pending edits are written first.
      await useSaveStore.getState().flush();
      setResult(await invoke('plan:exportSignInSheet', { engagementHandle: handle, sessionId: session!.id, format, language, file }));
      setHistory((await invoke('documents:exports', { engagementHandle: handle })).filter((row) => row.kind === KIND));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('plan.signIn.title', { title })} size="lg" data-testid="sign-in-modal">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('plan.signIn.intro')}
        </Text>
        <Text size="sm" data-testid="sign-in-expected" translate="no">
          {expected.length === 0 ? t('plan.signIn.nobody') : t(fromAttendance ? 'plan.signIn.fromAttendance' : 'plan.signIn.fromPlan', { count: expected.length, names })}
        </Text>
        <Radio.Group label={t('plan.export.format')} value={format} onChange={(value) => (setFormat(value as DocumentFormat), setResult(null))}>
          <Group mt={6}>
            <Radio value="pdf" label={t('plan.signIn.pdf')} />
            <Radio value="docx" label={t('plan.signIn.docx')} />
          </Group>
        </Radio.Group>
        <Select
          label={t('plan.export.language')}
          data={DOCUMENT_LANGUAGES.map((tag) => ({ value: tag, label: LANGUAGE_NAMES[tag] }))}
          value={language}
          onChange={(value) => value && setLanguage(value as DocumentLanguage)}
          allowDeselect={false}
          data-testid="sign-in-language"
        />
        {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
        {result ? <ExportDone result={result} testId="sign-in" /> : null}
        <ExportHistory title={t('plan.signIn.history')} history={history} testId="sign-in" show="file" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button leftSection={<IconPrinter size={16} />} onClick={() => void exportSheet()} loading={busy} disabled={plan.readOnly} data-testid="sign-in-submit">
            {t('plan.export.submit')}
          </Button>
        </Group>
      </Stack>
      {chooser.picker}
    </Modal>
  );
}
