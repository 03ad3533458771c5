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
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
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
 * Mounts GraphiQL against the gateway with one tab per example. It is a file of its own, not an
 * inline script, so the page's CSP can forbid inline scripts.
 */
export function playgroundBootScript(): string {
  return `(function () {
  'use strict';
  var examples = ${JSON.stringify(PLAYGROUND_EXAMPLES)};

  function sampleCitizen() {
    return fetch(${JSON.stringify(GRAPHQL_PATH)}, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
  var fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(GRAPHQL_PATH)} });
  var tabs = firstVisit()
    ? examples.map(function (example) { return { query: example.query, variables: variablesOf(example, null) }; })
    : undefined;

  // GraphiQL shows the open tab's variables from this prop (not from defaultTabs) and follows its changes.
  function render(variables) {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultTabs: tabs,
        variables: variables,
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: false,
        defaultEditorToolsVisibility: true,
      }),
    );
  }

  if (!tabs) {
    render(undefined);
    return;
  }
  render(tabs[0].variables);
  // The first tab starts with a stand-in personal ID and gets a citizen of the served data once one is found.
  sampleCitizen().then(function (personalId) {
    if (personalId) render(variablesOf(examples[0], personalId));
  });
})();
`;
}
