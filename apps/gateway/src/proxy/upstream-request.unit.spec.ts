import { basePathOf, hasBody, responseHeadersOf, upstreamHeadersOf, upstreamPathOf } from './upstream-request';

describe('upstreamPathOf', () => {
  it.each([
    ['http://api.test', '/v1/a?b=1', '/v1/a?b=1'],
    ['http://api.test/', '/v1/a', '/v1/a'],
    ['http://api.test/base/', '/v1/a/b?c=%20d', '/base/v1/a/b?c=%20d'],
    ['http://api.test/base', '/v1/', '/base/v1/'],
  ])('joins %s and %s into %s', (upstream, url, expected) => {
    expect(upstreamPathOf(basePathOf(new URL(upstream)), url)).toBe(expected);
  });

  it.each(['/v1/../x', '/v1/./x', '/v1/%2E%2e/x', '/v1/.%2e/x', '/v1/a\\b', '/v1/a%5Cb'])('refuses %s', (url) => {
    expect(upstreamPathOf('', url)).toBeNull();
  });

  it.each(['/v1/..', '/v1/a/.', '/v1/%2e', '/v1/a%5c', '/v1/%2E%2E?x=1'])(
    'refuses %s at the end of the path',
    (url) => {
      expect(upstreamPathOf('', url)).toBeNull();
    },
  );

  it('keeps dots inside a segment and in the query', () => {
    expect(upstreamPathOf('', '/v1/file.v2..txt?path=../x')).toBe('/v1/file.v2..txt?path=../x');
  });
});

describe('upstreamHeadersOf', () => {
  const call = { keyId: 'key-1', teamId: 'team-1', requestId: 'req-1' };

  it('drops the key, hop-by-hop headers, those the Connection header names, Host and forged gateway headers', () => {
    const headers = upstreamHeadersOf(
      {
        authorization: 'Bearer secret',
        'x-api-key': 'secret',
        connection: 'keep-alive, x-hop',
        'x-hop': '1',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        host: 'gateway.test',
        'x-cr3-team-id': 'forged',
        'x-cr3-anything': 'forged',
        'x-request-id': 'theirs',
        accept: 'application/json',
        'content-length': '12',
      },
      call,
    );

    expect(headers).toEqual({
      accept: 'application/json',
      'content-length': '12',
      'x-cr3-key-id': 'key-1',
      'x-cr3-team-id': 'team-1',
      'x-request-id': 'req-1',
    });
  });
});

describe('responseHeadersOf and hasBody', () => {
  it("drops hop-by-hop headers of the upstream's answer and its request id", () => {
    expect(
      responseHeadersOf({
        'content-type': 'text/plain',
        connection: 'close',
        'x-request-id': 'u',
        'set-cookie': ['a', 'b'],
      }),
    ).toEqual({ 'content-type': 'text/plain', 'set-cookie': ['a', 'b'] });
  });

  it('tells a call with a body', () => {
    expect(hasBody({ 'content-length': '3' })).toBe(true);
    expect(hasBody({ 'transfer-encoding': 'chunked' })).toBe(true);
    expect(hasBody({ 'content-length': '0' })).toBe(false);
    expect(hasBody({})).toBe(false);
  });
});
