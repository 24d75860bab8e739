import { uuidv7, type EventMetadata, type NewEvent } from '@portal/event-sourcing';

/** A typical metadata block: every field set. */
export const benchMetadata: EventMetadata = {
  actorId: '0190c7a4-1b2c-7d3e-8f40-123456789abc',
  actorKind: 'user',
  teamId: '0190c7a4-1b2c-7d3e-8f40-cba987654321',
  correlationId: '0190c7a4-1b2c-7d3e-8f40-000000000001',
  causationId: '0190c7a4-1b2c-7d3e-8f40-000000000002',
  sourceIp: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) bench',
};

/** A typical event payload, about 200 bytes of JSON. */
export const benchData = {
  keyId: '0190c7a4-1b2c-7d3e-8f40-0000000000aa',
  name: 'Production key for the billing service',
  environment: 'production',
  hint: 'cr3_live_…a1b2',
  expiresAt: '2026-01-01T00:00:00.000Z',
  scopes: ['credentials:read', 'credentials:verify'],
};

export const benchEvent = (n: number): NewEvent => ({
  id: uuidv7(),
  type: 'ApiKeyCreated',
  data: { ...benchData, n },
  metadata: benchMetadata,
});
