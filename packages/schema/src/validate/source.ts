import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Issue, Location } from '../errors/issues.js';
import { makeIssue } from '../errors/render.js';
import { FORBIDDEN_KEYS, LIMITS } from './limits.js';

/** A parsed rule file: its text, syntax tree and a way to turn pointers into positions. */
export interface SourceFile {
  name: string;
  text: string;
  root: Node | undefined;
  /** The parsed value; present only when the file parsed cleanly and has no forbidden keys. */
  value: unknown;
  lineStarts: number[];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an offset. */
export function positionAt(file: SourceFile, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((file.lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (file.lineStarts[lo] as number) + 1 };
}

/** Split a JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Join segments into a JSON pointer. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The location of a JSON pointer in a file. With `key`, the location of the property name
 * rather than its value. A pointer that goes past the tree lands on the deepest node found.
 */
export function locate(file: SourceFile, pointer: string, key = false): Location {
  let node = file.root;
  let keyNode: Node | undefined;
  for (const seg of pointerSegments(pointer)) {
    if (!node) break;
    let next: Node | undefined;
    if (node.type === 'object') {
      const prop = node.children?.filter((p) => p.children?.[0]?.value === seg).pop();
      keyNode = prop?.children?.[0];
      next = prop?.children?.[1];
    } else if (node.type === 'array') {
      keyNode = undefined;
      next = node.children?.[Number(seg)];
    }
    if (!next) break;
    node = next;
  }
  const offset = (key && keyNode ? keyNode.offset : node?.offset) ?? 0;
  return { file: file.name, pointer, ...positionAt(file, offset) };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Offset where nesting first exceeds the limit, scanning outside strings; -1 when it never does. */
function depthOverflow(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

function keyIssues(file: SourceFile, node: Node, path: (string | number)[], out: Issue[]): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      const key = String(keyNode?.value);
      const pointer = toPointer([...path, key]);
      const at = { file: file.name, pointer, ...positionAt(file, keyNode?.offset ?? prop.offset) };
      if (FORBIDDEN_KEYS.includes(key)) out.push(makeIssue('json.forbiddenKey', at, { key }, { found: key }));
      if (seen.has(key)) out.push(makeIssue('json.duplicateKey', at, { key }, { found: key }));
      seen.add(key);
      const value = prop.children?.[1];
      if (value) keyIssues(file, value, [...path, key], out);
    }
  } else if (node.type === 'array') {
    node.children?.forEach((child, i) => keyIssues(file, child, [...path, i], out));
  }
}

/** A UTF-16 surrogate not paired with its other half (with the `u` flag, pairs are one code point and do not match). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Strings whose escapes (`"\ud800"`) make a lone surrogate: not text, and not the same in every encoder. */
function escapedSurrogates(file: SourceFile, node: Node, out: Issue[]): void {
  if (node.type === 'string' && typeof node.value === 'string' && LONE_SURROGATE.test(node.value)) {
    out.push(makeIssue('json.encoding', { file: file.name, pointer: '', ...positionAt(file, node.offset) }, { reason: 'loneSurrogate' }));
  }
  for (const child of node.children ?? []) escapedSurrogates(file, child, out);
}

/**
 * Parse a rule file's text, in bounded time: size and depth are checked before parsing, then
 * syntax, duplicate keys and forbidden keys. Never throws.
 */
export function parseSource(text: string, name: string): { file: SourceFile; issues: Issue[] } {
  const file: SourceFile = { name, text, root: undefined, value: undefined, lineStarts: [0] };
  const top = { file: name, pointer: '', line: 1, column: 1 };
  if (text.length > LIMITS.maxFileBytes || byteLength(text) > LIMITS.maxFileBytes) {
    const size = text.length > LIMITS.maxFileBytes * 4 ? text.length : byteLength(text);
    return { file, issues: [makeIssue('file.tooLarge', top, { size, limit: LIMITS.maxFileBytes })] };
  }
  file.lineStarts = lineStartsOf(text);
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const at = { file: name, pointer: '', ...positionAt(file, lone.index) };
    return { file, issues: [makeIssue('json.encoding', at, { reason: 'loneSurrogate' })] };
  }
  const deep = depthOverflow(text, LIMITS.maxDepth);
  if (deep >= 0) {
    const at = { file: name, pointer: '', ...positionAt(file, deep) };
    return { file, issues: [makeIssue('json.tooDeep', at, { limit: LIMITS.maxDepth })] };
  }
  const errors: ParseError[] = [];
  file.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    // One error per position: the parser often reports a fault and its consequence at one offset.
    const firstAt = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
    const issues = firstAt.map((e) =>
      makeIssue('json.syntax', { file: name, pointer: '', ...positionAt(file, e.offset) }, { error: printParseErrorCode(e.error) }),
    );
    return { file, issues };
  }
  const issues: Issue[] = [];
  if (file.root) keyIssues(file, file.root, [], issues);
  if (file.root) escapedSurrogates(file, file.root, issues);
  if (issues.some((i) => i.code === 'json.forbiddenKey' || i.code === 'json.encoding')) return { file, issues };
  try {
    file.value = JSON.parse(text);
  } catch (e) {
    issues.push(makeIssue('json.syntax', top, { error: e instanceof Error ? e.message : String(e) }));
  }
  return { file, issues };
}

/**
 * The location of a JSON pointer in a JSON text, for tools that report problems found after
 * validation (the pack resolver, for instance). Never throws: a text or pointer that is not a
 * string gives line 1, column 1.
 *
 * @example
 * ```ts
 * import { locatePointer } from '@gridsafe/schema';
 * const at = locatePointer('{\n  "a": [1, 2]\n}', 'x.json', '/a/1');
 * console.log(at.line, at.column); // 2 13
 * ```
 */
export function locatePointer(text: string, name: string, pointer: string, key = false): Location {
  if (typeof text !== 'string' || typeof pointer !== 'string' || typeof name !== 'string')
    return { file: typeof name === 'string' ? name : '(input)', line: 1, column: 1, pointer: typeof pointer === 'string' ? pointer : '' };
  const file: SourceFile = { name, text, root: parseTree(text), value: undefined, lineStarts: lineStartsOf(text) };
  return locate(file, pointer, key);
}

const placers = new WeakMap<object, { name: string; at(pointer: string, key?: boolean): Location }>();

/**
 * Where pointers of one loaded rule file are, parsing its text once (on the first question, and
 * only if one is asked). The answer is kept for the life of `file`.
 */
export function placerOf(
  file: { name: string; text?: string },
  parsed?: SourceFile,
): { name: string; at(pointer: string, key?: boolean): Location } {
  const known = placers.get(file);
  if (known) return known;
  let tree: SourceFile | undefined = parsed;
  const p = {
    name: file.name,
    at(pointer: string, key = false): Location {
      if (file.text === undefined) return { file: file.name, line: 1, column: 1, pointer };
      tree ??= { name: file.name, text: file.text, root: parseTree(file.text), value: undefined, lineStarts: lineStartsOf(file.text) };
      return locate(tree, pointer, key);
    },
  };
  placers.set(file, p);
  return p;
}
