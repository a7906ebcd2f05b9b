// The published packages and their entry points, in dependency order: one list for the build
// (tsup.config.ts, scripts/build.mjs), the package checks and the tarball test.

/** A published package: its folder under packages/, its entry points and the platform it builds for. */
export interface PackageEntry {
  name: string;
  entries: Record<string, string>;
  platform: 'node' | 'neutral';
  /** The entry that is the command-line program (no type declarations). */
  bin?: string;
}

export const packages: PackageEntry[] = [
  { name: 'schema', entries: { index: 'src/index.ts', node: 'src/node.ts' }, platform: 'node' },
  { name: 'engine', entries: { index: 'src/index.ts', node: 'src/node.ts' }, platform: 'node' },
  { name: 'escalation', entries: { index: 'src/index.ts' }, platform: 'neutral' },
  { name: 'scoring', entries: { index: 'src/index.ts' }, platform: 'neutral' },
  { name: 'cli', entries: { index: 'src/index.ts', bin: 'src/bin.ts' }, platform: 'node', bin: 'bin' },
];
