// Writes packages/rules/src/generated/files.ts from the repository's rules/ folder: every rule
// file of every pack (the JSON files, not the seed texts or tests), as names and texts. Run by the
// build and before the tests, so the published packs are always the files in rules/, never a copy
// kept by hand.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const rulesDir = join(root, 'rules');
const out = join(here, '..', 'src', 'generated', 'files.ts');

/** The rule files under rules/, sorted, with `/` separators, skipping the seed texts. */
export function seedFiles(dir = rulesDir): { name: string; text: string }[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) {
        if (n !== 'seeds' && n !== 'node_modules' && !n.startsWith('.')) walk(p);
      } else if (n.endsWith('.json')) files.push(p);
    }
  };
  walk(dir);
  return files.map((p) => ({ name: relative(root, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));
}

/** The generated module's text. */
export function moduleText(files: { name: string; text: string }[]): string {
  const body = files.map((f) => `  { name: ${JSON.stringify(f.name)}, text: ${JSON.stringify(f.text)} },`).join('\n');
  return `// Generated from rules/ by packages/rules/scripts/gen-seeds.ts. Do not edit: change rules/ and rebuild.\n\n/** Every rule file of the seed packs, by name (\`rules/<pack>/<file>.json\`) and text. */\nexport const FILES: readonly { readonly name: string; readonly text: string }[] = [\n${body}\n];\n`;
}

export function generate(): number {
  const files = seedFiles();
  const text = moduleText(files);
  mkdirSync(dirname(out), { recursive: true });
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== text) writeFileSync(out, text);
  return files.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(`rules: ${generate()} rule files`);
