import { sourceNetworkOf } from './source-network';

describe('the network a key was last used from', () => {
  it('is the /24 of an IPv4 address', () => {
    expect(sourceNetworkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(sourceNetworkOf('10.0.0.1')).toBe('10.0.0.0/24');
  });

  it('is the /24 of an IPv4 address written as IPv6', () => {
    expect(sourceNetworkOf('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  });

  it('is the /48 of an IPv6 address, written short', () => {
    expect(sourceNetworkOf('2001:db8:1234:5678::1')).toBe('2001:db8:1234::/48');
    expect(sourceNetworkOf('2001:db8::abcd')).toBe('2001:db8::/48');
    expect(sourceNetworkOf('::1')).toBe('::/48');
    expect(sourceNetworkOf('2001:0:5::9')).toBe('2001:0:5::/48');
  });

  it('is null for what is not an address', () => {
    expect(sourceNetworkOf('')).toBeNull();
    expect(sourceNetworkOf('example.com')).toBeNull();
    expect(sourceNetworkOf('300.1.1.1')).toBeNull();
  });
});
