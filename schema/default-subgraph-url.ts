import { settings } from '../lib/config';

type Settings = typeof settings;

/** `civil-servants` → `civilServantsUrl`, the configuration key of that subgraph's URL. */
const urlKeyOf = (name: string): string => `${name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Url`;

/**
 * The URL a subgraph has when nothing overrides it: the default of its `<name>Url` setting
 * (ports 4001–4004), so the committed supergraph matches `npm start` out of the box.
 */
export function defaultSubgraphUrl(name: string): string {
  const key = urlKeyOf(name);
  if (!(key in settings)) throw new Error(`No configuration key ${key} gives the URL of subgraph "${name}" (lib/config/settings.ts)`);
  return String(settings[key as keyof Settings].schema.parse(undefined));
}
