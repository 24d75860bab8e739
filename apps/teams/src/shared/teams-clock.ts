import { Injectable } from '@nestjs/common';

/** The time the teams service decides by; one provider, so that tests can move it. */
@Injectable()
export class TeamsClock {
  now(): Date {
    return new Date();
  }
}
