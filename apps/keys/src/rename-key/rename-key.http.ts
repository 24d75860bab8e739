import { Body, Controller, Header, Param, Patch, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiSession,
  ApiUuidParams,
  type AuthenticatedUser,
  CurrentUser,
  RequestValidationError,
  SessionGuard,
} from '@portal/platform';
import type { FastifyRequest } from 'fastify';
import { KeyAnswer } from '../shared/key-answer';
import { KeyChanges } from '../shared/key-changes';
import { RenameKeyDto } from './rename-key.dto';

/** Renames a key or changes its description (Owners and Admins; not a revoked or expired key). */
@ApiTags('keys')
@Controller('api/v1/teams')
export class RenameKeyHttp {
  constructor(private readonly changes: KeyChanges) {}

  @Patch(':teamId/keys/:keyId')
  @ApiOperation({
    summary: 'Rename an API key',
    description: 'Owners and Admins: a new name, description or both. Not once the key is revoked or expired.',
  })
  @ApiUuidParams('teamId', 'keyId')
  @ApiOkResponse({ type: KeyAnswer })
  @ApiSession({ unsafe: true })
  @ApiProblems(400, 404, 409, 422)
  @Header('cache-control', 'no-store')
  @UseGuards(SessionGuard)
  async rename(
    @Param('teamId') teamId: string,
    @Param('keyId') keyId: string,
    @Body() body: RenameKeyDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<KeyAnswer> {
    if (body.name === undefined && body.description === undefined) {
      throw new RequestValidationError([{ field: 'name', message: 'name or description is required' }]);
    }
    const { name, description } = body;
    return this.changes.change({ teamId, keyId }, user, request, (acting) => ({
      type: 'RenameApiKey',
      ...acting,
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
    }));
  }
}
