import { Alert, Badge, Button, Card, Code, Group, Input, List, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../../../shared/engagement.ts';
import { MD1_ELIGIBILITY_QUESTIONS } from '../../../../../shared/sampling/md1-sample.ts';
import { newSeed, SEED_BYTES } from '../../../../../shared/sampling/seeded-permutation.ts';
import type { EARLIER_AUDIT_TABLE } from '../../../../../shared/tables/preparation-tables.ts';
import type { RowOf } from '../../../../../shared/tables/table.ts';
import { formatNumber } from '../../../components/format.ts';
import { invoke } from '../../../contract/client.ts';
import { useSaveStore } from '../../../state/save-store.ts';
import { drawSample, earlierVisits, sampleState } from './site-sample.ts';
import type { EngagementForm } from './use-engagement-form.tsx';

const ANSWER_FIELDS = { one_management_system: 'md1_one_system', central_control: 'md1_central_control', internal_audits_all_sites: 'md1_internal_audits' } as const;
type Answer = 'open' | 'yes' | 'no';
const answerOf = (value: number | null): Answer => (value === 1 ? 'yes' : value === 0 ? 'no' : 'open');
const valueOf = (answer: Answer): number | null => (answer === 'yes' ? 1 : answer === 'no' ? 0 : null);

/**
 * The IAF MD 1 site sample: eligibility, the size the audit type asks for, the random part drawn
 * with a recorded seed (so anyone can redraw it from the report), the sites the auditor adds with a
 * reason, and rotation against the sites earlier audits of the cycle visited.
 */
export function SiteSampleCard({ form, handle, sitesVersion }: { form: EngagementForm; handle: string; sitesVersion: number }) {
  const { t } = useTranslation();
  const { values: engagement, choose, readOnly } = form;
  const queueRow = useSaveStore((s) => s.queueRow);
  const flush = useSaveStore((s) => s.flush);
  const [sites, setSites] = useState<Site[]>([]);
  const [earlier, setEarlier] = useState<RowOf<typeof EARLIER_AUDIT_TABLE>[]>([]);
  const [typedSeed, setTypedSeed] = useState('');

  const load = useCallback(() => {
    void Promise.all([invoke('engagement:roster', { engagementHandle: handle }), invoke('rows:list', { engagementHandle: handle, table: 'earlier_audit' })]).then(
      ([roster, audits]) => {
        setSites(roster.sites);
        setEarlier(audits as unknown as RowOf<typeof EARLIER_AUDIT_TABLE>[]);
      },
      () => undefined,
    );
  }, [handle]);
  // Reloaded when the sites editor changes the list, a kind or the scope — not on every save, which
  // would overwrite a reason still being typed.
  useEffect(load, [load, sitesVersion]);

  const visits = useMemo(
    () => earlierVisits(earlier, sites, (audit) => t(`auditType.${audit.audit_type}`, { defaultValue: audit.audit_type })),
    [earlier, sites, t],
  );
  // Recomputed (a SHA-256 over the population) when the answers, the draw or the sites change, not on every keystroke elsewhere.
  const { audit_type, md1_one_system, md1_central_control, md1_internal_audits, md1_sampling_appropriate, md1_proved_effective, md1_seed, md1_inputs_hash } = engagement;
  const state = useMemo(
    () =>
      sampleState(
        { audit_type, md1_one_system, md1_central_control, md1_internal_audits, md1_sampling_appropriate, md1_proved_effective, md1_seed, md1_inputs_hash },
        sites,
        visits,
      ),
    [audit_type, md1_one_system, md1_central_control, md1_internal_audits, md1_sampling_appropriate, md1_proved_effective, md1_seed, md1_inputs_hash, sites, visits],
  );
  const name = (id: string): string => sites.find((s) => s.id === id)?.name ?? id;

  const setPlace = (site: Site, basis: Site['sample_basis'], reason = site.sample_reason) => {
    setSites((list) => list.map((s) => (s.id === site.id ? { ...s, sample_basis: basis, sample_reason: reason } : s)));
    queueRow(handle, 'site', site.id, { sample_basis: basis, sample_reason: reason });
  };

  function draw() {
    if (!state.size.determined) return;
    const seed = typedSeed.trim() || newSeed(crypto.getRandomValues(new Uint8Array(SEED_BYTES)));
    const { places, inputsHash } = drawSample(sites, seed, state.size.randomMin);
    for (const [id, basis] of places) {
      const site = sites.find((s) => s.id === id)!;
      setPlace(site, basis, basis === 'chosen' ? site.sample_reason : '');
    }
    choose('md1_seed', seed);
    choose('md1_inputs_hash', inputsHash);
    setTypedSeed('');
    void flush();
  }

  const size = state.size;
  const inScope = sites.filter((site) => site.in_scope === 1);
  const word = (code: string, params: Record<string, unknown>) =>
    t(`sample.issue.${code}` as 'sample.issue.SAMPLE_TOO_SMALL', {
      ...params,
      site: typeof params.siteId === 'string' ? name(params.siteId) : '',
      questions: Array.isArray(params.questions) ? params.questions.map((q) => t(`sample.question.${q as 'central_control'}`)).join(t('common.groupSeparator')) : '',
      audits: Array.isArray(params.audits) ? params.audits.join(t('common.listSeparator')) : '',
      defaultValue: code,
    });

  return (
    <Card withBorder padding="lg" data-testid="site-sample">
      <Title order={5}>{t('sample.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sample.intro')}
      </Text>
      <Stack>
        <Stack gap="xs">
          {MD1_ELIGIBILITY_QUESTIONS.map((question) => (
            <Group key={question} justify="space-between" wrap="nowrap">
              <Text size="sm">{t(`sample.question.${question}`)}</Text>
              <SegmentedControl
                size="xs"
                aria-label={t(`sample.question.${question}`)}
                value={answerOf(engagement[ANSWER_FIELDS[question]])}
                onChange={(value) => choose(ANSWER_FIELDS[question], valueOf(value as Answer))}
                readOnly={readOnly}
                data={(['open', 'yes', 'no'] as const).map((value) => ({ value, label: t(`sample.answer.${value}`) }))}
              />
            </Group>
          ))}
          <Switch
            label={t('sample.appropriate')}
            description={t('sample.appropriateHint')}
            checked={engagement.md1_sampling_appropriate === 1}
            onChange={(e) => choose('md1_sampling_appropriate', e.currentTarget.checked ? 1 : 0)}
            readOnly={readOnly}
          />
          {engagement.audit_type === 'recertification' ? (
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{t('sample.provedEffective')}</Text>
              <SegmentedControl
                size="xs"
                aria-label={t('sample.provedEffective')}
                value={answerOf(engagement.md1_proved_effective)}
                onChange={(value) => choose('md1_proved_effective', valueOf(value as Answer))}
                readOnly={readOnly}
                data={(['open', 'yes', 'no'] as const).map((value) => ({ value, label: t(`sample.answer.${value}`) }))}
              />
            </Group>
          ) : null}
        </Stack>

        {size.determined ? (
          <Alert variant="light" color="indigo" data-testid="sample-size">
            <Text size="sm" fw={600}>
              {t(`sample.method.${size.method}`, { size: size.size, x: size.x, randomMin: size.randomMin })}
            </Text>
            {size.formula && size.exact !== null ? (
              <Text size="sm">
                {t('sample.formula', { formula: size.formula, x: size.x, exact: formatNumber(Math.round(size.exact * 100) / 100), size: size.size })}
              </Text>
            ) : null}
          </Alert>
        ) : null}

        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('sample.seed')}
            description={engagement.md1_seed ? t('sample.seedRecorded') : t('sample.seedHint')}
            placeholder={engagement.md1_seed || t('sample.seedPlaceholder')}
            value={typedSeed}
            onChange={(e) => setTypedSeed(e.currentTarget.value)}
            readOnly={readOnly}
            w={360}
          />
          <Button leftSection={<IconArrowsShuffle size={16} />} onClick={draw} disabled={readOnly || !size.determined || inScope.length === 0} variant={engagement.md1_seed ? 'default' : 'filled'}>
            {engagement.md1_seed ? t('sample.drawAgain') : t('sample.draw')}
          </Button>
        </Group>
        {engagement.md1_seed ? (
          <Text size="xs" c="dimmed" data-testid="sample-seed">
            {t('sample.drawnWith')} <Code translate="no">{engagement.md1_seed}</Code> · aw-perm-1 · <Code translate="no">{engagement.md1_inputs_hash.slice(0, 16)}…</Code>
          </Text>
        ) : null}

        {inScope.length ? (
          <Table verticalSpacing={6} aria-label={t('sample.sitesTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sites.name')}</Table.Th>
                <Table.Th w={200}>{t('sample.place')}</Table.Th>
                <Table.Th>{t('sample.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inScope.map((site) => {
                const visited = visits.filter((v) => v.siteIds.includes(site.id)).map((v) => v.audit);
                return (
                  <Table.Tr key={site.id} data-testid="sample-row">
                    <Table.Td>
                      <Text size="sm" fw={500} translate="no">
                        {site.name}
                      </Text>
                      {visited.length ? (
                        <Badge size="xs" variant="light" color="gray">
                          {t('sample.visitedIn', { audits: visited.join(t('common.listSeparator')) })}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {site.sample_basis === 'central' || site.sample_basis === 'random' || site.kind === 'central' ? (
                        <Badge variant="light" color={site.sample_basis === 'random' ? 'indigo' : 'teal'}>
                          {t(`sample.basis.${site.kind === 'central' ? 'central' : site.sample_basis}`)}
                        </Badge>
                      ) : (
                        <Select
                          size="xs"
                          aria-label={t('sample.placeFor', { name: site.name })}
                          data={(['none', 'chosen'] as const).map((value) => ({ value, label: t(`sample.basis.${value}`) }))}
                          value={site.sample_basis === 'chosen' ? 'chosen' : 'none'}
                          onChange={(value) => value && (setPlace(site, value as Site['sample_basis']), void flush())}
                          allowDeselect={false}
                          readOnly={readOnly}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {site.sample_basis === 'chosen' ? (
                        <TextInput
                          size="xs"
                          aria-label={t('sample.reasonFor', { name: site.name })}
                          placeholder={t('sample.reasonPlaceholder')}
                          value={site.sample_reason}
                          onChange={(e) => setPlace(site, 'chosen', e.currentTarget.value)}
                          onBlur={() => void flush()}
                          readOnly={readOnly}
                        />
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sample.noSites')}
          </Text>
        )}

        {state.issues.length ? (
          <Input.Wrapper label={t('sample.checks')}>
            <List size="sm" spacing={4} mt={4} data-testid="sample-issues">
              {state.issues.map((issue, index) => (
                <List.Item key={index}>
                  <Text size="sm" c={issue.severity === 'error' ? 'red.8' : issue.severity === 'warning' ? 'orange.8' : 'dimmed'}>
                    {word(issue.code, issue.params as Record<string, unknown>)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Input.Wrapper>
        ) : state.check?.valid ? (
          <Text size="sm" c="teal.8" data-testid="sample-valid">
            {t('sample.valid')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
