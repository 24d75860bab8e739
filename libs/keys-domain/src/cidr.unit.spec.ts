import { cidrContains, parseCidr, parseIp } from './cidr';

const ip = (text: string) => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`test address ${text} does not parse`);
  return parsed;
};
const block = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`test block ${text} does not parse`);
  return parsed;
};

describe('allowlist entries', () => {
  it.each([
    '203.0.113.7',
    '203.0.113.0/24',
    '0.0.0.0/0',
    '10.0.0.0/8',
    '255.255.255.255/32',
    '2001:db8::1',
    '2001:db8::/32',
    '::/0',
    '::1',
    '::',
    'fe80::/10',
    '2001:0db8:0000:0000:0000:0000:0000:0001/128',
    '::ffff:192.0.2.1',
    '64:ff9b::/96',
  ])('accepts %s', (entry) => {
    expect(parseCidr(entry)).not.toBeNull();
  });

  it.each([
    '',
    '203.0.113',
    '203.0.113.256',
    '203.0.113.07',
    '203.0.113.0/33',
    '203.0.113.0/',
    '203.0.113.0/-1',
    '203.0.113.0/24/1',
    '203.0.113.7/24',
    '2001:db8::1/32',
    '2001:db8::/129',
    '2001:db8:::1',
    '2001::db8::1',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'fe80::1%eth0',
    ':1::',
    'localhost',
    ' 10.0.0.0/8',
  ])('refuses %j', (entry) => {
    expect(parseCidr(entry)).toBeNull();
  });

  it('reads IPv6 with :: and an IPv4 tail into 16 bytes', () => {
    expect([...ip('2001:db8::1').bytes]).toEqual([0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1]);
    expect([...ip('::ffff:192.0.2.1').bytes].slice(10)).toEqual([0xff, 0xff, 192, 0, 2, 1]);
    expect(ip('::ffff:192.0.2.1').version).toBe(6);
  });

  it('a bare address is a single-host block', () => {
    expect(block('203.0.113.7').prefixLength).toBe(32);
    expect(block('2001:db8::1').prefixLength).toBe(128);
  });

  it('tells whether an address lies in a block', () => {
    expect(cidrContains(block('203.0.113.0/24'), ip('203.0.113.200'))).toBe(true);
    expect(cidrContains(block('203.0.113.0/24'), ip('203.0.114.1'))).toBe(false);
    expect(cidrContains(block('10.0.0.0/9'), ip('10.127.255.255'))).toBe(true);
    expect(cidrContains(block('10.0.0.0/9'), ip('10.128.0.0'))).toBe(false);
    expect(cidrContains(block('0.0.0.0/0'), ip('198.51.100.1'))).toBe(true);
    expect(cidrContains(block('2001:db8::/32'), ip('2001:db8:ffff::1'))).toBe(true);
    expect(cidrContains(block('2001:db8::/32'), ip('2001:db9::1'))).toBe(false);
    expect(cidrContains(block('203.0.113.7'), ip('203.0.113.7'))).toBe(true);
  });

  it('never matches across IP versions', () => {
    expect(cidrContains(block('::/0'), ip('203.0.113.7'))).toBe(false);
    expect(cidrContains(block('0.0.0.0/0'), ip('::1'))).toBe(false);
  });
});
