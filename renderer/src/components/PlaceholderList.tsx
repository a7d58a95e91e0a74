import { Button, Code, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placeholder } from '../../../shared/templates/plan-placeholders.ts';

/** How a placeholder is written in a template: {name} for text and conditions, {#name}…{/name} for lists. */
const written = (placeholder: Placeholder): string => (placeholder.kind === 'list' ? `{#${placeholder.name}} … {/${placeholder.name}}` : `{${placeholder.name}}`);

/**
 * The placeholders a CB's template of one kind may use (the audit plan's, the NC form's), with what
 * each holds — the same list as docs/template-placeholders.md, from the same catalogue — for whoever
 * prepares the template.
 */
export function PlaceholderList({ placeholders, title, intro, testId }: { placeholders: readonly Placeholder[]; title: string; intro?: string; testId: string }) {
  const { i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const about = (placeholder: Placeholder) => (i18n.language.startsWith('zh') ? placeholder.about['zh-Hans'] : placeholder.about.en);
  const rows = placeholders.flatMap((placeholder) => [
    { key: placeholder.name, placeholder, depth: 0 },
    ...(placeholder.fields ?? []).map((field) => ({ key: `${placeholder.name}.${field.name}`, placeholder: field, depth: 1 })),
  ]);
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setOpened(true)} data-testid={testId}>
        {title}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} size="xl">
        {intro ? (
          <Text size="sm" c="dimmed" mb="sm">
            {intro}
          </Text>
        ) : null}
        <ScrollArea h={480}>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {rows.map(({ key, placeholder, depth }) => (
                <Table.Tr key={key}>
                  <Table.Td pl={depth ? 28 : undefined} style={{ whiteSpace: 'nowrap' }}>
                    <Code translate="no">{written(placeholder)}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{about(placeholder)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Modal>
    </>
  );
}
