import { Controller, Header, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { OptionalBody } from '../shared/optional-body';
import { RevokeKeyDto } from './revoke-key.dto';

/** Revokes a key at once (Owners and Admins): the gateway refuses it from then on. */
@ApiTags('keys')
@Controller('api/v1/teams')
export class RevokeKeyHttp {
  constructor(private readonly changes: KeyChanges) {}

  @Post(':teamId/keys/:keyId/revoke')
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'Owners and Admins. Immediate: the gateway refuses the key from now on. The body is optional.',
  })
  @ApiUuidParams('teamId', 'keyId')
  @ApiBody({ type: RevokeKeyDto, required: false })
  @ApiOkResponse({ type: KeyAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409, 422)
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async revoke(
    @Param('teamId') teamId: string,
    @Param('keyId') keyId: string,
    @OptionalBody() body: RevokeKeyDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<KeyAnswer> {
    const { reason } = body;
    return this.changes.change({ teamId, keyId }, user, request, (acting) => ({
      type: 'RevokeApiKey',
      ...acting,
      ...(reason === undefined ? {} : { reason }),
    }));
  }
}
