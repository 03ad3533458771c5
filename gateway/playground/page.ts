import { PLAYGROUND_EXAMPLES, SAMPLE_CITIZEN } from './examples';

/** Where the page finds its scripts and styles (hashed routes under /playground/). */
export interface PlaygroundAssetUrls {
  react: string;
  reactDom: string;
  graphiql: string;
  graphiqlCss: string;
  boot: string;
}

const GRAPHQL_PATH = '/graphql';

/** What the identity fields ask for: every request needs a token, and personal data a purpose. */
export const TOKEN_HINT = 'Paste a token: npm run token -- --role province-officer --province 46';
export const PURPOSE_HINT = 'Purpose of access, needed for personal data';

/** Everything the page loads comes from the gateway itself; the browser is told so. */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL's components set inline styles; its fonts and icons are data: URLs inside its CSS.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function playgroundPage(assets: PlaygroundAssetUrls): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LiênThông playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.graphiqlCss}">
<style>
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; }
#identity { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0.4rem 0.75rem; font: 13px system-ui, sans-serif; border-bottom: 1px solid #ddd; }
#identity label { display: flex; align-items: center; gap: 0.4rem; }
#identity input { font: inherit; padding: 0.2rem 0.4rem; }
#token { width: 30rem; }
#purpose { width: 18rem; }
#graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<form id="identity" autocomplete="off">
<label>Token <input id="token" type="password" spellcheck="false" placeholder="${TOKEN_HINT}"></label>
<label>Purpose <input id="purpose" spellcheck="false" placeholder="${PURPOSE_HINT}"></label>
</form>
<div id="graphiql">Loading the LiênThông playground…</div>
<script src="${assets.react}"></script>
<script src="${assets.reactDom}"></script>
<script src="${assets.graphiql}"></script>
<script src="${assets.boot}"></script>
</body>
</html>
`;
}

/**
 * Mounts GraphiQL against the gateway with one tab per example, sending the token and purpose
 * from the page's identity fields with every request. It is a file of its own, not an inline
 * script, so the page's CSP can forbid inline scripts.
 */
export function playgroundBootScript(): string {
  return `(function () {
  'use strict';
  var examples = ${JSON.stringify(PLAYGROUND_EXAMPLES)};
  var tokenField = document.getElementById('token');
  var purposeField = document.getElementById('purpose');

  // The identity lasts as long as the browser tab, never longer: sessionStorage, not localStorage.
  function remembered(key) {
    try {
      return window.sessionStorage.getItem(key) || '';
    } catch (error) {
      return '';
    }
  }
  function remember(key, value) {
    try {
      window.sessionStorage.setItem(key, value);
    } catch (error) {
      // Storage refused (private mode): the fields still work for this page.
    }
  }
  tokenField.value = remembered('lienthong:token');
  purposeField.value = remembered('lienthong:purpose');

  // Header values are ISO-8859-1, so the purpose travels percent-encoded; the gateway decodes it.
  function identityHeaders() {
    var headers = {};
    var token = tokenField.value.trim();
    var purpose = purposeField.value.trim();
    if (token) headers.Authorization = /^Bearer /.test(token) ? token : 'Bearer ' + token;
    if (purpose) headers['x-purpose'] = encodeURIComponent(purpose);
    return headers;
  }

  var baseFetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(GRAPHQL_PATH)} });
  // A new fetcher for each identity makes GraphiQL introspect again with it; headers typed in its editor win.
  function identityFetcher() {
    return function (params, options) {
      return baseFetcher(params, Object.assign({}, options, { headers: Object.assign(identityHeaders(), options && options.headers) }));
    };
  }

  function sampleCitizen() {
    return fetch(${JSON.stringify(GRAPHQL_PATH)}, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json' }, identityHeaders()),
      body: JSON.stringify({ query: ${JSON.stringify(SAMPLE_CITIZEN.query)} }),
    })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        var value = ${JSON.stringify(SAMPLE_CITIZEN.path)}.reduce(function (at, key) { return at == null ? null : at[key]; }, body.data);
        return typeof value === 'string' ? value : null;
      })
      .catch(function () { return null; });
  }

  function variablesOf(example, personalId) {
    var variables = Object.assign({}, example.variables);
    if (personalId && example.citizenVariable) variables[example.citizenVariable] = personalId;
    return Object.keys(variables).length > 0 ? JSON.stringify(variables, null, 2) : null;
  }

  // GraphiQL keeps its tabs in localStorage; the examples are only the first visit's tabs.
  function firstVisit() {
    try {
      return window.localStorage.getItem('graphiql:tabState') === null;
    } catch (error) {
      return true;
    }
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var tabs = firstVisit()
    ? examples.map(function (example) { return { query: example.query, variables: variablesOf(example, null) }; })
    : undefined;
  var shown = { fetcher: identityFetcher(), variables: tabs ? tabs[0].variables : undefined, sampled: !tabs };

  // GraphiQL shows the open tab's variables from this prop (not from defaultTabs) and follows its changes.
  function render() {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: shown.fetcher,
        defaultTabs: tabs,
        variables: shown.variables,
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: false,
        defaultEditorToolsVisibility: true,
      }),
    );
  }

  // The first tab starts with a stand-in personal ID and gets a citizen the caller may see once one is found.
  function sample() {
    if (shown.sampled) return;
    sampleCitizen().then(function (personalId) {
      if (!personalId || shown.sampled) return;
      shown.sampled = true;
      shown.variables = variablesOf(examples[0], personalId);
      render();
    });
  }

  function identityChanged() {
    remember('lienthong:token', tokenField.value.trim());
    remember('lienthong:purpose', purposeField.value.trim());
    shown.fetcher = identityFetcher();
    render();
    sample();
  }
  tokenField.addEventListener('change', identityChanged);
  purposeField.addEventListener('change', identityChanged);

  render();
  sample();
})();
`;
}
