// What `node --build-snapshot` runs to snapshot the command line (launcher.ts builds it so). Node
// runs this script with `require` (of Node's own modules) but no `module`, which the bundle needs:
// this runs out/cli/main.js as Node's module loader would (`node:vm` would print a warning in
// every command started from the snapshot). Under --build-snapshot the bundle prepares its
// services and leaves its entry point to the snapshot (snapshot.ts).
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join } from 'node:path';

const bundle = join(__dirname, 'main.js');
const loaded = { exports: {} };
const source = `${readFileSync(bundle, 'utf8')}\n//# sourceURL=${bundle}`;
// While the snapshot is built, `require` loads Node's own modules only; a command that runs from it
// may load a package (playwright-core, for export --format svg), found as from the bundle.
let fromBundle: NodeJS.Require | undefined;
const requireAtRun = (id: string): unknown => isBuiltin(id) ? process.getBuiltinModule(id) : (fromBundle ??= createRequire(bundle))(id);
new Function('exports', 'require', 'module', '__filename', '__dirname', source).call(loaded.exports, loaded.exports, requireAtRun, loaded, bundle, __dirname);
