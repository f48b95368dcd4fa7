// Regenerates the parser and AST types from the grammar. The only way generated code is made:
// test/language/generated.test.ts fails when the grammar and server/src/language/generated disagree.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules', 'langium-cli', 'bin', 'langium.js');
const run = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
