import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src-main/app/content-security-policy';
import { Session } from '../src-main/app/session';
import { DialogQueue } from '../src-main/bridge/dialog-queue';
import { MAX_BODY_BYTES, type RunningBridge, startBridge } from '../src-main/bridge/server';
import { tempDir } from './support/temp-dir';

const TEMPLATES = fileURLToPath(new URL('./fixtures/templates/', import.meta.url));
const running: { bridge: RunningBridge; session: Session }[] = [];

afterEach(async () => {
  for (const { bridge, session } of running.splice(0)) {
    await bridge.close();
    session.dispose();
  }
});

async function bridgeOnTempFolders() {
  const rendererFolder = tempDir();
  fs.writeFileSync(path.join(rendererFolder, 'index.html'), '<!doctype html><title>预算公开工作台</title>');
  fs.mkdirSync(path.join(rendererFolder, 'assets'));
  fs.writeFileSync(path.join(rendererFolder, 'assets', 'main.js'), 'console.log(1)');
  const dialogs = new DialogQueue();
  const session = new Session({ mode: 'bridge', version: '0.0.0-test', dataFolder: tempDir(), dialogs });
  const bridge = await startBridge({ session, dialogs, rendererFolder });
  running.push({ bridge, session });
  const invoke = (name: string, input: unknown, token = bridge.token) =>
    fetch(`${bridge.origin}/api/invoke/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
  return { bridge, session, dialogs, invoke };
}

/** A request with headers fetch will not let us forge (Host), straight over node:http. */
function rawRequest(
  origin: string,
  options: { path: string; method?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${options.path}`, {
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the dev/test bridge over real HTTP', () => {
  it('listens on 127.0.0.1 on a port of its own and prints the URL with a 256-bit token in the fragment', async () => {
    const { bridge } = await bridgeOnTempFolders();
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${bridge.token}`);
    expect(Buffer.from(bridge.token, 'base64url')).toHaveLength(32);
    const other = await bridgeOnTempFolders();
    expect(other.bridge.token).not.toBe(bridge.token);
    expect(other.bridge.origin).not.toBe(bridge.origin);
  });

  it('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const { bridge } = await bridgeOnTempFolders();
    const page = await fetch(`${bridge.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('预算公开工作台');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${bridge.origin}/assets/main.js`)).headers.get('content-type')).toContain(
      'javascript',
    );
    expect((await rawRequest(bridge.origin, { path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
    expect((await rawRequest(bridge.origin, { path: '/..%2Fpackage.json' })).status).toBe(404);
    expect((await fetch(`${bridge.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('answers the contract only with the token, only to POST, only as JSON of bounded size', async () => {
    const { bridge, invoke } = await bridgeOnTempFolders();
    const answered = await invoke('app/info', {});
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ ok: true, value: { version: '0.0.0-test', mode: 'bridge' } });

    expect((await invoke('app/info', {}, '')).status).toBe(401);
    expect((await invoke('app/info', {}, `${bridge.token.slice(1)}x`)).status).toBe(401);
    const noHeader = await fetch(`${bridge.origin}/api/invoke/app/info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noHeader.status).toBe(401);
    const asGet = await fetch(`${bridge.origin}/api/invoke/app/info`, {
      headers: { Authorization: `Bearer ${bridge.token}` },
    });
    expect(asGet.status).toBe(405);
    const asForm = await fetch(`${bridge.origin}/api/invoke/app/info`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${bridge.token}` },
      body: '{}',
    });
    expect(asForm.status).toBe(415);
    const huge = await invoke('tables/paste', { values: [['1'.repeat(MAX_BODY_BYTES)]] });
    expect(huge.status).toBe(413);

    const unknown = await invoke('workbook/delete', {});
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const bad = await invoke('tables/get', { table: 'x' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a page of another origin and a request under another host name (DNS rebinding)', async () => {
    const { bridge } = await bridgeOnTempFolders();
    const post = (headers: Record<string, string>) =>
      rawRequest(bridge.origin, {
        path: '/api/invoke/app/info',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, ...headers },
      });
    expect((await post({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ Origin: bridge.origin.replace(/\d+$/, '1') })).status).toBe(403);
    const port = new URL(bridge.origin).port;
    expect((await post({ Host: `evil.example:${port}` })).status).toBe(421);
    expect(
      (await rawRequest(bridge.origin, { path: '/', headers: { Host: `rebound.example:${port}` } })).status,
    ).toBe(421);
    expect((await post({ Origin: bridge.origin })).status).toBe(200);
  });

  it('streams the session’s events to a client with the token', async () => {
    const { bridge, invoke } = await bridgeOnTempFolders();
    expect((await fetch(`${bridge.origin}/api/events`)).status).toBe(401);
    const abort = new AbortController();
    const stream = await fetch(`${bridge.origin}/api/events?token=${bridge.token}`, { signal: abort.signal });
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();

    const dir = tempDir();
    await invoke('workbook/create', {
      path: path.join(dir, 'x.ysgk'),
      profile: {
        name: '测试单位',
        code: null,
        year: 2025,
        scope: '单位',
        unitType: null,
        supervisingDepartment: null,
      },
      subordinateUnits: [],
    });
    const preview = await invoke('import/preview', {
      jobId: 'sse-1',
      tablesFile: path.join(TEMPLATES, '002-tables.xlsx'),
      goalsFile: null,
    });
    expect(await preview.json()).toMatchObject({ ok: true });

    let received = '';
    while (!received.includes('"stage":"compare","done":1')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    abort.abort();
    const events = received
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return {
          name: eventLine?.slice('event: '.length),
          data: JSON.parse(dataLine?.slice('data: '.length) ?? ''),
        };
      });
    expect(events[0]).toEqual({
      name: 'import/progress',
      data: { jobId: 'sse-1', stage: 'read', done: 1, total: 13 },
    });
    expect(events.at(-1)).toEqual({
      name: 'import/progress',
      data: { jobId: 'sse-1', stage: 'compare', done: 1, total: 1 },
    });
  });

  it('answers file dialogs from the queue the test endpoint fills, in order, then as cancelled', async () => {
    const { bridge, dialogs, invoke } = await bridgeOnTempFolders();
    const queue = (body: unknown, token = bridge.token) =>
      fetch(`${bridge.origin}/api/test/dialog`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await queue({ answers: ['/tmp/a.ysgk'] }, 'wrong')).status).toBe(401);
    expect((await queue({ answers: [42] })).status).toBe(400);
    expect(await (await queue({ answers: ['/tmp/a.ysgk', '/tmp/b.pdf'] })).json()).toEqual({ queued: 2 });
    const answer = async (name: string, input: unknown) =>
      ((await (await invoke(name, input)).json()) as { value: unknown }).value;
    expect(await answer('dialog/openFile', { purpose: 'workbook' })).toBe('/tmp/a.ysgk');
    expect(await answer('dialog/saveFile', { purpose: 'pdf', suggestedName: '草稿.pdf' })).toBe('/tmp/b.pdf');
    expect(await answer('dialog/openFile', { purpose: 'tables' })).toBe(null);
    expect(dialogs.asked).toEqual([
      { purpose: 'workbook', kind: 'open' },
      { purpose: 'pdf', kind: 'save' },
      { purpose: 'tables', kind: 'open' },
    ]);
  });
});
