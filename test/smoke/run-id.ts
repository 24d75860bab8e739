import { randomBytes } from 'node:crypto';

/**
 * A name part unique to this test run (lower-case letters, digits and underscores), so that
 * reruns and servers shared with other runs never see each other's topics, tables or mail.
 */
export function runId(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}
