import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { loadConfig, settings } from '../../lib/config';

/*
 * The README's examples as a reader finds them: each operation of its ```graphql blocks, with the
 * development token its `# token: npm run -s token -- …` comment names, and each curl line with
 * the `TOKEN=$(npm run -s token -- …)` before it. Tests run them, so a new example is covered
 * the day it is written.
 */

export const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The seed the README's examples are written for: the defaults `npm start` seeds. */
export const README_SEED = loadConfig({ seed: settings.seed, scale: settings.scale }, {});

export interface ReadmeOperation {
  /** README line of its first character. */
  line: number;
  /** The operation as written, alone. */
  source: string;
  /** Its variables, by name. */
  variables: string[];
  /** The arguments of the `npm run -s token --` command it runs with. */
  tokenArguments: string[];
}

export interface ReadmeCurl {
  line: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  tokenArguments: string[];
}

const TOKEN_COMMAND = /npm run -s token -- (.+?)\)?$/;

/** Splits a command line as a POSIX shell would: quotes, and backslash escapes outside single quotes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (char === '\\' && i + 1 < line.length && (quote === null || '"\\$`'.includes(line[i + 1]!))) {
      word = (word ?? '') + line[(i += 1)];
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + char;
  }
  if (word !== null) words.push(word);
  return words;
}

/** Each fenced block of a language, with the README line its content starts on. */
function blocks(language: string): { line: number; text: string }[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm');
  return [...README.matchAll(fence)].map((match) => ({ line: README.slice(0, match.index).split('\n').length + 1, text: match[1]! }));
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

export function readmeOperations(): ReadmeOperation[] {
  return blocks('graphql').flatMap(({ line, text }) => {
    const lines = text.split('\n');
    const operations = parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return operations.map((operation) => {
      const at = lineOf(text, operation.loc!.start);
      const comment = lines
        .slice(0, at)
        .reverse()
        .map((l) => (/^#\s*token:/.test(l) ? TOKEN_COMMAND.exec(l) : null))
        .find(Boolean);
      if (!comment) throw new Error(`README line ${line + at}: the example names no token (# token: npm run -s token -- …)`);
      return {
        line: line + at,
        source: text.slice(operation.loc!.start, operation.loc!.end),
        variables: (operation.variableDefinitions ?? []).map((v) => v.variable.name.value),
        tokenArguments: shellWords(comment[1]!),
      };
    });
  });
}

export function readmeCurls(): ReadmeCurl[] {
  return blocks('sh').flatMap(({ line, text }) => {
    const lines = text.replace(/\\\n/g, ' ').split('\n');
    return lines.flatMap((command, index) => {
      if (!command.startsWith('curl ')) return [];
      const assignment = lines
        .slice(0, index)
        .reverse()
        .map((l) => (l.startsWith('TOKEN=$(') ? TOKEN_COMMAND.exec(l) : null))
        .find(Boolean);
      if (!assignment) throw new Error(`README line ${line}: the curl example uses $TOKEN, but no TOKEN=$(npm run -s token -- …) comes before it`);
      const words = shellWords(command);
      const headers: Record<string, string> = {};
      let body = '';
      let url = '';
      for (let i = 1; i < words.length; i += 1) {
        if (words[i] === '-H') {
          const [name, ...value] = words[(i += 1)]!.split(':');
          headers[name!.trim().toLowerCase()] = value.join(':').trim();
        } else if (words[i] === '-d') body = words[(i += 1)]!;
        else if (!words[i]!.startsWith('-')) url = words[i]!;
      }
      return [{ line, url, headers, body, tokenArguments: shellWords(assignment[1]!) }];
    });
  });
}
