import nodemailer, { type Transporter } from 'nodemailer';
import { describeWithServer, serverAddress } from '../support/requires-server';
import { runId } from './run-id';

interface SinkMessage {
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

async function messagesTo(sinkApi: string, recipient: string): Promise<SinkMessage[]> {
  const response = await fetch(`${sinkApi}/messages`);
  expect(response.status).toBe(200);
  const messages = (await response.json()) as SinkMessage[];
  return messages.filter((message) => message.to.includes(recipient));
}

describeWithServer('smtp', 'mail through nodemailer to the SMTP sink', () => {
  const sinkApi = process.env.SMTP_SINK_API;
  const withSink = sinkApi ? it : it.skip;
  const id = runId();
  let transporter: Transporter;

  beforeAll(() => {
    transporter = nodemailer.createTransport(serverAddress('smtp') ?? '');
  });

  afterAll(() => transporter?.close());

  withSink('delivers a plain-text message whose subject, recipient and body read back', async () => {
    const recipient = `owner-${id}@partner.example`;
    await transporter.sendMail({
      from: 'Cr3dentials Portal <no-reply@portal.example>',
      to: recipient,
      subject: `Invitation to Acme – ${id}`,
      text: 'Grüße!\nYou are invited to join the team Acme.',
    });
    const [message, ...others] = await messagesTo(sinkApi ?? '', recipient);
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      from: 'no-reply@portal.example',
      to: [recipient],
      subject: `Invitation to Acme – ${id}`,
      text: 'Grüße!\nYou are invited to join the team Acme.',
    });
  });

  withSink('reads the plain-text part of a message that also has HTML', async () => {
    const recipient = `admin-${id}@partner.example`;
    await transporter.sendMail({
      from: 'no-reply@portal.example',
      to: recipient,
      subject: 'Your API key was revoked',
      text: 'Key ck_live_1234 was revoked.',
      html: '<p>Key <b>ck_live_1234</b> was revoked.</p>',
    });
    const [message] = await messagesTo(sinkApi ?? '', recipient);
    expect(message?.text).toBe('Key ck_live_1234 was revoked.');
    expect(message?.raw).toContain('text/html');
  });
});
