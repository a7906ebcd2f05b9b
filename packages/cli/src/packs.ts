import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CaseRunner, type PackSet, type ResolvedPack, resolvePack } from '@gridsafe/engine';
import { loadPackSet } from '@gridsafe/engine/node';
import { runEscalationCase } from '@gridsafe/escalation';
import { formatIssue, type Issue, type Lang, type TestCase } from '@gridsafe/schema';
import { runScoreCase } from '@gridsafe/scoring';
import { UserError } from './errors.js';
import { common, say } from './i18n.js';

/** A resolved pack, with the folder it came from and the pack set it was resolved in. */
export interface LoadedPack {
  pack: ResolvedPack;
  /** The pack's own folder, when known. */
  dir: string | undefined;
  set: PackSet;
}

const isPackDir = (p: string) => {
  try {
    return statSync(p).isDirectory() && existsSync(join(p, 'pack.json'));
  } catch {
    return false;
  }
};

function fail(issues: Issue[], lang: Lang): never {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, 20).map((i) => `  ${formatIssue(i, lang)}`);
  throw new UserError([say(common.packInvalid, lang, errors.length), ...shown].join('\n'));
}

/**
 * Load and resolve a pack named by `spec`: a folder holding a `pack.json` (its parents are found in
 * folders beside it), or a pack id looked up under `rulesDir`. Throws a {@link UserError} when the
 * pack cannot be found, or has errors.
 */
export function loadPack(spec: string, rulesDir: string, lang: Lang, asOf?: string): LoadedPack {
  let id = spec;
  let paths: string[];
  let dir: string | undefined;
  if (isPackDir(spec)) {
    dir = spec;
    paths = [spec];
    try {
      id = (JSON.parse(readFileSync(join(spec, 'pack.json'), 'utf8')) as { id?: string }).id ?? spec;
    } catch {
      paths = [spec];
    }
  } else {
    if (!existsSync(rulesDir)) throw new UserError(say(common.noPack, lang, spec, rulesDir));
    paths = [rulesDir];
    dir = isPackDir(join(rulesDir, spec)) ? join(rulesDir, spec) : undefined;
  }
  const set = loadPackSet(paths);
  if (set._tag === 'Left') fail(set.left, lang);
  if (!set.right.has(id)) throw new UserError(say(common.noPack, lang, spec, rulesDir));
  const pack = resolvePack(set.right, id, asOf ? { asOf } : {});
  if (pack._tag === 'Left') fail(pack.left, lang);
  return { pack: pack.right, dir, set: set.right };
}

/** The ids of every pack under a rules folder, sorted, without `base`. */
export function packIds(rulesDir: string, lang: Lang): string[] {
  if (!existsSync(rulesDir)) throw new UserError(say(common.noPack, lang, rulesDir, rulesDir));
  const set = loadPackSet([rulesDir]);
  if (set._tag === 'Left') fail(set.left, lang);
  return [...set.right.keys()].filter((id) => id !== 'base').sort();
}

/** The case runners other packages own: score cases (scoring), escalation cases through the machine (escalation). */
export const RUNNERS: Partial<Record<TestCase['type'], CaseRunner>> = { score: runScoreCase, escalation: runEscalationCase };
