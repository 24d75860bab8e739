import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.handler';
import { AcceptInvitationHttp } from './accept-invitation/accept-invitation.http';
import { ChangeMemberRoleHttp } from './change-member-role/change-member-role.http';
import { CreateTeamHttp } from './create-team/create-team.http';
import { InvitationLookup } from './invitations/invitation-lookup';
import { InvitationSender } from './invitations/invitation-sender';
import { InviteMemberHandler } from './invite-member/invite-member.handler';
import { InviteMemberHttp } from './invite-member/invite-member.http';
import { LeaveTeamHttp } from './leave-team/leave-team.http';
import { ListTeamsHttp } from './list-teams/list-teams.http';
import { ListTeamsQuery } from './list-teams/list-teams.query';
import { MailModule } from '@portal/mail';
import { RemoveMemberHttp } from './remove-member/remove-member.http';
import { ResendInvitationHandler } from './resend-invitation/resend-invitation.handler';
import { ResendInvitationHttp } from './resend-invitation/resend-invitation.http';
import { RevokeInvitationHttp } from './revoke-invitation/revoke-invitation.http';
import { TeamCommands } from './shared/team-commands';
import { TeamMembership } from './shared/team-membership';
import { TeamsClock } from './shared/teams-clock';
import { TeamOverviewHttp } from './team-overview/team-overview.http';
import { TeamOverviewQuery } from './team-overview/team-overview.query';
import { TransferOwnershipHttp } from './transfer-ownership/transfer-ownership.http';
import { UpdateTeamHttp } from './update-team/update-team.http';
import { ViewInvitationHttp } from './view-invitation/view-invitation.http';
import { ViewInvitationQuery } from './view-invitation/view-invitation.query';

/**
 * The teams service: teams, members, roles and invitations, under /api/v1/teams and
 * /api/v1/invitations. Routes are guarded by SessionGuard, whose SESSION_AUTHENTICATOR is
 * bound by IdentityModule in the portal or by RemoteSessionModule when teams runs alone.
 */
@Module({})
export class TeamsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: TeamsModule,
      imports: [MailModule.forRoot(config)],
      controllers: [
        CreateTeamHttp,
        ListTeamsHttp,
        TeamOverviewHttp,
        UpdateTeamHttp,
        InviteMemberHttp,
        ResendInvitationHttp,
        RevokeInvitationHttp,
        ViewInvitationHttp,
        AcceptInvitationHttp,
        ChangeMemberRoleHttp,
        RemoveMemberHttp,
        LeaveTeamHttp,
        TransferOwnershipHttp,
      ],
      providers: [
        TeamsClock,
        TeamCommands,
        TeamMembership,
        ListTeamsQuery,
        TeamOverviewQuery,
        InvitationLookup,
        InvitationSender,
        InviteMemberHandler,
        ResendInvitationHandler,
        ViewInvitationQuery,
        AcceptInvitationHandler,
      ],
    };
  }
}
