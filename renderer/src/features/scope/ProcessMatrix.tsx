import { Alert, Card, Checkbox, ScrollArea, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistPack } from '../../../../shared/checklist/pack.ts';
import { textIn } from '../../../../shared/checklist/pack.ts';
import { invoke } from '../../contract/client.ts';
import type { Service, ServiceProcess } from './scope-types.ts';

/**
 * Which services each process's audit trail will cover: services down, the checklist pack's
 * processes across. A ticked cell is a link row; unticking removes every link of the cell (two
 * auditors who ticked it made two). A process whose column is empty is not followed through any
 * service yet, and the plan will ask for it.
 */
export function ProcessMatrix({
  handle,
  readOnly,
  services,
  links,
  pack,
  onChanged,
  onError,
}: {
  handle: string;
  readOnly: boolean;
  services: readonly Service[];
  links: readonly ServiceProcess[];
  pack: ChecklistPack | null;
  onChanged: () => void;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const cell = (serviceId: string, process: string) => links.filter((link) => link.service_id === serviceId && link.process_key === process);
  // A tick shows at once and stays until the reloaded links agree with it; ticks are written one
  // after another, and an untick deletes the cell's links as the file has them then (a quick
  // tick-untick must not miss the link the tick is still writing).
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  const key = (serviceId: string, process: string) => `${serviceId}\u0000${process}`;
  useEffect(() => {
    setPending((all) => {
      const left = Object.entries(all).filter(([cellKey, on]) => {
        const [serviceId, process] = cellKey.split('\u0000') as [string, string];
        return links.some((link) => link.service_id === serviceId && link.process_key === process) !== on;
      });
      return left.length === Object.keys(all).length ? all : Object.fromEntries(left);
    });
  }, [links]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  function toggle(serviceId: string, process: string, on: boolean) {
    setPending((all) => ({ ...all, [key(serviceId, process)]: on }));
    queue.current = queue.current.then(() => write(serviceId, process, on));
  }

  async function write(serviceId: string, process: string, on: boolean) {
    try {
      if (on) await invoke('rows:create', { engagementHandle: handle, table: 'service_process', values: { service_id: serviceId, process_key: process } });
      else {
        const now = (await invoke('rows:list', { engagementHandle: handle, table: 'service_process' })) as unknown as ServiceProcess[];
        for (const link of now.filter((l) => l.service_id === serviceId && l.process_key === process)) {
          await invoke('rows:delete', { engagementHandle: handle, table: 'service_process', id: link.id });
        }
      }
      onChanged();
    } catch (failure) {
      setPending((all) => {
        const { [key(serviceId, process)]: _dropped, ...rest } = all;
        return rest;
      });
      onError(failure);
    }
  }

  const title = (clauseId: string): string => {
    const clause = pack?.clauses.find((c) => c.id === clauseId);
    return clause ? textIn(clause.title, i18n.language, pack!.defaultLanguage) : clauseId;
  };
  const processes = pack?.processes ?? [];
  const uncovered = services.length ? processes.filter((p) => !services.some((s) => cell(s.id, p.key).length)) : [];

  return (
    <Card withBorder padding="lg" data-testid="process-matrix">
      <Title order={5}>{t('scope.matrixTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('scope.matrixIntro')}
      </Text>
      {!pack ? (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
          {t('scope.matrixNoPack')}
        </Alert>
      ) : services.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('scope.matrixNoServices')}
        </Text>
      ) : (
        <>
          <ScrollArea type="auto" offsetScrollbars>
            <Table withColumnBorders verticalSpacing={4} horizontalSpacing={6} aria-label={t('scope.matrixTitle')} style={{ width: 'max-content' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ minWidth: 200 }}>{t('scope.serviceName')}</Table.Th>
                  {processes.map((process) => (
                    <Table.Th key={process.key} style={{ verticalAlign: 'bottom', width: 34 }}>
                      <Text
                        size="xs"
                        translate="no"
                        title={`${process.clause} ${title(process.clause)}`}
                        style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap', maxHeight: 180, overflow: 'hidden', textOverflow: 'ellipsis' }}
                      >
                        {process.clause} {title(process.clause)}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.map((service) => (
                  <Table.Tr key={service.id}>
                    <Table.Td>
                      <Text size="sm" fw={500} translate="no">
                        {service.name}
                      </Text>
                    </Table.Td>
                    {processes.map((process) => {
                      const on = pending[key(service.id, process.key)] ?? cell(service.id, process.key).length > 0;
                      return (
                        <Table.Td key={process.key} ta="center">
                          <Checkbox
                            size="xs"
                            checked={on}
                            disabled={readOnly}
                            aria-label={t('scope.matrixCell', { service: service.name, process: `${process.clause} ${title(process.clause)}` })}
                            onChange={(e) => toggle(service.id, process.key, e.currentTarget.checked)}
                            styles={{ body: { justifyContent: 'center' } }}
                          />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {uncovered.length ? (
            <Text size="xs" c="dimmed" mt="sm" data-testid="matrix-uncovered">
              {t('scope.matrixUncovered', { count: uncovered.length, list: uncovered.map((p) => p.clause).join(t('common.listSeparator')) })}
            </Text>
          ) : null}
        </>
      )}
    </Card>
  );
}
