import { Alert, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Engagement } from '../../../../shared/engagement.ts';
import { auditDayOf, daysBetween } from '../../../../shared/time.ts';
import { formatDay } from '../../components/format.ts';

/** Under 90 days the recertification must be in hand: the certificate lapses on its expiry. */
const SOON_DAYS = 90;

/**
 * The client's certificate and the days left until it expires, counted in the engagement's time
 * zone: recertification must be decided before expiry, and a lapsed certificate changes the audit.
 */
export function CertificateCountdown({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  if (!engagement.certificate_expires_on) return null;
  const today = auditDayOf(Date.now(), engagement.time_zone);
  const left = daysBetween(today, engagement.certificate_expires_on);
  const color = left < 0 ? 'red' : left <= SOON_DAYS ? 'orange' : 'gray';
  const date = formatDay(engagement.certificate_expires_on);
  return (
    <Alert color={color} variant="light" icon={<IconCertificate size={18} />} data-testid="certificate-countdown">
      <Text size="sm">
        {engagement.certificate_number ? <span translate="no">{engagement.certificate_number} · </span> : null}
        {left < 0 ? t('overview.certificateExpired', { date }) : t('overview.certificateExpires', { date, count: left })}
      </Text>
    </Alert>
  );
}
