import { readFile } from 'node:fs/promises';
import type { RouteHandler } from '../../lib/http';
import { asset, CSS, hashOf, HTML, IMMUTABLE, JS, packageFile, serve, withoutSourceMap, type Asset } from '../static-assets';
import { PLAYGROUND_CSP, playgroundBootScript, playgroundPage, type PlaygroundAssetUrls } from './page';

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
