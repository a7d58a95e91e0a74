import { Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBook2, IconFileText, IconHash, IconUser } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import { parseEntry, type NotebookMark } from '../../../../shared/fieldwork/notebook-marks.ts';
import { STRUCTURE_LIMITS } from '../../../../shared/fieldwork/notebook-structure.ts';

const COLORS = { person: 'teal', record: 'blue', document: 'grape', clause: 'indigo' } as const;
const ICONS = { person: IconUser, record: IconHash, document: IconFileText, clause: IconBook2 } as const;

function chipStyle(color: string, warn: boolean): CSSProperties {
  return {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 3,
    padding: '0 6px',
    margin: '0 1px',
    borderRadius: 10,
    fontSize: '0.92em',
    lineHeight: 1.55,
    verticalAlign: 'baseline',
    background: warn ? 'var(--mantine-color-orange-0)' : `var(--mantine-color-${color}-0)`,
    color: warn ? 'var(--mantine-color-orange-9)' : `var(--mantine-color-${color}-9)`,
    border: `1px solid ${warn ? 'var(--mantine-color-orange-4)' : `var(--mantine-color-${color}-2)`}`,
    whiteSpace: 'nowrap',
  };
}

/**
 * A notebook entry as text with its marks as chips: a person (with the role written), a record seen,
 * an evidence reference, a clause (its title on hover). A record that could not be filed (the entry
 * has no topic) or a mark too long for its table says so. Text between marks is shown as typed.
 */
export function EntryBody({ body, recordTopic, pack }: { body: string; recordTopic: string | null; pack: ChecklistPack | null }) {
  const { t, i18n } = useTranslation();
  const chip = (mark: NotebookMark): ReactNode => {
    const Icon = ICONS[mark.kind];
    let label: ReactNode;
    let hint: string;
    let warn = false;
    switch (mark.kind) {
      case 'person': {
        // The comma as typed: "Jane Smith, Change manager", "王海伦，变更经理".
        const comma = /[,，]/u.exec(mark.raw)?.[0] === '，' ? '，' : ', ';
        warn = mark.name.length > STRUCTURE_LIMITS.name;
        label = (
          <span>
            {mark.name}
            {mark.role ? (
              <span style={{ opacity: 0.75 }}>
                {comma}
                {mark.role}
              </span>
            ) : null}
          </span>
        );
        hint = warn ? t('notebook.chip.tooLong') : t('notebook.chip.person');
        break;
      }
      case 'record':
        warn = recordTopic === null || mark.id.length > STRUCTURE_LIMITS.recordRef;
        label = mark.id;
        hint = recordTopic === null ? t('notebook.chip.noTopic') : warn ? t('notebook.chip.tooLong') : t('notebook.chip.record');
        break;
      case 'document':
        warn = mark.title.length > STRUCTURE_LIMITS.title;
        label = mark.title;
        hint = warn ? t('notebook.chip.tooLong') : t('notebook.chip.document');
        break;
      case 'clause': {
        const clause = pack?.clauses.find((candidate) => candidate.number === mark.number);
        label = `§${mark.number}`;
        hint = clause ? `${clause.number} ${textIn(clause.title, i18n.language, pack!.defaultLanguage)}` : t('notebook.chip.unknownClause');
        warn = Boolean(pack) && !clause;
        break;
      }
    }
    return (
      <Tooltip label={hint} withinPortal openDelay={300} multiline maw={320}>
        <span style={chipStyle(COLORS[mark.kind], warn)} data-testid={`chip-${mark.kind}`} data-warn={warn ? '1' : undefined} translate="no" aria-label={t('common.labelled', { label: hint, value: mark.raw })}>
          {warn ? <IconAlertTriangle size={12} aria-hidden /> : <Icon size={12} aria-hidden />}
          {label}
        </span>
      </Tooltip>
    );
  };
  return (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} translate="no">
      {parseEntry(body).map((segment) => (segment.kind === 'text' ? <span key={segment.start}>{segment.text}</span> : <span key={segment.start}>{chip(segment)}</span>))}
    </span>
  );
}
