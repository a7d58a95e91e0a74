import { Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SignatureCheckView, SignerStanding } from '../../../../shared/contract/signing-views.ts';
import { formatInstant } from '../../components/format.ts';
import { Fingerprint } from './Fingerprint.tsx';

const STANDING_COLOR: Record<SignerStanding, string> = { own: 'blue', trusted: 'teal', unknown: 'gray' };

/** A yes/no line with its mark: a fact the reviewer reads at a glance, green when it holds. */
function Fact({ holds, text, testId }: { holds: boolean; text: string; testId: string }) {
  return (
    <List.Item icon={holds ? <IconCheck size={16} color="var(--mantine-color-teal-7)" /> : <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />} data-testid={testId} data-holds={holds}>
      <Text size="sm">{text}</Text>
    </List.Item>
  );
}

/**
 * One signature of a verified file: who (name, organisation), whose key it is to this installation
 * (own, trusted, unknown — with "Trust this certificate"), the claimed time, the certificate's
 * fingerprint, what it covers, the certificate's validity then, and why it fails when it does.
 */
export function SignatureCheckCard({ check, number, onTrust, trusting }: { check: SignatureCheckView; number: number; onTrust(check: SignatureCheckView): void; trusting: boolean }) {
  const { t } = useTranslation();
  const signer = check.signer;
  return (
    <Card withBorder padding="md" data-testid="verify-signature" data-valid={check.valid} data-standing={check.standing}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('signing.verify.signature', { number })}
            </Text>
            <Text fw={700} translate="no" data-testid="verify-signer">
              {signer?.name || t('signing.verify.unknownSigner')}
            </Text>
            {signer?.organisation ? (
              <Text size="sm" translate="no">
                {signer.organisation}
                {signer.role ? ` · ${signer.role}` : ''}
              </Text>
            ) : null}
          </div>
          <Group gap="xs" wrap="nowrap">
            <Badge color={check.valid ? 'teal' : 'red'} leftSection={check.valid ? <IconCheck size={12} /> : <IconX size={12} />} data-testid="verify-signature-valid">
              {check.valid ? t('signing.verify.signatureValid') : t('signing.verify.signatureInvalid')}
            </Badge>
            {/* An invalid signature proves nobody signed: whose certificate it carries is not shown as a standing. */}
            {check.valid ? (
              <Badge color={STANDING_COLOR[check.standing]} variant="light" data-testid="verify-standing">
                {t(`signing.verify.standing.${check.standing}`)}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {check.problem ? (
          <Text size="sm" c="red" data-testid="verify-problem" data-problem={check.problem}>
            {t(`signing.verify.problems.${check.problem}`)}
          </Text>
        ) : null}
        {check.valid && check.standing === 'unknown' && check.certificatePem ? (
          <Group gap="sm" wrap="nowrap" align="center">
            <Text size="xs" c="dimmed" style={{ flex: 1 }}>
              {t('signing.verify.unknownHint')}
            </Text>
            <Button size="xs" variant="light" onClick={() => onTrust(check)} loading={trusting} data-testid="verify-trust">
              {t('signing.verify.trust')}
            </Button>
          </Group>
        ) : null}
        <div>
          <Text size="sm" data-testid="verify-signed-at">
            {check.signedAt ? t('signing.verify.signedAt', { time: formatInstant(check.signedAt) }) : t('signing.verify.noSigningTime')}
          </Text>
          {check.signedAt ? (
            <Text size="xs" c="dimmed">
              {t('signing.verify.signedAtClaim')}
            </Text>
          ) : null}
        </div>
        {signer ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('signing.verify.fingerprint')}
            </Text>
            <Fingerprint value={signer.fingerprint} testId="verify-fingerprint" />
          </div>
        ) : null}
        <List spacing={2} size="sm" center>
          <Fact holds={check.coversWholeFile} text={check.coversWholeFile ? t('signing.verify.coversWhole') : t('signing.verify.laterSignature')} testId="verify-covers" />
          <Fact holds={check.certificateValidThen} text={check.certificateValidThen ? t('signing.verify.validThen') : t('signing.verify.notValidThen')} testId="verify-valid-then" />
        </List>
      </Stack>
    </Card>
  );
}
