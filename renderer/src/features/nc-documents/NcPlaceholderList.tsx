import { Button, Code, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NC_FORM_PLACEHOLDERS } from '../../../../shared/templates/nc-form-placeholders.ts';
import type { Placeholder } from '../../../../shared/templates/plan-placeholders.ts';

const written = (placeholder: Placeholder): string => (placeholder.kind === 'list' ? `{#${placeholder.name}} … {/${placeholder.name}}` : `{${placeholder.name}}`);

/** The placeholders a CB's NC-form template may use (docs/template-placeholders.md, from the same catalogue). */
export function NcPlaceholderList() {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const about = (placeholder: Placeholder) => (i18n.language.startsWith('zh') ? placeholder.about['zh-Hans'] : placeholder.about.en);
  const rows = NC_FORM_PLACEHOLDERS.flatMap((placeholder) => [
    { key: placeholder.name, placeholder, depth: 0 },
    ...(placeholder.fields ?? []).map((field) => ({ key: `${placeholder.name}.${field.name}`, placeholder: field, depth: 1 })),
  ]);
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setOpened(true)} data-testid="nc-placeholder-list">
        {t('ncDocuments.placeholders')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('ncDocuments.placeholders')} size="xl">
        <Text size="sm" c="dimmed" mb="sm">
          {t('ncDocuments.placeholdersIntro')}
        </Text>
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
