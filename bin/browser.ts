import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs with apt-get when it is missing; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and quiet: no sandbox (CI runs as root), no GPU, no updates or background calls home. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });

/** A page of LiênThông's opened in a browser, with what it asked for and what it complained of. */
export interface Visit {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** The JSON of every /graphql answer it received. */
  answers: unknown[];
}

/**
 * Opens `url` at a viewport and waits until the page says it has finished loading
 * (`body[data-state=ready]`, set by the page's script once every panel has its data or its error).
 */
export async function visit(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<Visit> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const visited: Visit = { page, requests: [], errors: [], answers: [] };
  page.on('request', (request) => visited.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') visited.errors.push(message.text());
  });
  page.on('pageerror', (error) => visited.errors.push(error.message));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/graphql') void response.json().then((body) => visited.answers.push(body), () => undefined);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  return visited;
}
