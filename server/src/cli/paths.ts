import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setRuleDocsBase } from '../lsp/rule-docs.js';

/** Points each diagnostic's documentation link at the docs/rules folder that ships beside the bundle. */
export function useBundledRuleDocs(): void {
    // Both bundles sit in out/<name>/, and docs/ beside out/ (in the repository and in the .vsix).
    const folder = join(__dirname, '..', '..', 'docs', 'rules');
    if (existsSync(folder)) setRuleDocsBase(pathToFileURL(folder).toString());
}
