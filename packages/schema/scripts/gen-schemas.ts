// Writes packages/schema/schemas/*.schema.json from the TypeBox source, so editors and the
// validator read the same definitions. A test fails when the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_FILE_KINDS, ruleFileSchema, schemaFileName } from '../src/kinds/index.js';
import { HOST_INPUTS, hostSchema } from './host-schemas.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const kind of RULE_FILE_KINDS) {
  writeFileSync(join(outDir, schemaFileName(kind)), `${JSON.stringify(ruleFileSchema(kind), null, 2)}\n`);
}
for (const input of HOST_INPUTS) writeFileSync(join(outDir, input.file), `${JSON.stringify(hostSchema(input), null, 2)}\n`);
console.log(`wrote ${RULE_FILE_KINDS.length + HOST_INPUTS.length} schemas to ${outDir}`);
