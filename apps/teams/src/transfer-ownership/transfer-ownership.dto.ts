import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** POST /api/v1/teams/:teamId/transfer-ownership */
export class TransferOwnershipDto {
  /** The member who becomes Owner; the caller stays as an Admin. */
  @ApiProperty({
    type: String,
    format: 'uuid',
    description: 'The member who becomes Owner; the caller stays as an Admin',
    example: '0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d',
  })
  @IsUUID('all', { message: 'userId must be a user id' })
  readonly userId!: string;
}
