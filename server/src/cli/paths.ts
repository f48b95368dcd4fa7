import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setRuleDocsBase } from '../lsp/rule-docs.js';

/** Points each diagnostic's documentation link at the docs/rules folder that ships beside the bundle. */
export function useBundledRuleDocs(): void {
    for (const candidate of [join(__dirname, '..', 'docs', 'rules'), join(__dirname, '..', '..', 'docs', 'rules')]) {
        if (existsSync(candidate)) {
            setRuleDocsBase(pathToFileURL(candidate).toString());
            return;
        }
    }
}
