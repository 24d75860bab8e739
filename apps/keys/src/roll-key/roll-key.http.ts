import { Body, Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  ApiUuidParams,
  type AuthenticatedUser,
  CurrentUser,
  requestEventMetadata,
  SessionGuard,
} from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { CreatedKeyAnswer, KeyAnswer } from '../shared/key-answer';
import { keyIdOf, teamIdOf } from '../shared/key-ids';
import { KeyTeamAccess } from '../shared/key-team-access';
import { RollKeyDto } from './roll-key.dto';
import { RollKeyHandler } from './roll-key.handler';

/** A roll's answer: the replacement with its key (this once), and the old key as it now stands. */
export class RolledKeysAnswer extends CreatedKeyAnswer {
  @ApiProperty({
    type: () => KeyAnswer,
    description: 'The key rolled: revoked at once, or working until roll.graceEndsAt',
  })
  readonly rolledKey!: KeyAnswer;
}

/** Replaces a key with a new one (Owners and Admins); the old one stops at once or after a grace period. */
@ApiTags('keys')
@Controller('api/v1/teams')
export class RollKeyHttp {
  constructor(
    private readonly handler: RollKeyHandler,
    private readonly access: KeyTeamAccess,
  ) {}

  @Post(':teamId/keys/:keyId/roll')
  @ApiOperation({
    summary: 'Roll an API key',
    description:
      'Owners and Admins. Creates the replacement (same environment and limits; description and lifetime of ' +
      'the old key unless given) and answers its key in `secret`, shown this once. The old key is revoked ' +
      'at once (grace none) or when the grace period ends.',
  })
  @ApiUuidParams('teamId', 'keyId')
  @ApiCreatedResponse({ type: RolledKeysAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409, 422)
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async roll(
    @Param('teamId') teamIdParam: string,
    @Param('keyId') keyIdParam: string,
    @Body() body: RollKeyDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<RolledKeysAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const keyId = keyIdOf(keyIdParam);
    const role = await this.access.roleOf(teamId, user.userId);
    const roll = {
      teamId,
      keyId,
      name: body.name,
      grace: body.grace,
      ...(body.description === undefined ? {} : { description: body.description }),
      ...(body.expiration === undefined ? {} : { expiration: body.expiration }),
    };
    const metadata = requestEventMetadata(request, user.userId, teamId);
    const { replacement, rolled } = await this.handler.roll(roll, { userId: user.userId, role }, metadata);
    return { ...replacement, rolledKey: rolled };
  }
}
