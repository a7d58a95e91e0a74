import { Alert, Autocomplete, Badge, Button, Divider, Group, MultiSelect, Pill, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/checklist/pack.ts';
import type { FindingView, FindingsView } from '../../../../shared/contract/finding-views.ts';
import { AREA_OF_CONCERN } from '../../../../shared/findings/finding-kinds.ts';
import { gradeNature, type GradingPrompt } from '../../../../shared/findings/grading-prompts.ts';
import { compareClauses } from '../../../../shared/findings/numbering-order.ts';
import { topicLabel } from '../../../../shared/plan/topic-label.ts';
import { formatDay } from '../../components/format.ts';
import { compareNames } from '../../i18n/locale.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';
import { useFindings, type FindingChildTable } from '../../state/findings.ts';
import { useSaveStore } from '../../state/save-store.ts';
import { gradeName, NATURE_COLOURS } from './finding-checks.ts';
import { GradingPrompts } from './grading-prompts-card.tsx';
import { DivergingOpinions } from './diverging-opinions.tsx';
import { StatementField } from './statement-field.tsx';
import type { FindingsContext } from './use-findings-data.ts';

const flush = () => void useSaveStore.getState().flush();
const CLAUSE = /^\d{1,2}(\.\d{1,2}){0,4}$/;

/**
 * One finding, edited beside the list: its grade (the CB profile's scale; stage 1 records areas of
 * concern), the rationale a major needs, clauses, the client's procedure, process, sites, services and
 * evidence references, the three parts of the statement with the live statement check, the auditee's
 * representative, the grading prompts and diverging opinions. Fields autosave; links are rows.
 */
export const FindingEditor = memo(function FindingEditor({
  finding,
  view,
  context,
  prompts,
  isLead,
  readOnly,
  onDelete,
}: {
  finding: FindingView;
  view: FindingsView;
  context: FindingsContext;
  prompts: readonly GradingPrompt[];
  isLead: boolean;
  readOnly: boolean;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const edit = useFindings((s) => s.edit);
  const addRow = useFindings((s) => s.addRow);
  const removeRow = useFindings((s) => s.removeRow);
  const records = useFieldworkRecords((s) => s.records);
  const [clauseDraft, setClauseDraft] = useState('');
  const [clauseError, setClauseError] = useState<string | null>(null);
  const { pack, plan } = context;
  const nature = gradeNature(finding.grade, view.grades);

  const gradeData = view.stage1
    ? [{ value: AREA_OF_CONCERN, label: t('findings.grade.areaOfConcern') }]
    : [...view.grades].sort((a, b) => a.order - b.order).map((grade) => ({ value: grade.key, label: textIn(grade.name, language, 'en') }));
  if (!finding.gradeKnown && finding.grade) gradeData.push({ value: finding.grade, label: t('findings.grade.unknown', { grade: finding.grade }) });
  const gradeDefinition = view.grades.find((grade) => grade.key === finding.grade)?.definition;

  const clauseOptions = (pack?.clauses ?? []).map((clause) => `${clause.number} ${textIn(clause.title, language, pack!.defaultLanguage)}`);
  const addClause = (typed: string) => {
    const clause = typed.trim().split(/\s/)[0] ?? '';
    if (!clause) return;
    if (!CLAUSE.test(clause)) {
      setClauseError(t('findings.editor.clauseInvalid', { clause }));
      return;
    }
    setClauseError(null);
    setClauseDraft('');
    if (finding.clauses.some((link) => link.target === clause)) return;
    void addRow('finding_clause', { finding_id: finding.id, clause });
  };
  const clauseTitle = (number: string) => {
    const found = pack?.clauses.find((clause) => clause.number === number);
    return found ? textIn(found.title, language, pack!.defaultLanguage) : null;
  };

  /** Links chosen in a multi-select: the difference becomes rows created or deleted. */
  const setLinks = (table: FindingChildTable, field: string, links: FindingView['sites'], next: string[]) => {
    for (const value of next) if (!links.some((link) => link.target === value)) void addRow(table, { finding_id: finding.id, [field]: value });
    for (const link of links) if (!next.includes(link.target)) void removeRow(table, link.id);
  };

  const processData = (pack?.processes ?? []).map((process) => ({ value: process.key, label: topicLabel('process', process.key, pack, language) }));
  if (finding.process && !processData.some((option) => option.value === finding.process)) processData.push({ value: finding.process, label: finding.process });
  const siteData = plan.sites.map((site) => ({ value: site.id, label: site.name }));
  const serviceData = plan.serviceRows.map((service) => ({ value: service.id, label: service.name }));
  const evidenceData = (records?.evidence_item ?? [])
    .map((item) => ({ value: item.id, label: item.version ? `${item.title} · ${item.version}` : item.title }))
    .sort((a, b) => compareNames(a.label, b.label));
  const people = [...new Set([...(records?.person ?? []).map((person) => person.name), ...plan.auditees.map((auditee) => auditee.name)])].filter(Boolean).sort(compareNames);
  const sources = [
    finding.answers.length ? t('findings.editor.fromAnswers', { count: finding.answers.length }) : null,
    finding.notes.length ? t('findings.editor.fromNotes', { count: finding.notes.length }) : null,
    finding.records.length ? t('findings.editor.fromRecords', { count: finding.records.length }) : null,
  ].filter(Boolean);
  const repeat = finding.repeatOf ? view.earlierNcs.find((earlier) => earlier.id === finding.repeatOf) : undefined;

  return (
    <Stack gap="md" data-testid="finding-editor" data-finding={finding.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Title order={3} ff="monospace" translate="no" data-testid="finding-editor-label">
              {finding.label}
            </Title>
            <Badge variant="light" color={finding.gradeKnown ? NATURE_COLOURS[nature] : 'gray'} tt="none" translate={finding.gradeKnown && finding.grade !== AREA_OF_CONCERN ? 'no' : undefined}>
              {finding.grade === AREA_OF_CONCERN ? t('findings.grade.areaOfConcern') : (gradeName(view.grades, finding.grade, language) ?? t('findings.grade.unknown', { grade: finding.grade }))}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" mt={2} data-testid="finding-raised">
            {t('findings.editor.raised', { name: finding.raisedByName, date: formatDay(finding.raisedOn) })}
            {sources.length ? ` · ${sources.join(' · ')}` : ''}
            {finding.finalNumber ? '' : ` · ${t('findings.editor.provisional')}`}
          </Text>
        </div>
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={onDelete} disabled={readOnly} style={{ flexShrink: 0 }} data-testid="finding-delete">
          {t('findings.editor.delete')}
        </Button>
      </Group>

      {!finding.gradeKnown ? (
        <Alert color="yellow" variant="light" p="xs" data-testid="finding-grade-unknown">
          <Text size="sm">{t('findings.grade.unknownHelp', { grade: finding.grade })}</Text>
        </Alert>
      ) : null}
      <Group grow align="flex-start">
        <Select
          label={t('findings.editor.grade')}
          description={view.stage1 ? t('findings.grade.stage1') : gradeDefinition ? <span translate="no">{textIn(gradeDefinition, language, 'en')}</span> : undefined}
          data={gradeData}
          value={finding.grade || null}
          onChange={(value) => value && (edit(finding.id, { grade: value }), flush())}
          allowDeselect={false}
          readOnly={readOnly || view.stage1}
          data-testid="finding-grade"
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
      </Group>
      {nature === 'major' || finding.gradeRationale ? (
        <Textarea
          label={t('findings.editor.rationale')}
          description={t('findings.editor.rationaleHelp')}
          value={finding.gradeRationale}
          onChange={(e) => edit(finding.id, { grade_rationale: e.currentTarget.value })}
          onBlur={flush}
          error={nature === 'major' && !finding.gradeRationale.trim() ? t('findings.editor.rationaleNeeded') : null}
          autosize
          minRows={2}
          maxLength={5000}
          readOnly={readOnly}
          translate="no"
          data-testid="finding-rationale"
        />
      ) : null}
      <GradingPrompts finding={finding} prompts={prompts} view={view} isLead={isLead} readOnly={readOnly} />
      {repeat ? (
        <Group gap="xs" data-testid="finding-repeat-of">
          <Text size="sm">{t('findings.editor.repeatOf', { number: repeat.number, clause: repeat.clause })}</Text>
          {readOnly ? null : (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => (edit(finding.id, { repeat_of: null }), flush())}>
              {t('findings.editor.unlinkRepeat')}
            </Button>
          )}
        </Group>
      ) : null}

      <Divider label={t('findings.editor.against')} labelPosition="left" />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('findings.editor.clauses')}
        </Text>
        <Group gap={6} data-testid="finding-clauses">
          {[...finding.clauses]
            .sort((a, b) => compareClauses(a.target, b.target))
            .map((link) => (
              <Pill key={link.id} size="md" withRemoveButton={!readOnly} onRemove={() => void removeRow('finding_clause', link.id)} data-testid="finding-clause" removeButtonProps={{ 'aria-label': t('findings.editor.removeClause', { clause: link.target }) }}>
                <span translate="no">
                  {link.target}
                  {clauseTitle(link.target) ? ` ${clauseTitle(link.target)}` : ''}
                </span>
              </Pill>
            ))}
          {finding.clauses.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('findings.editor.noClauses')}
            </Text>
          ) : null}
        </Group>
        {readOnly ? null : (
          <Autocomplete
            size="xs"
            placeholder={t('findings.editor.addClause')}
            aria-label={t('findings.editor.addClause')}
            data={clauseOptions}
            value={clauseDraft}
            onChange={(value) => (setClauseDraft(value), setClauseError(null))}
            onOptionSubmit={addClause}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                addClause(clauseDraft);
              }
            }}
            error={clauseError}
            limit={12}
            maw={360}
            data-testid="finding-clause-add"
          />
        )}
      </Stack>
      <Group grow align="flex-start">
        <TextInput
          label={t('findings.editor.procedure')}
          description={t('findings.editor.procedureHelp')}
          value={finding.procedure}
          onChange={(e) => edit(finding.id, { procedure: e.currentTarget.value })}
          onBlur={flush}
          maxLength={500}
          readOnly={readOnly}
          translate="no"
          data-testid="finding-procedure"
        />
        <Select
          label={t('findings.editor.process')}
          description={t('findings.editor.processHelp')}
          data={processData}
          value={finding.process || null}
          onChange={(value) => (edit(finding.id, { process: value ?? '' }), flush())}
          clearable
          searchable
          readOnly={readOnly}
          data-testid="finding-process"
        />
      </Group>
      <Group grow align="flex-start">
        <div translate="no">
<MultiSelect
          label={t('findings.editor.sites')}
          data={siteData}
          value={finding.sites.map((link) => link.target)}
          onChange={(next) => setLinks('finding_site', 'site_id', finding.sites, next)}
          readOnly={readOnly}
          placeholder={finding.sites.length ? undefined : t('findings.editor.none')}
          data-testid="finding-sites"
        />
</div>
        <div translate="no">
<MultiSelect
          label={t('findings.editor.services')}
          data={serviceData}
          value={finding.services.map((link) => link.target)}
          onChange={(next) => setLinks('finding_service', 'service_id', finding.services, next)}
          readOnly={readOnly}
          placeholder={finding.services.length ? undefined : t('findings.editor.none')}
          data-testid="finding-services"
        />
</div>
      </Group>

      <Divider label={t('findings.editor.statement')} labelPosition="left" />
      <StatementField finding={finding} grades={view.grades} part="requirement" label={t('findings.parts.requirement')} description={t('findings.parts.requirementHelp')} placeholder={t('findings.parts.requirementPlaceholder')} readOnly={readOnly} />
      <StatementField finding={finding} grades={view.grades} part="evidence" label={t('findings.parts.evidence')} description={t('findings.parts.evidenceHelp')} placeholder={t('findings.parts.evidencePlaceholder')} readOnly={readOnly} />
      <div translate="no">
<MultiSelect
        label={t('findings.editor.evidenceLinks')}
        description={evidenceData.length ? t('findings.editor.evidenceLinksHelp') : t('findings.editor.noEvidence')}
        data={evidenceData}
        value={finding.evidenceRefs.map((link) => link.target)}
        onChange={(next) => setLinks('finding_evidence', 'evidence_id', finding.evidenceRefs, next)}
        searchable
        readOnly={readOnly}
        nothingFoundMessage={t('findings.editor.noEvidenceMatch')}
        data-testid="finding-evidence-links"
      />
</div>
      <StatementField
        finding={finding}
        grades={view.grades}
        part="not_fulfilled"
        label={nature === 'good_practice' ? t('findings.parts.goodPractice') : t('findings.parts.notFulfilled')}
        description={nature === 'good_practice' ? t('findings.parts.goodPracticeHelp') : t('findings.parts.notFulfilledHelp')}
        placeholder={t('findings.parts.notFulfilledPlaceholder')}
        readOnly={readOnly}
      />
      <Autocomplete
        label={t('findings.editor.representative')}
        description={t('findings.editor.representativeHelp')}
        data={people}
        value={finding.auditeeRepresentative}
        onChange={(value) => edit(finding.id, { auditee_representative: value.slice(0, 300) })}
        onBlur={flush}
        readOnly={readOnly}
        data-testid="finding-representative"
      />

      <DivergingOpinions finding={finding} readOnly={readOnly} />
      {readOnly ? null : (
        <Text size="xs" c="dimmed">
          {t('findings.editor.autosave')}
        </Text>
      )}
    </Stack>
  );
});
