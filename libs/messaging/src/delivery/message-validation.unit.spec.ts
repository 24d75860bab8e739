import { thrownBy } from '../contract/bus-fixtures.contract';
import type { OutgoingMessage } from '../bus.port';
import { encodeMessages } from './message-validation';

describe('outgoing message validation', () => {
  it('encodes string values as UTF-8 and defaults headers to none', () => {
    const [encoded] = encodeMessages([{ key: 'k', value: 'é' }]);
    expect(encoded).toEqual({ key: 'k', value: Buffer.from([0xc3, 0xa9]), headers: {} });
  });

  it.each([
    ['an empty key', { key: '', value: 'v' }],
    ['a missing key', { value: 'v' }],
    ['a number value', { key: 'k', value: 1 }],
    ['a missing value', { key: 'k' }],
    ['a non-string header', { key: 'k', value: 'v', headers: { a: 1 } }],
    ['an empty header name', { key: 'k', value: 'v', headers: { '': 'x' } }],
    ['headers as an array', { key: 'k', value: 'v', headers: ['a'] }],
  ])('refuses %s with BUS.INVALID_MESSAGE naming its index', (_, bad) => {
    const batch = [{ key: 'ok', value: 'ok' }, bad] as unknown as OutgoingMessage[];
    expect(thrownBy(() => encodeMessages(batch))).toMatchObject({ code: 'BUS.INVALID_MESSAGE', details: { index: 1 } });
  });
});
