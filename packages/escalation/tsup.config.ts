// Builds the escalation package alone (from the repository root: npx tsup --config packages/escalation/tsup.config.ts),
// e.g. before its benchmark, which runs the built package.
import configs from '../../tsup.config.js';

export default (configs as { name?: string }[]).filter((c) => c.name === 'escalation');
