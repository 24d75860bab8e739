import { invitationEmail, invitationLink } from './invitation-email';

describe('the invitation email', () => {
  const base = {
    to: 'ivy@example.test',
    teamName: 'Acme\r\nBcc: victim@example.test',
    inviterName: 'Olivia',
    role: 'admin' as const,
    message: 'Hi <b>there</b>\nsecond line',
    link: invitationLink(new URL('https://portal.example.com/base/'), 'T'.repeat(43)),
    expiresAt: '2026-11-27T10:00:00.000Z',
  };

  it('is plain text quoting the personal message as typed, with the link', () => {
    const mail = invitationEmail(base);
    expect(mail).not.toHaveProperty('html');
    expect(mail.text).toContain('> Hi <b>there</b>\n> second line');
    expect(mail.text).toContain(`https://portal.example.com/invitations/accept?token=${'T'.repeat(43)}`);
    expect(mail.text).toContain('as Admin');
  });

  it('keeps a team name with line breaks on one line of the subject', () => {
    expect(invitationEmail(base).subject).toBe('Join Acme Bcc: victim@example.test on the Cr3dentials Partner Portal');
  });

  it('leaves the personal-message block out when there is none', () => {
    expect(invitationEmail({ ...base, message: '  ' }).text).not.toContain('wrote:');
  });
});
