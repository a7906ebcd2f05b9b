import type { Issue } from '@gridsafe/schema';

/**
 * The source line of an issue with a caret under its column, like a compiler shows it.
 * Returns an empty string when the text is not available.
 */
export function codeFrame(issue: Issue, texts: ReadonlyMap<string, string>): string {
  const text = texts.get(issue.file);
  if (text === undefined) return '';
  const line = text.split('\n')[issue.line - 1];
  if (line === undefined) return '';
  const shown = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  const gutter = String(issue.line).padStart(5);
  const pad = ' '.repeat(Math.min(issue.column - 1, shown.length));
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${pad}^\n`;
}
