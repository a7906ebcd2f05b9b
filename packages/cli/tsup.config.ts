// Builds the CLI package alone (from the repository root: npx tsup --config packages/cli/tsup.config.ts).
import configs from '../../tsup.config.js';

export default (configs as { name?: string }[]).filter((c) => c.name === 'cli');
