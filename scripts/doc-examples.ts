// Extracts every `@example` code block from the packages' TSDoc and type-checks it against the
// public API, so the examples in the API docs stay true. Run by the test suite
// (scripts/doc-examples.test.ts) and by hand: `npx tsx scripts/doc-examples.ts`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, '.doc-examples');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

/** Every `@example` fenced block: where it is, and its code. */
export function collect(): { where: string; code: string }[] {
  const out: { where: string; code: string }[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      const re = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\/|@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*@/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const block = (m[1] ?? m[2] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
        const start = block.findIndex((l) => /^```(ts|typescript)\s*$/.test(l));
        const end = block.findIndex((l, i) => i > start && l.startsWith('```'));
        if (start < 0 || end < 0) continue;
        const line = text.slice(0, m.index).split('\n').length;
        out.push({ where: `${relative(root, file)}:${line}`, code: block.slice(start + 1, end).join('\n') });
      }
    }
  }
  return out;
}

/** Type-check every example; returns tsc's complaints, mapped back to the source of the example. */
export function check(): { count: number; errors: string[] } {
  const examples = collect();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const names = examples.map((e, i) => {
    const name = `ex${String(i).padStart(3, '0')}.ts`;
    writeFileSync(join(outDir, name), `// ${e.where}\n${e.code}\nexport {};\n`);
    return name;
  });
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, noUnusedLocals: false, rootDir: '..' },
      include: names,
    }),
  );
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(outDir, 'tsconfig.json')], { encoding: 'utf8', cwd: root });
    return { count: examples.length, errors: [] };
  } catch (e) {
    const text = String((e as { stdout?: string }).stdout ?? e);
    const errors = text
      .split('\n')
      .filter((l) => /ex\d{3}\.ts\(\d+,\d+\)/.test(l))
      .map((l) => {
        const [, n, line] = /ex(\d{3})\.ts\((\d+),/.exec(l) ?? [];
        return `${examples[Number(n)]?.where} (example line ${Number(line) - 1}): ${l.replace(/^.*?error /, '')}`;
      });
    return { count: examples.length, errors: errors.length > 0 ? errors : [text] };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { count, errors } = check();
  console.log(`${count} examples, ${errors.length} problems`);
  for (const e of errors) console.log(e);
  process.exitCode = errors.length > 0 ? 1 : 0;
}
