// One writer for docs/benchmarks.md: each package's benchmark owns the section between its markers.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../docs/benchmarks.md', import.meta.url);
const HEADER = '# Benchmarks\n\nRatios against baselines measured in the same process. Regenerate with `npm run bench`.\n';

/** `text` with the section between `<!-- marker:start -->` and `<!-- marker:end -->` set to `body`. */
export function replaceSection(text: string, marker: string, body: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) return text.slice(0, i) + block + text.slice(j + end.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** Write one benchmark's section of docs/benchmarks.md, keeping every other section. */
export function writeBenchSection(marker: string, body: string): void {
  let text = HEADER;
  try {
    text = readFileSync(FILE, 'utf8');
  } catch {}
  writeFileSync(FILE, replaceSection(text, marker, body));
}
