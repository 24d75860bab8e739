import { Injectable } from '@nestjs/common';
import { type Algorithm, hash, type Options, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Algorithm is a const enum the package does not export at run time: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** Argon2id with OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane (~30 ms here). */
export const ARGON2_OPTIONS: Readonly<Options> = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes and checks passwords. The hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }

  /**
   * Spends the time of a real check when there is no account to check against, so that an
   * unknown email cannot be told from a wrong password by the answer's timing. Always false.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(32).toString('base64url'));
    await verify(await this.dummy, password);
    return false;
  }
}
