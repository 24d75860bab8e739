import type { TeamRole } from '@portal/teams-domain';
import type { MailMessage } from '@portal/mail';

export interface InvitationEmail {
  readonly to: string;
  readonly teamName: string;
  readonly inviterName: string;
  readonly role: TeamRole;
  /** The inviter's personal message, shown as text. */
  readonly message: string;
  readonly link: string;
  readonly expiresAt: string;
}

const ROLE_NAMES: Readonly<Record<TeamRole, string>> = { owner: 'Owner', admin: 'Admin', member: 'Member' };

/** One line, no control characters: what goes into a header never breaks it. */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();

/**
 * The invitation as a plain-text email (no HTML part): the personal message is quoted as
 * typed, so nothing in it is ever interpreted as markup or links by us.
 */
export function invitationEmail(invitation: InvitationEmail): MailMessage {
  const { teamName, inviterName, role, message, link, expiresAt } = invitation;
  const personal =
    message.trim() === ''
      ? []
      : [`${oneLine(inviterName)} wrote:`, '', ...message.split(/\r?\n/).map((line) => `> ${line}`), ''];
  const text = [
    `${oneLine(inviterName)} invited you to join the team "${oneLine(teamName)}" on the Cr3dentials Partner Portal as ${ROLE_NAMES[role]}.`,
    '',
    ...personal,
    'To accept, open this link (sign up or sign in with this email address first if you need to):',
    link,
    '',
    `The link works once and expires at ${expiresAt}.`,
    'If you did not expect this invitation, you can ignore this email.',
    '',
  ].join('\n');
  return { to: invitation.to, subject: oneLine(`Join ${teamName} on the Cr3dentials Partner Portal`), text };
}

/** The link of an invitation email: `<PUBLIC_URL>/invitations/accept?token=…`. */
export function invitationLink(publicUrl: URL, token: string): string {
  const link = new URL('/invitations/accept', publicUrl);
  link.searchParams.set('token', token);
  return link.href;
}
