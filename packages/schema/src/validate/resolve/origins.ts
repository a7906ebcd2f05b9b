import type { Location } from '../../errors/issues.js';
import type { Placed } from './types.js';

/** A place in a source file: the file and a JSON pointer in it. */
export interface Place {
  src: Placed;
  pointer: string;
}

interface Tag {
  /** Where the object itself is written. */
  base: Place;
  /** Properties written somewhere else: the fields an overlay set on an inherited element. */
  keys?: Map<string, Place>;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unesc = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Where each object of a resolved pack was written: in which rule file, or in which overlay
 * operation of which manifest. A problem found in the resolved pack is reported there.
 */
export class Origins {
  private readonly tags = new WeakMap<object, Tag>();

  /** Tag `node` and everything inside it as written at `pointer` of `src`. */
  tagTree(node: unknown, src: Placed, pointer: string): void {
    if (node === null || typeof node !== 'object') return;
    this.tags.set(node, { base: { src, pointer } });
    if (Array.isArray(node)) node.forEach((x, i) => this.tagTree(x, src, `${pointer}/${i}`));
    else for (const [k, v] of Object.entries(node)) this.tagTree(v, src, `${pointer}/${esc(k)}`);
  }

  /** `merged` replaces `before`: it sits where `before` did, except the fields in `written`, which come from elsewhere. */
  tagMerge(merged: object, before: object, written: Map<string, Place>): void {
    const prior = this.tags.get(before);
    const keys = new Map(prior?.keys ?? []);
    for (const [k, p] of written) keys.set(k, p);
    this.tags.set(merged, { base: prior?.base ?? ([...written.values()][0] as Place), keys });
  }

  /** Where the value at `pointer` inside `root` was written. */
  place(root: unknown, pointer: string): Place | undefined {
    const top = root !== null && typeof root === 'object' ? this.tags.get(root) : undefined;
    if (!top) return undefined;
    let cur = top.base;
    let node: unknown = root;
    const segs = pointer === '' ? [] : pointer.slice(1).split('/').map(unesc);
    for (const seg of segs) {
      const parent = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
      const child = parent && hasOwn.call(parent, seg) ? parent[seg] : undefined;
      const own = child !== null && typeof child === 'object' ? this.tags.get(child) : undefined;
      const written = parent ? this.tags.get(parent)?.keys?.get(seg) : undefined;
      if (own) cur = own.base;
      else if (written) cur = written;
      else cur = { src: cur.src, pointer: `${cur.pointer}/${esc(seg)}` };
      node = child;
    }
    return cur;
  }

  /** The location of the value at `pointer` inside `root`, or undefined when `root` is untracked. */
  locate(root: unknown, pointer: string, key = false): Location | undefined {
    const p = this.place(root, pointer);
    return p ? p.src.at(p.pointer, key) : undefined;
  }
}
