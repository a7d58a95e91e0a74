import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosingFindingView } from '../../../../shared/contract/closing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SignaturePad, type SignaturePadHandle } from '../../components/SignaturePad.tsx';
import { ContractFailure } from '../../contract/client.ts';

export interface Acknowledgement {
  readonly status: 'signed' | 'declined';
  readonly signer_name: string;
  readonly signer_role: string;
  readonly signature: string;
  readonly declined_reason: string;
}

/**
 * The auditee's acknowledgement of one nonconformity: a signature drawn on the pad with the signer's
 * name and role, or "declined to sign" with the reason given. The signer defaults to the finding's
 * auditee representative, else the last person who signed. Nothing is stored until it is complete:
 * an empty pad says so (SIGNATURE_EMPTY) instead of storing a blank image.
 */
export function AcknowledgeModal({ finding, mode, defaultSigner, onSave, onClose }: { finding: ClosingFindingView; mode: 'sign' | 'decline'; defaultSigner: { name: string; role: string }; onSave: (values: Acknowledgement) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const pad = useRef<SignaturePadHandle | null>(null);
  const [name, setName] = useState(finding.auditeeRepresentative || defaultSigner.name);
  const [role, setRole] = useState(finding.auditeeRepresentative && finding.auditeeRepresentative !== defaultSigner.name ? '' : defaultSigner.role);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setTried(true);
    setError(null);
    let values: Acknowledgement;
    if (mode === 'sign') {
      if (!name.trim()) return;
      const image = pad.current?.toDataUrl() ?? null;
      if (!image) {
        setError(new ContractFailure({ code: 'SIGNATURE_EMPTY', params: {} }));
        return;
      }
      values = { status: 'signed', signer_name: name.trim(), signer_role: role.trim(), signature: image, declined_reason: '' };
    } else {
      if (!reason.trim()) return;
      values = { status: 'declined', signer_name: name.trim(), signer_role: role.trim(), signature: '', declined_reason: reason.trim() };
    }
    setBusy(true);
    try {
      await onSave(values);
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t(mode === 'sign' ? 'closing.ack.signTitle' : 'closing.ack.declineTitle', { label: finding.label })} data-testid="ack-modal">
      <form onSubmit={(event) => (event.preventDefault(), void save())}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(mode === 'sign' ? 'closing.ack.signIntro' : 'closing.ack.declineIntro')}
          </Text>
          {finding.notFulfilled ? (
            <Text size="sm" translate="no" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 8 }} lineClamp={4}>
              {finding.notFulfilled}
            </Text>
          ) : null}
          <Group grow align="flex-start">
            <TextInput label={t('closing.ack.signerName')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={tried && mode === 'sign' && !name.trim() ? t('closing.ack.nameRequired') : null} maxLength={300} data-testid="ack-name" translate="no" data-autofocus />
            <TextInput label={t('closing.ack.signerRole')} value={role} onChange={(event) => setRole(event.currentTarget.value)} maxLength={300} data-testid="ack-role" translate="no" />
          </Group>
          {mode === 'sign' ? (
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('closing.ack.signature')}
              </Text>
              <SignaturePad ref={pad} label={t('closing.ack.signature')} onDrawnChange={(drawn) => drawn && setError(null)} />
            </div>
          ) : (
            <Textarea label={t('closing.ack.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={tried && !reason.trim() ? t('closing.ack.reasonRequired') : null} autosize minRows={2} maxLength={2000} data-testid="ack-reason" translate="no" />
          )}
          {error ? <ErrorNotice error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={mode === 'sign' ? undefined : 'orange'} loading={busy} data-testid="ack-save">
              {t(mode === 'sign' ? 'closing.ack.save' : 'closing.ack.saveDecline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
