import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import type { SenderRole } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import { APP_SCHEME, ROLE_HOSTS } from './app-scheme';
import { contentSecurityPolicy } from './content-security-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/** Must run before `app` is ready (Electron's rule for privileged schemes). */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

export interface ResolvedFile {
  role: SenderRole;
  path: string;
}

/**
 * Maps `switchboard://<role>/<path>` to a file under the built renderer:
 * `assets/…` is shared by both pages, everything else lives in the role's
 * folder. Returns null for unknown hosts, encoded separators, NUL bytes and
 * any path that would leave its folder.
 */
export function resolveAppFile(rendererRoot: string, url: string): ResolvedFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return null;
  const role = (Object.keys(ROLE_HOSTS) as SenderRole[]).find((r) => ROLE_HOSTS[r] === parsed.host);
  if (!role) return null;
  if (/%2f|%5c|%00/i.test(parsed.pathname)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  const shared = relative.startsWith('assets/');
  const base = resolve(rendererRoot, shared ? '.' : ROLE_HOSTS[role]);
  const path = resolve(base, relative);
  if (!path.startsWith(base + sep)) return null;
  return { role, path };
}

/** The scheme's request handler: files only, with CSP and no sniffing. */
export function createAppProtocolHandler(
  rendererRoot: string,
  log: Logger,
  read: (path: string) => Promise<Buffer> = (p) => readFile(p),
): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file || request.method !== 'GET') {
      log.warn('refused app-scheme request', { url: request.url.slice(0, 200), method: request.method });
      return new Response('Not found', { status: 404 });
    }
    try {
      const body = await read(file.path);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream',
          'Content-Security-Policy': contentSecurityPolicy(file.role),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}

export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, log: Logger): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, log));
}
