import { parseIp } from '@portal/keys-domain';

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** IPv6 text of 8 hextets, the longest run of two or more zero hextets written `::` (RFC 5952). */
function ipv6Text(words: readonly number[]): string {
  let best = { at: -1, length: 0 };
  for (let at = 0; at < words.length;) {
    let length = 0;
    while (words[at + length] === 0) length += 1;
    if (length > best.length) best = { at, length };
    at += Math.max(length, 1);
  }
  const hex = words.map((word) => word.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`;
}

/**
 * The network a caller's address belongs to, as the dashboard shows it: the IPv4 /24 or the
 * IPv6 /48, in CIDR text (`203.0.113.0/24`, `2001:db8:1::/48`). An IPv4 address written as
 * IPv6 (`::ffff:203.0.113.7`) counts as IPv4. null when the text is not an address.
 */
export function sourceNetworkOf(address: string): string | null {
  const ip = parseIp(address);
  if (ip === null) return null;
  const bytes = [...ip.bytes];
  const mapped = ip.version === 6 && IPV4_MAPPED_PREFIX.every((byte, index) => bytes[index] === byte);
  if (ip.version === 4 || mapped) {
    const [a, b, c] = bytes.slice(-4);
    return `${a}.${b}.${c}.0/24`;
  }
  const words = [0, 1, 2].map((index) => ((bytes[2 * index] ?? 0) << 8) | (bytes[2 * index + 1] ?? 0));
  return `${ipv6Text([...words, 0, 0, 0, 0, 0])}/48`;
}
