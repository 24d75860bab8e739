import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { parseMail } from './mail-parse';

async function compose(options: Mail.Options): Promise<string> {
  const raw = await new MailComposer({ from: 'a@portal.example', to: 'b@partner.example', ...options })
    .compile()
    .build();
  return raw.toString('utf8');
}

describe('parseMail', () => {
  it('reads a non-ASCII subject and a quoted-printable body as nodemailer writes them', async () => {
    const text = `Grüße aus Köln – ${'a long line that must be wrapped by quoted-printable encoding '.repeat(3)}\nsecond line`;
    const parsed = parseMail(await compose({ subject: 'Einladung für Ünal ✓', text }));
    expect(parsed).toEqual({ subject: 'Einladung für Ünal ✓', text });
  });

  it('reads the text/plain part of a message with HTML and an attachment', async () => {
    const raw = await compose({
      subject: 'Report',
      text: 'See the attached report.',
      html: '<p>See the attached <b>report</b>.</p>',
      attachments: [{ filename: 'report.csv', content: 'key,calls\nck_1,3\n' }],
    });
    expect(raw).toContain('multipart/mixed');
    expect(parseMail(raw)).toEqual({ subject: 'Report', text: 'See the attached report.' });
  });

  it('decodes a base64 body in the declared charset and Q-encoded subject words', () => {
    const body = Buffer.from('Café crème', 'latin1').toString('base64');
    const raw = [
      'Subject: =?iso-8859-1?Q?Caf=E9_cr=E8me?= =?utf-8?B?4pyT?=',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '',
    ].join('\r\n');
    expect(parseMail(raw)).toEqual({ subject: 'Café crème✓', text: 'Café crème' });
  });

  it('gives an empty text for a message with no text/plain part', async () => {
    const parsed = parseMail(await compose({ subject: 'Only HTML', html: '<p>hello</p>' }));
    expect(parsed).toEqual({ subject: 'Only HTML', text: '' });
  });
});
