import nodemailer from 'nodemailer';
import type { RunningServer } from '../types';
import { startSmtpSink } from './smtp-sink';

describe('the SMTP sink', () => {
  let sink: RunningServer;
  let api: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = sink.env.SMTP_SINK_API ?? '';
  });

  afterAll(() => sink?.stop());

  const send = (options: { to: string; subject: string; text: string }) =>
    nodemailer.createTransport(sink.env.SMTP_URL ?? '').sendMail({ from: 'no-reply@portal.example', ...options });

  async function subjects(): Promise<string[]> {
    const response = await fetch(`${api}/messages`);
    return ((await response.json()) as { subject: string }[]).map((message) => message.subject);
  }

  it('listens on 127.0.0.1 only', () => {
    expect(sink.env.SMTP_URL).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('returns received messages newest last, and forgets them on DELETE', async () => {
    await send({ to: 'x@partner.example', subject: 'first', text: '1' });
    await send({ to: 'x@partner.example', subject: 'second', text: '2' });
    expect(await subjects()).toEqual(['first', 'second']);

    const deleted = await fetch(`${api}/messages`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await subjects()).toEqual([]);
  });

  it('rejects a message over 10 MB with SMTP code 552 and keeps nothing of it', async () => {
    const huge = 'x'.repeat(11 * 1024 * 1024);
    await expect(send({ to: 'x@partner.example', subject: 'huge', text: huge })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await subjects()).not.toContain('huge');
  });

  it('answers 404 outside /messages and 405 for other methods', async () => {
    expect((await fetch(`${api}/other`)).status).toBe(404);
    expect((await fetch(`${api}/messages`, { method: 'POST' })).status).toBe(405);
  });
});
