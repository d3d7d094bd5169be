import type { TFunction } from 'i18next';
import type { Registration, RegistrationStatus } from '../../../../common/contract/softphone';

/** Statuses in which the agent may ask for an immediate retry. */
export const RECONNECTABLE: readonly RegistrationStatus[] = ['reconnecting', 'unreachable', 'server-error'];

/** Statuses whose text says "retrying" when an attempt is scheduled. */
const SAYS_RETRYING: readonly RegistrationStatus[] = ['unreachable', 'server-error'];

/**
 * The registration status as one line of text: the status, the SIP code
 * behind it when there is one ("… (401)"), and "retrying" when main has
 * scheduled another attempt. No countdown: that would need a timer.
 */
export function registrationText(t: TFunction, registration: Registration): string {
  let text = t(`softphone.registration.status.${registration.status}`);
  if (registration.code !== null && registration.status !== 'registered') {
    text = t('softphone.registration.withCode', { status: text, code: registration.code });
  }
  if (registration.retryAt !== null && SAYS_RETRYING.includes(registration.status)) {
    text = t('softphone.registration.retrying', { status: text });
  }
  return text;
}
