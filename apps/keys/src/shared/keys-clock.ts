import { Injectable } from '@nestjs/common';

/** The time the keys service decides by; one provider, so that tests can move it. */
@Injectable()
export class KeysClock {
  now(): Date {
    return new Date();
  }
}
