/**
 * Where each rule's page lives: the docs/rules folder that ships with the extension and the
 * command line. The entry point sets the base once; tests and other front ends may change it.
 */
let base = 'https://github.com/archwright/archwright/blob/main/docs/rules/';

export function setRuleDocsBase(uri: string): void {
    base = uri.endsWith('/') ? uri : uri + '/';
}

export function ruleDocsUri(code: string): string {
    return `${base}${code}.md`;
}
