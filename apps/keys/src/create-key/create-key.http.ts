import { Body, Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  ApiUuidParams,
  type AuthenticatedUser,
  CurrentUser,
  requestEventMetadata,
  SessionGuard,
} from '@portal/platform';
import { expiresAtFor } from '@portal/keys-domain';
import type { FastifyRequest } from 'fastify';
import { CreatedKeyAnswer } from '../shared/key-answer';
import { teamIdOf } from '../shared/key-ids';
import { KeyTeamAccess } from '../shared/key-team-access';
import { CreateKeyDto } from './create-key.dto';
import { CreateKeyHandler } from './create-key.handler';

/** Creates an API key (Owners and Admins); the answer carries the key itself, this once. */
@ApiTags('keys')
@Controller('api/v1/teams')
export class CreateKeyHttp {
  constructor(
    private readonly handler: CreateKeyHandler,
    private readonly access: KeyTeamAccess,
  ) {}

  @Post(':teamId/keys')
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'Owners and Admins. The answer holds the key in `secret`: shown this once, never again; ' +
      'only its hash is kept.',
  })
  @ApiUuidParams('teamId')
  @ApiCreatedResponse({ type: CreatedKeyAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404)
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async create(
    @Param('teamId') teamIdParam: string,
    @Body() body: CreateKeyDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<CreatedKeyAnswer> {
    const teamId = teamIdOf(teamIdParam);
    const role = await this.access.roleOf(teamId, user.userId);
    const key = {
      teamId,
      name: body.name,
      description: body.description ?? '',
      environment: body.environment,
      expiry: (now: string) => expiresAtFor(body.expiration, now),
      limits: body.limits ?? {},
    };
    return this.handler.create(key, { userId: user.userId, role }, requestEventMetadata(request, user.userId, teamId));
  }
}
