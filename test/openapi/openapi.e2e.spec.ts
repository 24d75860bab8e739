import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { TeamsTestApp } from '../teams/teams-test-app';

interface Schema {
  readonly type?: string;
  readonly format?: string;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly enum?: readonly string[];
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}

interface Operation {
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly required?: boolean }[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema: Schema }>> };
  readonly responses: Readonly<Record<string, { readonly content?: Readonly<Record<string, { schema: Schema }>> }>>;
}

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, Schema>>;
    readonly securitySchemes: Readonly<Record<string, { type: string; in: string; name: string }>>;
  };
}

const PROBLEM_REF = '#/components/schemas/ProblemDetails';
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** `METHOD /path/{param}` for every route Nest registered from the application's controllers. */
function registeredRoutes(app: TeamsTestApp): string[] {
  const routes = new Set<string>();
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (controller === null) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) {
          continue;
        }
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
        const own = String(Reflect.getMetadata(PATH_METADATA, handler));
        const path = `/${[base, own].filter((part) => part !== '' && part !== '/').join('/')}`.replace(
          /:(\w+)/g,
          '{$1}',
        );
        routes.add(`${method} ${path}`);
      }
    }
  }
  return [...routes].sort();
}

describe('the OpenAPI document and its reference', () => {
  let app: TeamsTestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    app = await TeamsTestApp.start();
    const answer = await app.call('/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    document = answer.body as unknown as OpenApiDocument;
  });

  afterAll(async () => {
    await app.stop();
  });

  const operations = (): [string, Operation][] =>
    Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, byMethod]) =>
        Object.entries(byMethod).map(([method, op]): [string, Operation] => [`${method} ${path}`, op]),
      );
  const schema = (name: string): Schema => document.components.schemas[name] ?? {};
  const bodySchemaOf = (method: string, path: string): Schema => {
    const ref = document.paths[path]?.[method]?.requestBody?.content['application/json']?.schema.$ref ?? '';
    return schema(ref.replace('#/components/schemas/', ''));
  };

  it('is an OpenAPI 3 document of the portal API', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Cr3dentials Partner Portal API');
    expect(document.info.version).not.toBe('');
  });

  it('has every route of the API with its methods', () => {
    const expected = registeredRoutes(app).filter((route) => route.includes(' /api/v1/'));
    expect(expected).toEqual(
      expect.arrayContaining([
        'post /api/v1/auth/sign-up',
        'post /api/v1/auth/sign-in',
        'get /api/v1/auth/me',
        'post /api/v1/teams',
        'patch /api/v1/teams/{teamId}/members/{userId}',
        'get /api/v1/invitations/{token}',
      ]),
    );
    expect(
      operations()
        .map(([route]) => route)
        .sort(),
    ).toEqual(expected);
  });

  it('tags, summarises and answers every operation, errors as problem+json', () => {
    for (const [route, op] of operations()) {
      expect({ route, tags: op.tags?.length ?? 0 }).toEqual({ route, tags: 1 });
      expect({ route, summary: typeof op.summary }).toEqual({ route, summary: 'string' });
      const statuses = Object.keys(op.responses);
      expect({ route, success: statuses.some((status) => /^2\d\d$/.test(status)) }).toEqual({ route, success: true });
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const content = op.responses[status]?.content ?? {};
        expect({ route, status, types: Object.keys(content) }).toEqual({
          route,
          status,
          types: ['application/problem+json'],
        });
        expect(content['application/problem+json']?.schema.$ref).toBe(PROBLEM_REF);
      }
    }
  });

  it('describes the problem body with its fields', () => {
    const problem = schema('ProblemDetails');
    expect(problem.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'requestId']),
    );
    expect(problem.properties?.errors).toBeDefined();
  });

  it('documents the session cookie and the CSRF token on every unsafe method behind a session', () => {
    expect(document.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'portal_session',
    });
    expect(document.components.securitySchemes.csrf).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
    });
    for (const [route, op] of operations()) {
      if (op.security === undefined) continue;
      const method = route.split(' ')[0] ?? '';
      const expected = UNSAFE.has(method) ? { session: [], csrf: [] } : { session: [] };
      expect({ route, security: op.security }).toEqual({ route, security: [expected] });
      expect(Object.keys(op.responses)).toContain('401');
    }
    expect(document.paths['/api/v1/teams']?.post?.security).toBeDefined();
    expect(document.paths['/api/v1/invitations/{token}']?.get?.security).toBeUndefined();
  });

  it('asks for x-requested-with on sign-up and sign-in', () => {
    for (const path of ['/api/v1/auth/sign-up', '/api/v1/auth/sign-in']) {
      const header = document.paths[path]?.post?.parameters?.find((p) => p.name === 'x-requested-with');
      expect(header).toMatchObject({ in: 'header', required: true });
    }
  });

  it('gives each body field its type and constraints', () => {
    const signUp = bodySchemaOf('post', '/api/v1/auth/sign-up');
    expect(signUp.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(signUp.properties?.email).toMatchObject({ type: 'string', format: 'email', maxLength: 254 });
    expect(signUp.properties?.password).toMatchObject({ type: 'string', minLength: 8, maxLength: 128 });
    expect(signUp.properties?.displayName).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });

    const signIn = bodySchemaOf('post', '/api/v1/auth/sign-in');
    expect(signIn.properties?.email).toMatchObject({ format: 'email' });

    const create = bodySchemaOf('post', '/api/v1/teams');
    expect(create.required).toEqual(['name']);
    expect(create.properties?.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(create.properties?.description).toMatchObject({ type: 'string', maxLength: 500 });

    const update = bodySchemaOf('patch', '/api/v1/teams/{teamId}');
    expect(update.required ?? []).toEqual([]);
    expect(update.properties?.name).toMatchObject({ maxLength: 100 });

    const invite = bodySchemaOf('post', '/api/v1/teams/{teamId}/invitations');
    expect(invite.properties?.email).toMatchObject({ format: 'email', maxLength: 254 });
    expect(invite.properties?.role?.enum).toEqual(['owner', 'admin', 'member']);
    expect(invite.properties?.message).toMatchObject({ maxLength: 500 });

    const role = bodySchemaOf('patch', '/api/v1/teams/{teamId}/members/{userId}');
    expect(role.properties?.role?.enum).toEqual(['owner', 'admin', 'member']);

    const transfer = bodySchemaOf('post', '/api/v1/teams/{teamId}/transfer-ownership');
    expect(transfer.properties?.userId).toMatchObject({ type: 'string', format: 'uuid' });

    const accept = bodySchemaOf('post', '/api/v1/invitations/accept');
    expect(accept.properties?.token).toMatchObject({ minLength: 43, maxLength: 43 });
  });

  it('describes what the endpoints answer', () => {
    const okOf = (method: string, path: string, status: string): string | undefined =>
      document.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema.$ref;
    expect(okOf('post', '/api/v1/auth/sign-in', '200')).toBe('#/components/schemas/SessionAnswer');
    expect(okOf('post', '/api/v1/teams', '201')).toBe('#/components/schemas/TeamAnswer');
    expect(okOf('get', '/api/v1/teams/{teamId}', '200')).toBe('#/components/schemas/TeamOverview');
    expect(schema('SessionAnswer').properties?.csrfToken).toMatchObject({ type: 'string' });
    expect(schema('TeamOverview').properties?.members).toMatchObject({ type: 'array' });
  });

  /** A GET whose answer is not JSON. */
  const fetchText = async (url: string): Promise<{ status: number; type: string; text: string }> => {
    const response = await app.app.inject({ method: 'GET', url });
    return { status: response.statusCode, type: String(response.headers['content-type']), text: response.body };
  };

  it('serves the reference at /docs, its scripts and styles from this server', async () => {
    const page = await fetchText('/docs');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.filter((asset) => /\.(js|css)$/.test(asset)).length).toBeGreaterThanOrEqual(3);
    expect(assets.filter((asset) => /^(https?:)?\/\//.test(asset))).toEqual([]);
    for (const asset of assets.filter((a) => /\.(js|css|png)$/.test(a))) {
      // Resolved as a browser resolves it against the page's address.
      const { status } = await fetchText(new URL(asset, 'http://portal.test/docs').pathname);
      expect({ asset, status }).toEqual({ asset, status: 200 });
    }
    const init = await fetchText('/docs/swagger-ui-init.js');
    expect(init.text).toContain('Cr3dentials Partner Portal API');
  });

  it('keeps the health route', async () => {
    expect((await app.call('/health')).status).toBe(200);
  });
});
