import type { MailMessage } from '@portal/mail';
import type { ExpiryWarning, KeyEnvironment } from '@portal/keys-domain';

export interface ExpiryWarningEmail {
  readonly to: string;
  readonly teamName: string;
  readonly keyName: string;
  readonly hint: string;
  readonly environment: KeyEnvironment;
  readonly expiresAt: string;
  readonly warning: ExpiryWarning;
  /** Where the team's keys are managed. */
  readonly link: string;
}

const WHEN: Readonly<Record<ExpiryWarning, string>> = { '7d': 'in 7 days', '1d': 'within a day' };
const ENVIRONMENT: Readonly<Record<KeyEnvironment, string>> = {
  development: 'Development',
  production: 'Production',
};

/** One line, no control characters: what goes into a header never breaks it. */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();

/** The warning to an Owner or Admin that one of the team's keys expires soon, as plain text. */
export function expiryWarningEmail(warning: ExpiryWarningEmail): MailMessage {
  const { teamName, keyName, hint, environment, expiresAt, link } = warning;
  const when = WHEN[warning.warning];
  const text = [
    `The ${ENVIRONMENT[environment]} API key "${oneLine(keyName)}" (${hint}) of the team "${oneLine(teamName)}" ` +
      `expires ${when}, at ${expiresAt}.`,
    '',
    'Applications that still use it will be refused from then on. To keep them working, roll the key',
    '(a replacement is created and the old key keeps working for the grace period you choose) and',
    'update the applications with the new key:',
    link,
    '',
    'You receive this because you are an Owner or Admin of the team.',
    '',
  ].join('\n');
  return { to: warning.to, subject: oneLine(`API key "${keyName}" of ${teamName} expires ${when}`), text };
}

/** The page of a team's keys: `<PUBLIC_URL>/teams/<teamId>/keys`. */
export function teamKeysLink(publicUrl: URL, teamId: string): string {
  return new URL(`/teams/${encodeURIComponent(teamId)}/keys`, publicUrl).href;
}
