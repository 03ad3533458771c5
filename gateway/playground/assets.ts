import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RouteHandler } from '../../lib/http';
import { PLAYGROUND_CSP, playgroundBootScript, playgroundPage, type PlaygroundAssetUrls } from './page';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** Asset URLs carry a hash of their content, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Asset {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

/** A file inside an installed package; through package.json because export maps hide the UMD builds. */
const packageFile = (pkg: string, file: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

// The maps are not served; the comment would only make browser tools ask for them.
const withoutSourceMap = (code: string): string => code.replace(/\n\/[/*]# sourceMappingURL=\S+(\s*\*\/)?\s*$/, '\n');

const asset = (contentType: string, text: string): Asset => {
  const body = Buffer.from(text);
  return { contentType, body, gzipped: gzipSync(body) };
};

const hashOf = (body: Buffer): string => createHash('sha256').update(body).digest('hex').slice(0, 12);

function serve({ contentType, body, gzipped }: Asset, headers: Record<string, string>): RouteHandler {
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

/**
 * The playground's routes: the page at `/` and GraphiQL, React and the boot script under
 * `/playground/`, all from node_modules, read once at start, so it works with no internet.
 */
export async function loadPlayground(): Promise<Record<string, RouteHandler>> {
  const read = async (pkg: string, file: string) => withoutSourceMap(await readFile(packageFile(pkg, file), 'utf8'));
  const files: [keyof PlaygroundAssetUrls, string, Asset][] = [
    ['react', 'react.production.min.js', asset(JS, await read('react', 'umd/react.production.min.js'))],
    ['reactDom', 'react-dom.production.min.js', asset(JS, await read('react-dom', 'umd/react-dom.production.min.js'))],
    ['graphiql', 'graphiql.min.js', asset(JS, await read('graphiql', 'graphiql.min.js'))],
    ['graphiqlCss', 'graphiql.min.css', asset(CSS, await read('graphiql', 'graphiql.min.css'))],
    ['boot', 'boot.js', asset(JS, playgroundBootScript())],
  ];
  const located = files.map(([key, name, file]) => ({ key, url: `/playground/${hashOf(file.body)}/${name}`, file }));
  const urls = Object.fromEntries(located.map(({ key, url }) => [key, url])) as Record<keyof PlaygroundAssetUrls, string>;
  return {
    '/': serve(asset(HTML, playgroundPage(urls)), { 'cache-control': 'no-cache', 'content-security-policy': PLAYGROUND_CSP }),
    ...Object.fromEntries(located.map(({ url, file }) => [url, serve(file, { 'cache-control': IMMUTABLE })])),
  };
}
