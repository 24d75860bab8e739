import { Body, Controller, Header, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  ApiUuidParams,
  type AuthenticatedUser,
  CurrentUser,
  SessionGuard,
} from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { KeyAnswer } from '../shared/key-answer';
import { KeyChanges } from '../shared/key-changes';
import { LimitsBody } from '../shared/key-fields';

/** Replaces a key's usage limits (Owners and Admins); `{}` removes them all. */
@ApiTags('keys')
@Controller('api/v1/teams')
export class ChangeKeyLimitsHttp {
  constructor(private readonly changes: KeyChanges) {}

  @Put(':teamId/keys/:keyId/limits')
  @ApiOperation({
    summary: "Set an API key's limits",
    description:
      'Owners and Admins. The body is the complete new set: a limit left out is removed, `{}` removes them all.',
  })
  @ApiUuidParams('teamId', 'keyId')
  @ApiOkResponse({ type: KeyAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409, 422)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async change(
    @Param('teamId') teamId: string,
    @Param('keyId') keyId: string,
    @Body() body: LimitsBody,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<KeyAnswer> {
    return this.changes.change({ teamId, keyId }, user, request, (acting) => ({
      type: 'ChangeApiKeyLimits',
      ...acting,
      limits: body,
    }));
  }
}
