import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Lang } from '@gridsafe/schema';
import { UserError } from './errors.js';
import { bilingual, common, say } from './i18n.js';
import { en } from './locales/en.js';
import { zh } from './locales/zh.js';

/** One input record with the line it starts on; or, for a line that is not JSON, why not. */
export interface Numbered {
  line: number;
  value: unknown;
  /** Set when the line is not valid JSON (only when the source was opened with `badLines: 'yield'`). */
  error?: string;
}

/** Where records come from, and how big the input is (for a progress bar). */
export interface RecordSource {
  name: string;
  /** Bytes in the input, when known (a file); undefined for stdin. */
  size: number | undefined;
  /** Bytes read so far. */
  read: () => number;
  records: AsyncIterable<Numbered>;
}

const messages = bilingual(zh.records, en.records);

/** What to do with a line that is not JSON: stop the run with its line number, or yield it as an error and go on. */
export type BadLines = 'throw' | 'yield';

async function* ndjson(stream: Readable, name: string, lang: Lang, badLines: BadLines, arrayMayStart = false): AsyncIterable<Numbered> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let whole: string[] | undefined;
  let started = false;
  try {
    for await (const line of lines) {
      n++;
      if (whole) {
        whole.push(line);
        continue;
      }
      if (line.trim() === '') continue;
      if (arrayMayStart && !started && line.trimStart().startsWith('[')) {
        whole = [line];
        continue;
      }
      started = true;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        const why = say(messages.badLine, lang, name, n, (e as Error).message);
        if (badLines === 'throw') throw new UserError(why);
        yield { line: n, value: undefined, error: why };
        continue;
      }
      yield { line: n, value };
    }
  } finally {
    // Stopped early (an error, or a reader that needs no more): release the input.
    lines.close();
    if (stream !== process.stdin) stream.destroy();
  }
  if (whole) yield* parseWhole(whole.join('\n'), name, lang);
}

async function* wholeJson(stream: Readable, name: string, lang: Lang): AsyncIterable<Numbered> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  yield* parseWhole(Buffer.concat(chunks).toString('utf8'), name, lang);
}

function* parseWhole(text: string, name: string, lang: Lang): Iterable<Numbered> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(say(common.badJson, lang, name, (e as Error).message));
  }
  const list = Array.isArray(data) ? data : [data];
  // The line each top-level element starts on, for messages.
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === (Array.isArray(data) ? 1 : 0) && ch === '{') starts.push(line);
      depth++;
    } else if (ch === '}' || ch === ']') depth--;
  }
  for (const [i, value] of list.entries()) yield { line: starts[i] ?? 1, value };
}

/**
 * Records from a `.json` file (an array or one record), an `.ndjson` file (one record a line), or
 * `-` for stdin (NDJSON, or a JSON array when it starts with `[`). NDJSON is streamed; a
 * malformed line stops the run with its line number, or with `badLines: 'yield'` comes as a
 * record with its `error` and the run goes on.
 */
export function openRecords(path: string, stdin: Readable, lang: Lang, badLines: BadLines = 'throw'): RecordSource {
  let read = 0;
  if (path === '-') {
    stdin.on('data', (c: Buffer) => {
      read += c.length;
    });
    const records = ndjson(stdin, 'stdin', lang, badLines, true);
    return { name: 'stdin', size: undefined, read: () => read, records };
  }
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw new UserError(say(common.unreadable, lang, path, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  const stream = createReadStream(path);
  stream.on('data', (c) => {
    read += c.length;
  });
  const records = /\.json$/i.test(path) ? wholeJson(stream, path, lang) : ndjson(stream, path, lang, badLines);
  return { name: path, size, read: () => read, records };
}
