import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSearch, IconShieldCheck, IconShieldQuestion, IconShieldX } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountersignView, SignatureCheckView, VerificationView } from '../../../../shared/contract/signing-views.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { invoke } from '../../contract/client.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useFileChooser } from '../files/use-file-chooser.tsx';
import { CountersignForm } from './CountersignForm.tsx';
import { ManifestCheck } from './ManifestCheck.tsx';
import { SignatureCheckCard } from './SignatureCheckCard.tsx';
import { useSigningStore } from './signing-store.ts';
import { useVerification } from './use-verification.ts';

const VERDICT = {
  valid: { color: 'teal', icon: IconShieldCheck },
  invalid: { color: 'red', icon: IconShieldX },
  unsigned: { color: 'gray', icon: IconShieldQuestion },
} as const;

/** The verdict in one line, green / red / grey, with what follows from it. */
function VerdictBanner({ result }: { result: VerificationView }) {
  const { t } = useTranslation();
  const { color, icon: Icon } = VERDICT[result.verdict];
  return (
    <Alert color={color} variant="light" icon={<Icon size={22} />} title={t(`signing.verify.verdict.${result.verdict}`)} data-testid="verify-verdict" data-verdict={result.verdict}>
      <Stack gap={2}>
        <Text size="sm">{result.verdict === 'valid' ? t('signing.verify.verdictText.valid', { count: result.signatures.length }) : t(`signing.verify.verdictText.${result.verdict}`)}</Text>
        {result.modifiedAfterLastSignature ? (
          <Text size="sm" fw={500} data-testid="verify-modified-after">
            {t('signing.verify.verdictText.modifiedAfter')}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * "Verify a signed report": a PDF, or a Word report with its .p7s and signed manifest beside it (or
 * the .p7s chosen, then its .docx). The verdict, one card per signature (with "Trust this
 * certificate" for an unknown signer), the Word manifest; on a signed PDF, "Add my signature…".
 */
export function VerifyDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const chooser = useFileChooser();
  const { status, load } = useSigningStore();
  const verification = useVerification();
  const { result, request, busy, error } = verification;
  const [choosing, setChoosing] = useState(false);
  const [trusting, setTrusting] = useState<string | null>(null);
  const [trustError, setTrustError] = useState<unknown>(null);
  const [countersigned, setCountersigned] = useState<CountersignView | null>(null);
  const native = useAppStore((s) => s.info?.fileAccess === 'native');

  useEffect(() => {
    if (opened && !status) void load();
  }, [opened, status, load]);

  function close() {
    verification.reset();
    setTrustError(null);
    setCountersigned(null);
    onClose();
  }

  async function choose() {
    setChoosing(true);
    try {
      const file = await chooser.choose({ mode: 'open', kind: 'signed', suggestedName: '', title: t('signing.verify.chooseTitle') });
      if (!file) return;
      setCountersigned(null);
      if (file.toLowerCase().endsWith('.p7s')) {
        // A detached signature alone says nothing: it needs the Word file it signs.
        const word = await chooser.choose({ mode: 'open', kind: 'word', suggestedName: '', title: t('signing.verify.chooseWord') });
        if (word) await verification.verify({ file: word, signatureFile: file });
        return;
      }
      await verification.verify({ file });
    } finally {
      setChoosing(false);
    }
  }

  async function trust(check: SignatureCheckView) {
    setTrusting(check.signer?.fingerprint ?? check.certificatePem);
    setTrustError(null);
    try {
      await invoke('signing:trust', { certificatePem: check.certificatePem, ...(check.signer?.name ? { label: check.signer.name } : {}) });
      notifications.show({ message: t('signing.verify.trusted'), autoClose: 2500 });
      await verification.reverify();
    } catch (failure) {
      setTrustError(failure);
    } finally {
      setTrusting(null);
    }
  }

  const identity = status?.identity ?? null;
  // Only a file whose signatures all hold takes a further one: signing a changed file would vouch for the change.
  const canCountersign = result !== null && request !== null && result.kind === 'pdf' && result.verdict === 'valid' && identity !== null;
  return (
    <>
      <Modal opened={opened && !(choosing && !native)} onClose={close} title={t('signing.verify.title')} size="xl" data-testid="verify-dialog">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('signing.verify.intro')}
          </Text>
          <Group>
            <Button leftSection={<IconFileSearch size={16} />} onClick={() => void choose()} variant={result ? 'default' : 'filled'} disabled={busy} data-testid="verify-choose">
              {result ? t('signing.verify.another') : t('signing.verify.choose')}
            </Button>
          </Group>
          {busy ? (
            <Group gap="xs" data-testid="verify-busy">
              <Loader size="sm" />
              <Text size="sm">{t('signing.verify.verifying')}</Text>
            </Group>
          ) : null}
          {error ? <ErrorNotice error={error} onClose={() => verification.setError(null)} /> : null}
          {countersigned ? (
            <Alert color="teal" variant="light" title={t('signing.verify.countersign.done', { file: countersigned.file })} data-testid="verify-countersigned">
              <Stack gap={4}>
                <Text size="xs">
                  {t('signing.verify.sha')}:{' '}
                  <Text span ff="monospace" size="xs" translate="no" style={{ wordBreak: 'break-all' }}>
                    {countersigned.sha256}
                  </Text>
                </Text>
                {countersigned.downloadUrl ? (
                  <Anchor href={countersigned.downloadUrl} download size="sm" data-testid="verify-countersign-download">
                    <IconDownload size={14} style={{ verticalAlign: 'middle' }} /> {t('signing.card.download', { file: countersigned.file })}
                  </Anchor>
                ) : null}
                <Text size="xs" c="dimmed">
                  {t('signing.verify.countersign.reverified')}
                </Text>
              </Stack>
            </Alert>
          ) : null}
          {result ? (
            <Stack gap="sm" data-testid="verify-result">
              <VerdictBanner result={result} />
              <div>
                <Text size="sm" translate="no" data-testid="verify-file">
                  {t('signing.verify.file', { file: result.fileName })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('signing.verify.sha')}:{' '}
                  <Text span ff="monospace" size="xs" translate="no" style={{ wordBreak: 'break-all' }} data-testid="verify-sha">
                    {result.sha256}
                  </Text>
                </Text>
              </div>
              {trustError ? <ErrorNotice error={trustError} onClose={() => setTrustError(null)} /> : null}
              {result.signatures.map((check, index) => (
                <SignatureCheckCard key={`${index}-${check.signer?.fingerprint ?? ''}`} check={check} number={index + 1} onTrust={(c) => void trust(c)} trusting={trusting !== null && trusting === (check.signer?.fingerprint ?? check.certificatePem)} />
              ))}
              {result.kind === 'docx' && result.signatures.length > 0 ? <ManifestCheck manifest={result.manifest} /> : null}
              {canCountersign ? (
                <CountersignForm
                  key={request.file}
                  file={request.file}
                  fileName={result.fileName}
                  identity={identity}
                  chooser={chooser}
                  onChoosing={setChoosing}
                  onSigned={(signed, output) => (setCountersigned(signed), void verification.verify({ file: output }))}
                />
              ) : null}
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {chooser.picker}
    </>
  );
}
