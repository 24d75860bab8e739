import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { repoRoot } from '../repo-root';
import { CSRF_SCHEME, SESSION_SCHEME } from './openapi';

export const OPENAPI_TITLE = 'Cr3dentials Partner Portal API';
export const OPENAPI_JSON_PATH = 'openapi.json';
export const OPENAPI_UI_PATH = 'docs';

const SESSION_COOKIE = 'portal_session';
const CSRF_HEADER = 'x-csrf-token';

/** The portal's version, from the root package.json; "1" when it cannot be read. */
function portalVersion(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8'));
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : '1';
  } catch {
    return '1'; // no package.json beside the code: the document still has a version
  }
}

/**
 * Serves the OpenAPI document of the application's own routes at `GET /openapi.json` and the
 * Swagger UI at `/docs`, its assets served from this process (no CDN). Call it once the app
 * is created and before it is initialised: every module's controllers are then known, and
 * the routes are added before Fastify is ready.
 */
export function serveOpenApi(app: NestFastifyApplication, service: string): void {
  const config = new DocumentBuilder()
    .setTitle(OPENAPI_TITLE)
    .setDescription(
      `The HTTP API of the ${service} service. JSON in and out; every error is application/problem+json. ` +
        `Sign in sets the ${SESSION_COOKIE} cookie; POST, PUT, PATCH and DELETE also need ${CSRF_HEADER}.`,
    )
    .setVersion(portalVersion())
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_SCHEME)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The csrfToken that sign-in and /me return' },
      CSRF_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: OPENAPI_TITLE,
    swaggerOptions: { validatorUrl: null, persistAuthorization: false },
  });
}
