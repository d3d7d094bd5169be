import type { SenderRole } from '../../common/contract';

/**
 * Strict CSP per page, sent as a response header by the protocol handler.
 * No inline script or style, no eval, no remote anything. The engine may play
 * generated audio (`blob:`/`mediastream:`); the UI may show notifications
 * but loads nothing from outside the app.
 */
const COMMON = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
];

const EXTRA: Record<SenderRole, string[]> = {
  ui: ["media-src 'self'"],
  engine: ["media-src 'self' blob: mediastream:"],
};

export function contentSecurityPolicy(role: SenderRole): string {
  return [...COMMON, ...EXTRA[role]].join('; ');
}
