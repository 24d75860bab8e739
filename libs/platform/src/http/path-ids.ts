import { DomainError } from '@portal/event-sourcing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A checker of one kind of id taken from a path. Ids are UUIDs; anything else names nothing and
 * answers as an unknown id would (404 with the resource's NOT_FOUND code and message), so a
 * path never reaches a stream name unchecked.
 */
export function pathIdOf(notFoundCode: string, message: string): (id: string) => string {
  return (id: string): string => {
    if (!UUID.test(id)) throw new DomainError(notFoundCode, message);
    return id;
  };
}
