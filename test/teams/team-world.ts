import type { TeamRole } from '@portal/teams-domain';
import { type Answer, eventually, type Person, type TeamsTestApp } from './teams-test-app';

export interface MailboxMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** The token of the first invitation link in an email's text. */
export function tokenOf(text: string): string {
  const match = /\/invitations\/accept\?token=([A-Za-z0-9_-]{43})/.exec(text);
  if (match?.[1] === undefined) throw new Error('no invitation link in the email');
  return match[1];
}

/** The newest dev-mailbox message to `email`, once it is there. */
export function newestMailTo(app: TeamsTestApp, email: string, after = 0): Promise<MailboxMessage> {
  return eventually(async () => {
    const answer = await app.call('/api/v1/dev/mailbox');
    const messages = (answer.body.messages ?? []) as MailboxMessage[];
    const to = messages.filter((message) => message.to === email);
    return to.length > after ? to[0] : undefined;
  });
}

/** Waits until the read models show `person` in the team, and answers the overview. */
export function overviewOnceMember(app: TeamsTestApp, person: Person, teamId: string): Promise<Answer> {
  return eventually(async () => {
    const answer = await app.as(person, `/api/v1/teams/${teamId}`);
    return answer.status === 200 ? answer : undefined;
  });
}

export async function createTeam(app: TeamsTestApp, owner: Person, name = 'Acme Payments'): Promise<string> {
  const answer = await app.as(owner, '/api/v1/teams', { body: { name, description: 'Our payments team' } });
  if (answer.status !== 201) throw new Error(`create team answered ${answer.status}: ${answer.text}`);
  const teamId = String(answer.body.teamId);
  await overviewOnceMember(app, owner, teamId);
  return teamId;
}

/** Invites a new person with `role`, and has them accept through the emailed link. */
export async function join(app: TeamsTestApp, teamId: string, by: Person, role: TeamRole, name: string) {
  const person = await app.signUpAndIn(name);
  const invited = await app.as(by, `/api/v1/teams/${teamId}/invitations`, { body: { email: person.email, role } });
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}: ${invited.text}`);
  const token = tokenOf((await newestMailTo(app, person.email)).text);
  await acceptOnceVisible(app, person, token);
  await overviewOnceMember(app, person, teamId);
  return person;
}

/** Accepts once the invitation has reached the read model that finds tokens. */
export function acceptOnceVisible(app: TeamsTestApp, person: Person, token: string): Promise<Answer> {
  return eventually(async () => {
    const answer = await app.as(person, '/api/v1/invitations/accept', { body: { token } });
    return answer.status === 404 ? undefined : answer;
  });
}

/** A team with an Owner, an Admin and a Member, plus a signed-in stranger. */
export async function teamOfThree(app: TeamsTestApp) {
  const owner = await app.signUpAndIn('Olivia Owner');
  const teamId = await createTeam(app, owner);
  const admin = await join(app, teamId, owner, 'admin', 'Adam Admin');
  const member = await join(app, teamId, owner, 'member', 'Mia Member');
  const stranger = await app.signUpAndIn('Sam Stranger');
  return { teamId, owner, admin, member, stranger };
}
