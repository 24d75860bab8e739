import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { type AuthenticatedUser, SERVICE_CONFIG } from '@portal/platform';
import type { ActiveTeam, Invitation } from '@portal/teams-domain';
import { MAILER, type Mailer, MailUnavailableError } from '@portal/mail';
import { invitationEmail, invitationLink } from './invitation-email';

/**
 * Emails an invitation's link, after the invitation has been recorded. When the mail server
 * refuses, the invitation stays as recorded and the caller gets MAIL.UNAVAILABLE (502), which
 * says to re-send it. The token appears only in the email, never in the error or the log.
 */
@Injectable()
export class InvitationSender {
  private readonly logger = new Logger('Invitations');

  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async send(team: ActiveTeam, invitation: Invitation, inviter: AuthenticatedUser, token: string, message: string) {
    const mail = invitationEmail({
      to: invitation.email,
      teamName: team.name,
      inviterName: inviter.displayName,
      role: invitation.role,
      message,
      link: invitationLink(this.config.PUBLIC_URL, token),
      expiresAt: invitation.expiresAt,
    });
    try {
      await this.mailer.send(mail);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`invitation ${invitation.invitationId} of team ${team.teamId} not emailed: ${reason}`);
      throw new MailUnavailableError(
        `The invitation was recorded but its email could not be sent; re-send invitation ${invitation.invitationId}`,
        { invitationId: invitation.invitationId },
        error,
      );
    }
  }
}
