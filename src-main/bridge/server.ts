import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BRIDGE_PATHS } from '../../shared/contract/transport';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import type { Session } from '../app/session';
import type { DialogQueue } from './dialog-queue';
import { staticFile } from './static-files';

/** Test-only: queues the answers of the next file dialogs (see DialogQueue). */
export const TEST_DIALOG_PATH = '/api/test/dialog';

/** The largest request body: a pasted block of 5,000 rows fits many times over. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

/** Keeps proxies and the browser from buffering an idle event stream into a timeout. */
const EVENT_STREAM_HEARTBEAT_MS = 15_000;

export interface BridgeOptions {
  readonly session: Session;
  readonly dialogs: DialogQueue;
  /** The built renderer (dist/renderer). */
  readonly rendererFolder: string;
}

export interface RunningBridge {
  /** The page to open, with the token in its fragment (never sent to the server by the browser). */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The dev/test bridge: serves the built renderer and the contract over HTTP to a plain browser.
 * Only this machine can reach it (127.0.0.1, a port the OS picks), and only a page that knows
 * the random token can call the contract. A page on another origin, or one reaching us under
 * another host name (DNS rebinding), is refused by its Origin and Host headers. Never part of
 * the packaged app (electron-builder.yml does not ship src-main/bridge).
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  const rendererFolder = path.resolve(options.rendererFolder);

  const hasToken = (request: http.IncomingMessage, url: URL) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ')
      ? header.slice('Bearer '.length)
      : (url.searchParams.get('token') ?? '');
    const expected = Buffer.from(token);
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };

  const route = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (!allowedHosts.has(request.headers.host ?? '')) throw new HttpRefusal(421, 'wrong host');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin))
      throw new HttpRefusal(403, 'wrong origin');
    const url = new URL(request.url ?? '/', origin);
    if (!url.pathname.startsWith('/api/')) return serveStatic(request, response, url);
    if (!hasToken(request, url)) throw new HttpRefusal(401, 'token required');
    if (url.pathname === BRIDGE_PATHS.events) return openEventStream(request, response);
    if (request.method !== 'POST') throw new HttpRefusal(405, 'POST only');
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpRefusal(415, 'JSON only');
    }
    const body = await readJson(request);
    if (url.pathname === TEST_DIALOG_PATH) {
      const answers = (body as { answers?: unknown } | undefined)?.answers;
      if (
        !Array.isArray(answers) ||
        !answers.every((answer) => answer === null || typeof answer === 'string')
      ) {
        throw new HttpRefusal(400, 'answers: (string | null)[]');
      }
      options.dialogs.push(...(answers as (string | null)[]));
      return sendJson(response, 200, { queued: answers.length });
    }
    if (url.pathname.startsWith(BRIDGE_PATHS.invoke)) {
      const name = url.pathname.slice(BRIDGE_PATHS.invoke.length);
      return sendJson(response, 200, await options.session.handleRequest(name, body));
    }
    throw new HttpRefusal(404, 'not found');
  };

  const serveStatic = (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpRefusal(405, 'GET only');
    const found = staticFile(rendererFolder, url.pathname);
    if (found === null) throw new HttpRefusal(404, 'not found');
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.contentType });
    if (request.method === 'HEAD') return response.end();
    fs.createReadStream(found.file).pipe(response);
  };

  const openEventStream = (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method !== 'GET') throw new HttpRefusal(405, 'GET only');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.session.events.subscribe((event) => {
      response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), EVENT_STREAM_HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  };

  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpRefusal) {
        // A refused body may still be arriving: answer, then drop the connection.
        if (error.status === 413) response.setHeader('Connection', 'close');
        return sendJson(response, error.status, { error: error.message });
      }
      options.session.logError('bridge', error);
      sendJson(response, 500, { error: 'internal error' });
    });
  });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * The request's JSON body; an empty body is `undefined`, which the contract's schemas refuse.
 * A body over the limit is refused without reading the rest (the connection is then closed).
 */
function readJson(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpRefusal(413, 'body too large');
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text) as unknown);
      } catch {
        reject(new HttpRefusal(400, 'invalid JSON'));
      }
    });
  });
}
