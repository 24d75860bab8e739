import { IsUUID } from 'class-validator';

/** POST /api/v1/teams/:teamId/transfer-ownership */
export class TransferOwnershipDto {
  /** The member who becomes Owner; the caller stays as an Admin. */
  @IsUUID('all', { message: 'userId must be a user id' })
  readonly userId!: string;
}
