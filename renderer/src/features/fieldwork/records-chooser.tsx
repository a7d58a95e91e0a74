import type { TFunction } from 'i18next';
import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { everyNth, expandRange, parsePastedIds, parseSingleId, splitNew, splitRangeText, type SelectionError, type SelectionResult } from '../../../../shared/fieldwork/record-selection.ts';
import { isComposing } from '../../state/composition.ts';

const MODES = ['paste', 'range', 'every', 'one'] as const;
type Mode = (typeof MODES)[number];

/** How many ids are shown in the preview before "and n more". */
const PREVIEW = 12;

/**
 * Choosing the records of a query: ids pasted (from a spreadsheet column, a list in an e-mail), a
 * range, every n-th id of a range, or one id typed. A preview says what will be added and what is
 * already recorded for this process (left where it is); nothing is added until the auditor says so.
 */
export function RecordChooser({
  known,
  readOnly,
  onAdd,
}: {
  /** The record ids already seen for this process (in any query). */
  known: ReadonlySet<string>;
  readOnly: boolean;
  /** Adds the new ids; `how` says how they were chosen, for the query's "how chosen". */
  onAdd: (ids: string[], how: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('paste');
  const [pasted, setPasted] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [step, setStep] = useState<number | ''>(10);
  const [start, setStart] = useState('');
  const [one, setOne] = useState('');
  const [busy, setBusy] = useState(false);

  // A whole range typed or pasted into the first end (`CHG-10400..CHG-10410`) fills both ends.
  const changeFrom = (value: string) => {
    const range = splitRangeText(value);
    if (range) {
      setFrom(range.from);
      setTo(range.to);
    } else setFrom(value);
  };

  const touched = mode === 'paste' ? pasted.trim() !== '' : mode === 'one' ? one.trim() !== '' : from.trim() !== '' || to.trim() !== '';
  const result: SelectionResult = useMemo(() => {
    switch (mode) {
      case 'paste':
        return parsePastedIds(pasted);
      case 'range':
        return expandRange(from, to);
      case 'every':
        return everyNth(from, to, step === '' ? 0 : step, start.trim() || undefined);
      case 'one':
        return parseSingleId(one);
    }
  }, [mode, pasted, from, to, step, start, one]);
  const split = result.ok ? splitNew(result.ids, known) : null;

  const how = (ids: readonly string[]): string => {
    switch (mode) {
      case 'paste':
        return t('records.choose.how.paste', { count: ids.length });
      case 'range':
        return t('records.choose.how.range', { from: from.trim(), to: to.trim(), count: ids.length });
      case 'every':
        return t('records.choose.how.every', { step, from: from.trim(), to: to.trim(), start: (start.trim() || from).trim(), count: ids.length });
      case 'one':
        return t('records.choose.how.one', { id: ids[0] ?? '' });
    }
  };

  async function add() {
    if (!split || split.fresh.length === 0 || busy || readOnly) return;
    setBusy(true);
    try {
      await onAdd(split.fresh, how(result.ok ? result.ids : []));
      if (mode === 'paste') setPasted('');
      if (mode === 'one') setOne('');
      if (mode === 'range' || mode === 'every') {
        setFrom('');
        setTo('');
        setStart('');
      }
    } finally {
      setBusy(false);
    }
  }
  const enterAdds = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && !isComposing(event.nativeEvent) && (mode !== 'paste' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void add();
    }
  };

  return (
    <Stack gap="xs" data-testid="record-chooser">
      <Group justify="space-between" align="center">
        <Text size="sm" fw={500}>
          {t('records.choose.title')}
        </Text>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => setMode(value as Mode)}
          data={MODES.map((value) => ({ value, label: t(`records.choose.modes.${value}`) }))}
          disabled={readOnly}
        />
      </Group>
      {mode === 'paste' ? (
        <Textarea
          size="sm"
          aria-label={t('records.choose.modes.paste')}
          placeholder={t('records.choose.pastePlaceholder')}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          onKeyDown={enterAdds}
          autosize
          minRows={2}
          maxRows={6}
          readOnly={readOnly}
          data-testid="choose-paste"
        />
      ) : null}
      {mode === 'range' || mode === 'every' ? (
        <Group gap="xs" align="flex-end" grow>
          <TextInput size="sm" label={t('records.choose.from')} placeholder="CHG-10400" value={from} onChange={(e) => changeFrom(e.currentTarget.value)} onKeyDown={enterAdds} readOnly={readOnly} data-testid="choose-from" />
          <TextInput size="sm" label={t('records.choose.to')} placeholder="CHG-10410" value={to} onChange={(e) => setTo(e.currentTarget.value)} onKeyDown={enterAdds} readOnly={readOnly} data-testid="choose-to" />
          {mode === 'every' ? (
            <>
              <NumberInput size="sm" label={t('records.choose.step')} value={step} min={1} max={10_000} allowDecimal={false} allowNegative={false} onChange={(value) => setStep(typeof value === 'number' ? value : '')} onKeyDown={enterAdds} readOnly={readOnly} data-testid="choose-step" />
              <TextInput size="sm" label={t('records.choose.start')} placeholder={from || 'CHG-10403'} value={start} onChange={(e) => setStart(e.currentTarget.value)} onKeyDown={enterAdds} readOnly={readOnly} data-testid="choose-start" />
            </>
          ) : null}
        </Group>
      ) : null}
      {mode === 'one' ? (
        <TextInput size="sm" aria-label={t('records.choose.modes.one')} placeholder={t('records.choose.onePlaceholder')} value={one} onChange={(e) => setOne(e.currentTarget.value)} onKeyDown={enterAdds} readOnly={readOnly} data-testid="choose-one" />
      ) : null}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }} data-testid="choose-preview">
          {!touched ? (
            <Text size="xs" c="dimmed">
              {t(`records.choose.hint.${mode}`)}
            </Text>
          ) : !result.ok ? (
            <Text size="xs" c="red.7">
              {selectionError(t, result.error)}
            </Text>
          ) : (
            <Preview fresh={split!.fresh} already={split!.already} ignored={result.ignored ?? []} />
          )}
        </div>
        <Button size="xs" onClick={() => void add()} disabled={readOnly || !split || split.fresh.length === 0} loading={busy} data-testid="choose-add" style={{ flexShrink: 0 }}>
          {split?.fresh.length ? t('records.choose.add', { count: split.fresh.length }) : t('records.choose.addNone')}
        </Button>
      </Group>
    </Stack>
  );
}

function Preview({ fresh, already, ignored }: { fresh: readonly string[]; already: readonly string[]; ignored: readonly string[] }) {
  const { t } = useTranslation();
  const list = (ids: readonly string[]) => (ids.length > PREVIEW ? `${ids.slice(0, PREVIEW).join(t('common.listSeparator'))} ${t('records.choose.more', { count: ids.length - PREVIEW })}` : ids.join(t('common.listSeparator')));
  return (
    <Stack gap={2}>
      {fresh.length ? (
        <Text size="xs">
          {t('records.choose.fresh', { count: fresh.length })} <span translate="no">{list(fresh)}</span>
        </Text>
      ) : null}
      {already.length ? (
        <Text size="xs" c="dimmed">
          {t('records.choose.already', { count: already.length })} <span translate="no">{list(already)}</span>
        </Text>
      ) : null}
      {ignored.length ? (
        <Text size="xs" c="dimmed">
          {t('records.choose.ignored', { count: ignored.length })} <span translate="no">{list(ignored)}</span>
        </Text>
      ) : null}
    </Stack>
  );
}

export function selectionError(t: TFunction, error: SelectionError): string {
  switch (error.code) {
    case 'empty':
      return t('records.choose.errors.empty');
    case 'tooLong':
      return t('records.choose.errors.tooLong', { id: `${error.id.slice(0, 40)}…` });
    case 'noNumber':
      return t('records.choose.errors.noNumber', { id: error.id });
    case 'notSameSeries':
      return t('records.choose.errors.notSameSeries', { from: error.from, to: error.to });
    case 'reversed':
      return t('records.choose.errors.reversed', { from: error.from, to: error.to });
    case 'tooMany':
      return t('records.choose.errors.tooMany', { count: error.count, max: error.max });
    case 'badStep':
      return t('records.choose.errors.badStep');
    case 'startOutside':
      return t('records.choose.errors.startOutside', { start: error.start, from: error.from, to: error.to });
  }
}
