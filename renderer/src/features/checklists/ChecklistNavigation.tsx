import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PackIndex } from '../../../../shared/checklist/pack-index.ts';
import type { ChecklistClause, LocalizedText, PackLens } from '../../../../shared/checklist/pack.ts';

type TextOf = (t: LocalizedText | undefined) => string;

/** The clause tree: top-level clauses open on demand, each with its number of questions. */
export function ClauseTree({
  index,
  selected,
  onSelect,
  text,
}: {
  index: PackIndex;
  selected: string | null;
  onSelect: (clauseId: string) => void;
  text: TextOf;
}) {
  const openPath = new Set(selected ? index.path(selected).map((c) => c.id) : []);
  const node = (clause: ChecklistClause, depth: number) => {
    const children = index.children(clause.id);
    const count = index.questionsUnder(clause.id).length;
    return (
      <NavLink
        key={clause.id}
        label={
          <Text size="sm" lineClamp={2}>
            <Text span fw={600} size="sm">
              {clause.number}
            </Text>{' '}
            <span translate="no">{text(clause.title)}</span>
          </Text>
        }
        rightSection={
          count ? (
            <Badge size="xs" variant="light" color="gray">
              {count}
            </Badge>
          ) : null
        }
        active={selected === clause.id}
        disableRightSectionRotation
        opened={children.length ? openPath.has(clause.id) : undefined}
        childrenOffset={depth === 0 ? 12 : 10}
        onClick={() => onSelect(clause.id)}
        data-testid={`nav-clause-${clause.id}`}
        py={6}
      >
        {children.length ? children.map((child) => node(child, depth + 1)) : undefined}
      </NavLink>
    );
  };
  return <Stack gap={0}>{index.roots().map((root) => node(root, 0))}</Stack>;
}

/** A lens: the older edition's groups and items, each pointing at the 2018 clauses it maps onto. */
export function LensTree({
  lens,
  selected,
  onSelect,
  text,
}: {
  lens: PackLens;
  selected: string | null;
  onSelect: (itemId: string) => void;
  text: TextOf;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {lens.groups.map((group) => (
        <div key={group.id} data-testid={`lens-group-${group.id}`}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={2}>
            {group.number ? `${group.number} ` : ''}
            <span translate="no">{text(group.title)}</span>
          </Text>
          {group.items.map((item) => (
            <NavLink
              key={item.id}
              label={
                <Text size="sm">
                  {item.number ? (
                    <Text span fw={600} size="sm">
                      {item.number}{' '}
                    </Text>
                  ) : null}
                  <span translate="no">{text(item.title)}</span>
                </Text>
              }
              description={`→ ${item.clauses.join(t('common.listSeparator'))}`}
              active={selected === item.id}
              onClick={() => onSelect(item.id)}
              data-testid={`nav-lens-item-${item.id}`}
              py={6}
            />
          ))}
        </div>
      ))}
    </Stack>
  );
}
