import { Grid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/plan-input.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAppStore } from '../../state/app-store.ts';
import { useEngagementProfile } from '../engagement/setup/use-engagement-profile.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { SigningCard } from '../signing/SigningCard.tsx';
import { ReportExportCard, type ReportSettings } from './ReportExportCard.tsx';
import { ReportGateCard } from './ReportGateCard.tsx';
import { ReportRegister } from './ReportRegister.tsx';
import { ReviewPackageCard } from './ReviewPackageCard.tsx';
import { useReportGate } from './use-report-gate.ts';

/**
 * Report (Alt+R): the completeness check against ISO/IEC 17021-1 9.4.8 with a "Fix" link per item,
 * the export (a draft at any time, the final report as the next revision once the check passes), the
 * technical-review package, and the register of everything issued. The check runs each time the
 * screen is shown, so coming back after a fix shows it gone.
 */
export function ReportSection() {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.current)!;
  const handle = current.handle;
  const client = current.engagement?.client_name ?? '';
  const profile = useEngagementProfile(handle);
  const chooser = useFileChooser();
  const { gate, error, setError, checking, reload } = useReportGate(handle);
  const reportLanguages = (profile?.profile.reportLanguages ?? []).filter((tag): tag is DocumentLanguage => (DOCUMENT_LANGUAGES as readonly string[]).includes(tag));
  const [settings, setSettings] = useState<ReportSettings>({ language: i18n.language.startsWith('zh') ? 'zh-Hans' : 'en', photos: true });

  // The report's language follows the CB's first report language once, when the profile arrives.
  const defaulted = useRef(false);
  useEffect(() => {
    if (profile && !defaulted.current && reportLanguages[0]) {
      defaulted.current = true;
      setSettings((before) => ({ ...before, language: reportLanguages[0]! }));
    }
  }, [profile]);

  return (
    <Stack gap="md" maw={1280} data-testid="report-section">
      <div>
        <Title order={2}>{t('report.title')}</Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('report.intro')}
        </Text>
      </div>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      <ReportGateCard gate={gate} checking={checking} onRecheck={() => void reload()} />
      {/* Issue 19: the certificate the issued report is signed with, above the export that signs. */}
      <SigningCard organisation={current.engagement?.certification_body ?? ''} chooser={chooser} />
      {gate ? (
        <>
          <Grid gap="md" align="stretch">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ReportExportCard
                handle={handle}
                client={client}
                readOnly={current.readOnly}
                gate={gate}
                settings={settings}
                onSettings={setSettings}
                reportLanguages={reportLanguages}
                chooser={chooser}
                onExported={reload}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <ReviewPackageCard handle={handle} client={client} readOnly={current.readOnly} gate={gate} settings={settings} chooser={chooser} onExported={reload} />
            </Grid.Col>
          </Grid>
          <ReportRegister revisions={gate.revisions} />
        </>
      ) : null}
      {chooser.picker}
    </Stack>
  );
}
