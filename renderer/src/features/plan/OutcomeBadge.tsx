import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionOutcome } from '../../../../shared/fieldwork/fieldwork-kinds.ts';

const COLOR: Readonly<Record<SessionOutcome, MantineColor>> = {
  planned: 'gray',
  held: 'teal',
  moved: 'orange',
  shortened: 'orange',
  extended: 'orange',
  cancelled: 'red',
  added: 'grape',
};

/** What became of a session, as one coloured word ("Not recorded" stays grey and outlined). */
export function OutcomeBadge({ status, size = 'sm' }: { status: SessionOutcome; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={COLOR[status]} variant={status === 'planned' ? 'outline' : 'light'} data-testid="outcome-badge" data-status={status}>
      {t(`plan.outcome.${status}`)}
    </Badge>
  );
}
