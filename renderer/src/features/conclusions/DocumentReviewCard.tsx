import { Badge, Button, Card, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldworkRow } from '../../../../shared/contract/fieldwork-views.ts';
import { DOCUMENT_ADEQUACY, type DocumentAdequacy } from '../../../../shared/fieldwork/fieldwork-kinds.ts';
import { DeleteRowButton } from '../../components/DeleteRowButton.tsx';
import { showUndo } from '../../components/undo.tsx';
import { useGuardedHotkeys } from '../../state/composition.ts';
import { useFieldworkRecords } from '../../state/fieldwork-records.ts';

type Review = FieldworkRow<'document_review'>;
type ReviewFields = Pick<Review, 'document' | 'version' | 'document_date' | 'clause' | 'adequacy' | 'comment'>;
const ADEQUACY_COLOURS: Record<DocumentAdequacy, string> = { not_reviewed: 'gray', adequate: 'teal', inadequate: 'red' };

/**
 * Stage 1's document review log: document, version, date, clause, adequate or not, comment — one
 * row per document reviewed, edited in place and saved as typed. N adds a document (its title
 * first: a row is never blank); a delete can be undone.
 */
export function DocumentReviewCard({ reviews, readOnly, onError }: { reviews: readonly Review[]; readOnly: boolean; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const create = useFieldworkRecords((s) => s.create);
  const remove = useFieldworkRecords((s) => s.remove);
  const restore = useFieldworkRecords((s) => s.restore);
  const [title, setTitle] = useState('');
  const [adding, setAdding] = useState(false);
  const addRef = useRef<HTMLInputElement | null>(null);
  useGuardedHotkeys([['n', () => addRef.current?.focus()]]);

  const ordered = [...reviews].sort((a, b) => a.id.localeCompare(b.id));
  const count = (adequacy: DocumentAdequacy) => reviews.filter((review) => review.adequacy === adequacy).length;

  const add = async () => {
    const document = title.trim();
    if (!document || adding || readOnly) return;
    setAdding(true);
    try {
      await create('document_review', { document });
      setTitle('');
    } catch (error) {
      onError(error);
    } finally {
      setAdding(false);
      addRef.current?.focus();
    }
  };
  const drop = async (review: Review) => {
    try {
      await remove('document_review', review.id);
      showUndo(t, t('conclusions.stage1.review.deleted', { document: review.document }), () => restore('document_review', review.id).catch(onError));
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="document-review">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={5}>{t('conclusions.stage1.review.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('conclusions.stage1.review.intro')}
          </Text>
        </div>
        {reviews.length ? (
          <Badge variant="light" color={count('inadequate') ? 'red' : 'gray'} data-testid="review-summary">
            {t('conclusions.stage1.review.summary', { total: reviews.length, adequate: count('adequate'), inadequate: count('inadequate'), notReviewed: count('not_reviewed') })}
          </Badge>
        ) : null}
      </Group>
      {ordered.length ? (
        <Table verticalSpacing={6} horizontalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('conclusions.stage1.review.document')}</Table.Th>
              <Table.Th w="9%">{t('conclusions.stage1.review.version')}</Table.Th>
              <Table.Th w={140}>{t('conclusions.stage1.review.date')}</Table.Th>
              <Table.Th w="8%">{t('conclusions.stage1.review.clause')}</Table.Th>
              <Table.Th w={150}>{t('conclusions.stage1.review.adequacy')}</Table.Th>
              <Table.Th>{t('conclusions.stage1.review.comment')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((review) => (
              <ReviewRow key={review.id} review={review} readOnly={readOnly} onDelete={() => void drop(review)} />
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed" data-testid="review-empty">
          {t('conclusions.stage1.review.empty')}
        </Text>
      )}
      {readOnly ? null : (
        <Group gap="xs" mt="sm" align="flex-end">
          <TextInput
            ref={addRef}
            style={{ flex: 1 }}
            label={t('conclusions.stage1.review.addLabel')}
            placeholder={t('conclusions.stage1.review.addPlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                event.preventDefault();
                void add();
              }
            }}
            data-testid="review-add-title"
          />
          <Button leftSection={<IconPlus size={16} />} variant="default" onClick={() => void add()} disabled={!title.trim()} loading={adding}>
            {t('conclusions.stage1.review.add')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function ReviewRow({ review, readOnly, onDelete }: { review: Review; readOnly: boolean; onDelete: () => void }) {
  const { t } = useTranslation();
  const edit = useFieldworkRecords((s) => s.edit);
  const [values, setValues] = useState<ReviewFields>(() => ({
    document: review.document,
    version: review.version,
    document_date: review.document_date,
    clause: review.clause,
    adequacy: review.adequacy,
    comment: review.comment,
  }));
  const change = (patch: Partial<ReviewFields>) => {
    setValues((before) => ({ ...before, ...patch }));
    // The title is required: an emptied one stays on screen with its problem, not saved.
    if (readOnly || (patch.document !== undefined && !patch.document.trim())) return;
    edit('document_review', review.id, patch);
  };
  const name = values.document.trim() || review.document;
  return (
    <Table.Tr data-testid="review-row" data-document={review.document} data-adequacy={values.adequacy}>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('conclusions.stage1.review.document')}
          value={values.document}
          onChange={(event) => change({ document: event.currentTarget.value })}
          error={!values.document.trim()}
          readOnly={readOnly}
          translate="no"
        />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={t('common.labelled', { label: name, value: t('conclusions.stage1.review.version') })} value={values.version} onChange={(event) => change({ version: event.currentTarget.value })} readOnly={readOnly} />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          type="date"
          aria-label={t('common.labelled', { label: name, value: t('conclusions.stage1.review.date') })}
          value={values.document_date ?? ''}
          onChange={(event) => change({ document_date: event.currentTarget.value || null })}
          readOnly={readOnly}
        />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={t('common.labelled', { label: name, value: t('conclusions.stage1.review.clause') })} value={values.clause} onChange={(event) => change({ clause: event.currentTarget.value })} readOnly={readOnly} />
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={t('common.labelled', { label: name, value: t('conclusions.stage1.review.adequacy') })}
          value={values.adequacy}
          onChange={(value) => value && change({ adequacy: value as DocumentAdequacy })}
          data={DOCUMENT_ADEQUACY.map((value) => ({ value, label: t(`conclusions.stage1.review.adequacyValues.${value}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          styles={{ input: { color: `var(--mantine-color-${ADEQUACY_COLOURS[values.adequacy]}-8)` } }}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('common.labelled', { label: name, value: t('conclusions.stage1.review.comment') })}
          value={values.comment}
          onChange={(event) => change({ comment: event.currentTarget.value })}
          error={values.adequacy === 'inadequate' && !values.comment.trim() ? t('conclusions.stage1.review.inadequateComment') : null}
          readOnly={readOnly}
        />
      </Table.Td>
      <Table.Td>{readOnly ? null : <DeleteRowButton label={t('conclusions.stage1.review.delete', { document: name })} onDelete={onDelete} />}</Table.Td>
    </Table.Tr>
  );
}
