import { Button, Card, Group, Image, Modal, Stack, Text, Title } from '@mantine/core';
import { IconSignature, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSignatureView } from '../../../../shared/contract/closing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatInstant } from '../../components/format.ts';
import { SignaturePad, type SignaturePadHandle } from '../../components/SignaturePad.tsx';
import { showUndo } from '../../components/undo.tsx';
import { ContractFailure, invoke } from '../../contract/client.ts';

/**
 * The typing member's own signature, drawn once on the signature pad and kept with them in this
 * engagement (member_signature): the NC forms, the meeting record and the report put it where they
 * sign. Redrawing replaces it and removing tombstones it; both can be undone from the toast.
 */
export function MySignatureCard({ handle, readOnly }: { handle: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const [view, setView] = useState<MemberSignatureView | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    invoke('closing:mySignature', { engagementHandle: handle }).then(setView, setError);
  }, [handle]);
  useEffect(load, [load]);

  async function save(image: string) {
    const before = view?.signature ?? null;
    const saved = await invoke('closing:saveMySignature', { engagementHandle: handle, image });
    setView(saved);
    showUndo(t, before ? t('mySignature.replaced') : t('mySignature.saved'), async () => {
      try {
        if (before) setView(await invoke('closing:saveMySignature', { engagementHandle: handle, image: before.image }));
        else if (saved.signature) {
          await invoke('rows:delete', { engagementHandle: handle, table: 'member_signature', id: saved.signature.id });
          load();
        }
      } catch (failure) {
        setError(failure);
      }
    });
  }

  async function remove() {
    const signature = view?.signature;
    if (!signature) return;
    try {
      await invoke('rows:delete', { engagementHandle: handle, table: 'member_signature', id: signature.id });
      load();
      showUndo(t, t('mySignature.removed'), async () => {
        await invoke('rows:restore', { engagementHandle: handle, table: 'member_signature', id: signature.id }).catch(setError);
        load();
      });
    } catch (failure) {
      setError(failure);
    }
  }

  const signature = view?.signature ?? null;
  return (
    <Card withBorder padding="lg" data-testid="my-signature">
      <Title order={5}>{t('mySignature.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('mySignature.intro')}
      </Text>
      {error ? <ErrorNotice error={error} onClose={() => setError(null)} /> : null}
      {view && !view.memberId ? (
        <Text size="sm" c="orange" data-testid="my-signature-no-member">
          {t('mySignature.noMember')}
        </Text>
      ) : view ? (
        <Group justify="space-between" align="center">
          {signature ? (
            <Group gap="md" align="center">
              <Image src={signature.image} alt={t('mySignature.alt', { name: view.memberName ?? '' })} h={56} w="auto" fit="contain" data-testid="my-signature-image" style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }} />
              <Text size="xs" c="dimmed">
                {t('mySignature.drawnAt', { when: formatInstant(signature.drawnAt) })}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed" data-testid="my-signature-none">
              {t('mySignature.none')}
            </Text>
          )}
          {!readOnly ? (
            <Group gap="xs">
              <Button size="xs" variant={signature ? 'default' : 'filled'} leftSection={<IconSignature size={14} />} onClick={() => setDrawing(true)} data-testid="my-signature-draw">
                {signature ? t('mySignature.redraw') : t('mySignature.draw')}
              </Button>
              {signature ? (
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove()} data-testid="my-signature-remove">
                  {t('mySignature.remove')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
      ) : null}
      {drawing ? <DrawModal name={view?.memberName ?? ''} onSave={save} onClose={() => setDrawing(false)} /> : null}
    </Card>
  );
}

function DrawModal({ name, onSave, onClose }: { name: string; onSave: (image: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const pad = useRef<SignaturePadHandle | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    const image = pad.current?.toDataUrl() ?? null;
    if (!image) {
      setError(new ContractFailure({ code: 'SIGNATURE_EMPTY', params: {} }));
      return;
    }
    setBusy(true);
    try {
      await onSave(image);
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('mySignature.modalTitle')} size="lg" data-testid="my-signature-modal">
      <Stack gap="sm">
        <Text size="sm" translate="no" fw={500}>
          {name}
        </Text>
        <SignaturePad ref={pad} label={t('mySignature.modalTitle')} onDrawnChange={(drawn) => drawn && setError(null)} testId="my-signature-pad" />
        {error ? <ErrorNotice error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="my-signature-save">
            {t('mySignature.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
