import { z } from 'zod';

/** One configuration key: the environment variable it is read from, what it means, how it is checked. */
export interface Setting<T> {
  env: string;
  doc: string;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
}

export type SettingsShape = Record<string, Setting<unknown>>;
export type ConfigOf<S extends SettingsShape> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Raised when a configuration value is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const setting = <T>(env: string, doc: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Setting<T> => ({
  env,
  doc,
  schema,
});

/** Reads and validates every setting at once, so one start-up reports all problems together. */
export function loadConfig<S extends SettingsShape>(settings: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(settings)) {
    const raw = env[s.env];
    const parsed = s.schema.safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`${s.env}=${raw === undefined ? '(unset)' : JSON.stringify(raw)}: ${parsed.error.issues.map((i) => i.message).join('; ')} (${s.doc})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}

const isOrigin = (value: string): boolean => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
};

/** Shared value checkers, so every process reads ports, URLs and numbers the same way. */
export const values = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  count: (fallback: number) => z.coerce.number().int().min(0).default(fallback),
  optionalUrl: () =>
    z
      .string()
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL')
      .optional(),
  httpUrl: (fallback: string) => z.string().url().default(fallback),
  optionalRedisUrl: () =>
    z
      .string()
      .url('must be a URL such as redis://127.0.0.1:6379')
      .refine((u) => /^rediss?:\/\/[^/?#]/.test(u), 'must be a redis:// or rediss:// URL naming a host, such as redis://127.0.0.1:6379')
      .optional(),
  text: (fallback: string) => z.string().min(1).default(fallback),
  /** A comma-separated list of web origins, each exactly `scheme://host[:port]`; empty by default. */
  origins: () =>
    z
      .string()
      .default('')
      .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
      .refine((origins) => origins.every(isOrigin), 'each origin must be scheme://host[:port], with no path, and not *'),
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
};

/** `civil-servants` → `CIVIL_SERVANTS`: a subgraph's name as it appears in the variables named after it. */
export const subgraphEnvName = (subgraph: string): string => subgraph.toUpperCase().replace(/-/g, '_');

/**
 * A setting each subgraph has once, its variable named after the subgraph: `env` holds `<NAME>`
 * (`<NAME>_PORT` is RESIDENTS_PORT for residents). `schemaFor` gives a subgraph's check and
 * default (a port from the registry, say).
 */
export interface PerSubgraphSetting<T, Fallback = void> {
  env: string;
  doc: string;
  /** The setting of one subgraph, to load with `loadConfig`. */
  of(subgraph: string, fallback: Fallback): Setting<T>;
  /** Every variable of this kind that is set (non-empty), by the `<NAME>` part of its name, each checked; for variables with a prefix of their own (SUBGRAPH_URL_<NAME>), which no other variable shares. */
  readAll(env?: NodeJS.ProcessEnv): Record<string, NonNullable<T>>;
}

export function perSubgraph<T, Fallback = void>(env: string, doc: string, schemaFor: (fallback: Fallback) => z.ZodType<T, z.ZodTypeDef, unknown>): PerSubgraphSetting<T, Fallback> {
  const pattern = new RegExp(`^${env.replace('<NAME>', '([A-Z0-9_]+)')}$`);
  return {
    env,
    doc,
    of: (subgraph, fallback) => setting(env.replace('<NAME>', subgraphEnvName(subgraph)), doc, schemaFor(fallback)),
    readAll: (source = process.env) => {
      const named = Object.keys(source).flatMap((variable) => {
        const name = pattern.exec(variable)?.[1];
        return name && source[variable] ? [[name, setting(variable, doc, schemaFor(undefined as Fallback))] as const] : [];
      });
      return loadConfig(Object.fromEntries(named), source) as Record<string, NonNullable<T>>;
    },
  };
}
