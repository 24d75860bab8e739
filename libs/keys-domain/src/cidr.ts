/*
 * IP addresses and CIDR blocks, IPv4 and IPv6, for a key's allowlist: parsed in pure code.
 * An entry is an address (`203.0.113.7`, `2001:db8::1`) or a block (`203.0.113.0/24`,
 * `2001:db8::/32`). A block whose host bits are set (`203.0.113.7/24`) is refused, since the
 * writer's intent (that one host, or the whole network) is unclear.
 */

export interface IpAddress {
  readonly version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  readonly bytes: Uint8Array;
}

export interface CidrBlock extends IpAddress {
  readonly prefixLength: number;
}

const DECIMAL = /^(0|[1-9]\d{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

export function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => DECIMAL.test(part) && Number(part) <= 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

const wordsOfIpv4 = ([a = 0, b = 0, c = 0, d = 0]: Uint8Array): number[] => [(a << 8) | b, (c << 8) | d];

/** Hextets of one side of `::` (an IPv4 tail counts as two); null if one is not valid. */
function hextets(side: string, mayEndInIpv4: boolean): number[] | null {
  if (side === '') return [];
  const groups = side.split(':');
  const last = groups[groups.length - 1] ?? '';
  const tail = mayEndInIpv4 && last.includes('.') ? parseIpv4(last) : undefined;
  if (tail === null) return null;
  const heads = tail ? groups.slice(0, -1) : groups;
  if (!heads.every((group) => HEXTET.test(group))) return null;
  const values = heads.map((group) => parseInt(group, 16));
  return tail ? [...values, ...wordsOfIpv4(tail)] : values;
}

export function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = hextets(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? hextets(halves[1] ?? '', true) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return Uint8Array.from(words.flatMap((word) => [word >> 8, word & 0xff]));
}

export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const bytes = parseIpv6(text);
    return bytes && { version: 6, bytes };
  }
  const bytes = parseIpv4(text);
  return bytes && { version: 4, bytes };
}

const bitAt = (bytes: Uint8Array, bit: number): number => ((bytes[Math.floor(bit / 8)] ?? 0) >> (7 - (bit % 8))) & 1;

/** Whether every bit after the first `prefixLength` is zero: the address is the network's own. */
function hostBitsClear(bytes: Uint8Array, prefixLength: number): boolean {
  for (let bit = prefixLength; bit < bytes.length * 8; bit += 1) {
    if (bitAt(bytes, bit) !== 0) return false;
  }
  return true;
}

/** Whether `bytes` agree with `network` on the first `prefixLength` bits. */
function samePrefix(bytes: Uint8Array, network: Uint8Array, prefixLength: number): boolean {
  for (let bit = 0; bit < prefixLength; bit += 1) {
    if (bitAt(bytes, bit) !== bitAt(network, bit)) return false;
  }
  return true;
}

/** An allowlist entry as a block (a bare address is a /32 or /128), or null when it is not one. */
export function parseCidr(text: string): CidrBlock | null {
  const [address = '', length, ...extra] = text.split('/');
  const ip = parseIp(address);
  if (ip === null || extra.length > 0) return null;
  const bits = ip.bytes.length * 8;
  if (length === undefined) return { ...ip, prefixLength: bits };
  if (!DECIMAL.test(length) || Number(length) > bits) return null;
  const prefixLength = Number(length);
  return hostBitsClear(ip.bytes, prefixLength) ? { ...ip, prefixLength } : null;
}

/** Whether `address` lies in `block` (an IPv4 address never lies in an IPv6 block, nor the reverse). */
export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  return block.version === address.version && samePrefix(address.bytes, block.bytes, block.prefixLength);
}
