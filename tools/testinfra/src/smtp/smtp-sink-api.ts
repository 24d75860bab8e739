import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { MailStore } from './mail-store';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function route(store: MailStore, request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path !== '/messages') return sendJson(response, 404, { error: `no route ${path}` });
  if (request.method === 'GET') return sendJson(response, 200, store.list());
  if (request.method === 'DELETE') {
    store.clear();
    response.writeHead(204).end();
    return;
  }
  response.setHeader('allow', 'GET, DELETE');
  sendJson(response, 405, { error: `${request.method} is not allowed on /messages` });
}

/** GET /messages: every kept message, newest last. DELETE /messages: forget them all. */
export function createSinkApi(store: MailStore): Server {
  return createServer((request, response) => route(store, request, response));
}
