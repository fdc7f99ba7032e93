/**
 * The renderer's Content-Security-Policy, sent by the bridge and by Electron's session with
 * every response. It repeats src-renderer/index.html's meta tag (which a file:// page needs
 * before any header applies) and adds what only a header can say (frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
