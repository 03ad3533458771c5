import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteHandler } from '../lib/http';

/*
 * Static files the gateway serves itself (the playground, the dashboard, /me), read once at
 * start from this repository and from installed npm packages, so pages work with no internet
 * and no CDN.
 */

export const JS = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';

/** Asset URLs carry a hash of their content, so browsers may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface Asset {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

/** A file inside an installed package; through package.json because export maps hide the UMD builds. */
export const packageFile = (pkg: string, file: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

// The maps are not served; the comment would only make browser tools ask for them.
export const withoutSourceMap = (code: string): string => code.replace(/\n\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n');

export const asset = (contentType: string, text: string): Asset => {
  const body = Buffer.from(text);
  return { contentType, body, gzipped: gzipSync(body) };
};

export const hashOf = (body: Buffer): string => createHash('sha256').update(body).digest('hex').slice(0, 12);

export function serve({ contentType, body, gzipped }: Asset, headers: Record<string, string>): RouteHandler {
  return (req, res) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const sent = gzip ? gzipped : body;
    res.writeHead(200, {
      ...headers,
      'content-type': contentType,
      'content-length': sent.length,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(sent);
  };
}
