import { PURPOSE_HINT, TOKEN_HINT } from '../../../gateway/playground/page';
import { useFixtureGraph } from './fixtures/fixture-graph';
import { request } from './http-client';

const graph = useFixtureGraph();

const scriptsAndStyles = (html: string): string[] => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);

describe('Playground', () => {
  test('the page at / is HTML that loads only assets the gateway serves itself', async () => {
    const page = await request(`${graph().origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(scriptsAndStyles(page.text)).toEqual([
      'data:,',
      expect.stringMatching(/^\/playground\/[0-9a-f]{12}\/graphiql\.min\.css$/),
      expect.stringMatching(/^\/playground\/[0-9a-f]{12}\/react\.production\.min\.js$/),
      expect.stringMatching(/^\/playground\/[0-9a-f]{12}\/react-dom\.production\.min\.js$/),
      expect.stringMatching(/^\/playground\/[0-9a-f]{12}\/graphiql\.min\.js$/),
      expect.stringMatching(/^\/playground\/[0-9a-f]{12}\/boot\.js$/),
    ]);
  });

  test('every asset the page loads serves with 200, its content type and a year-long cache', async () => {
    const page = await request(`${graph().origin}/`);
    const assets = scriptsAndStyles(page.text).filter((url) => url.startsWith('/playground/'));
    const answers = await Promise.all(assets.map((url) => request(`${graph().origin}${url}`)));
    expect(answers.map((a, i) => [assets[i]?.split('/').pop(), a.status, a.headers.get('content-type'), a.headers.get('cache-control')])).toEqual([
      ['graphiql.min.css', 200, 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['react.production.min.js', 200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['react-dom.production.min.js', 200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['graphiql.min.js', 200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['boot.js', 200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ]);
    expect(answers[3]?.text).toContain('GraphiQL');
  });

  test('the boot script mounts GraphiQL against /graphql with the example operations as tabs', async () => {
    const page = await request(`${graph().origin}/`);
    const boot = scriptsAndStyles(page.text).find((url) => url.endsWith('/boot.js')) as string;
    const script = (await request(`${graph().origin}${boot}`)).text;
    expect(script).toContain('GraphiQL.createFetcher({ url: "/graphql" })');
    expect(script).toContain('query CitizenProfile($personalId: PersonalId!)');
    expect(script).toContain('query ProvinceDashboard');
    expect(script).toContain('isHeadersEditorEnabled: true');
    expect(script).not.toMatch(/https?:\/\//);
  });

  test('the page asks for a token and a purpose, which the boot script sends with every request', async () => {
    const page = await request(`${graph().origin}/`);
    expect(page.text).toContain(`<input id="token" type="password" spellcheck="false" placeholder="${TOKEN_HINT}">`);
    expect(page.text).toContain(`<input id="purpose" spellcheck="false" placeholder="${PURPOSE_HINT}">`);
    const boot = scriptsAndStyles(page.text).find((url) => url.endsWith('/boot.js')) as string;
    const script = (await request(`${graph().origin}${boot}`)).text;
    expect(script).toContain("headers.Authorization = /^Bearer /.test(token) ? token : 'Bearer ' + token;");
    expect(script).toContain("headers['x-purpose'] = encodeURIComponent(purpose);");
  });

  test('assets are sent gzipped to clients that accept it', async () => {
    const page = await request(`${graph().origin}/`);
    const graphiql = scriptsAndStyles(page.text).find((url) => url.endsWith('/graphiql.min.js')) as string;
    const response = await fetch(`${graph().origin}${graphiql}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toContain('GraphiQL');
  });

  test('an unknown playground path answers 404', async () => {
    expect((await request(`${graph().origin}/playground/000000000000/graphiql.min.js`)).status).toBe(404);
  });
});
