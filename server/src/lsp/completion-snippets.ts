import { ELEMENT_KINDS } from '../model/arch-model.js';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';

// Declaration templates offered in place of the bare keyword that starts each declaration, so
// the list shows one entry per declaration. Keyed by the grammar rule that owns the keyword.

const NODE_KINDS = ['region', 'zone', 'node'];

function snippet(label: string, body: string, detail: string): CompletionItem {
    return {
        label, detail, filterText: label.split(' ')[0],
        kind: CompletionItemKind.Snippet, insertText: body, insertTextFormat: InsertTextFormat.Snippet, sortText: '1'
    };
}

function block(head: string, ...lines: string[]): string {
    return `${head} {\n${lines.map(l => '\t' + l).join('\n')}\n}`;
}

const ELEMENT_BODIES: Record<string, string> = {
    person: 'person ${1:id} "${2:Title}"',
    system: block('system ${1:id} "${2:Title}"', '$0'),
    database: block('database ${1:id} "${2:Title}"', 'technology "${3}"', 'stores ${4:data}$0'),
    storage: block('storage ${1:id} "${2:Title}"', 'technology "${3}"', 'stores ${4:data}$0')
};

const VIEWS: [string, string][] = [
    ['view', block('view ${1:id} "${2:Title}"', 'include ${3:*}')],
    ['view of', 'view ${1:id} "${2:Title}" of ${3:system}'],
    ['view deployment', 'view ${1:id} "${2:Title}" deployment ${3:deployment}'],
    ['view sequence', block('view ${1:id} "${2:Title}" sequence', '${3:a} -> ${4:b} "${5:step}"')],
    ['view requirements', 'view ${1:id} "${2:Title}" requirements'],
    ['view dataflow', 'view ${1:id} "${2:Title}" dataflow ${3:data}']
];

const DECLARATIONS: Record<string, CompletionItem[]> = {
    'Architecture:architecture': [snippet('architecture', block('architecture "${1:Title}"', 'stage ${2|whiteboard,design,production|}'), 'the model\'s title and stage')],
    'Requirement:requirement': [snippet('requirement', block('requirement ${1:id} "${2:Title}"', 'kind ${3|functional,performance,availability,scalability,security,compliance,usability,maintainability,cost|}', 'priority ${4|must,should,could|}'), 'a requirement')],
    'Constraint:constraint': [snippet('constraint', block('constraint ${1:id} "${2:Title}"', 'kind ${3|compliance,budget,timeline,technology,regulatory,other|}'), 'a constraint')],
    'DataAsset:data': [snippet('data', block('data ${1:id} "${2:Title}"', 'class ${3|public,internal,confidential,pii,payment,health,secret|}'), 'a data asset')],
    'Deployment:deployment': [snippet('deployment', block('deployment ${1:id} "${2:Title}"', 'kind ${3|production,staging,development,test|}', 'node ${4:id} "${5:Title}" {', '\truns ${6:element}', '}'), 'an environment')],
    'Decision:decision': [snippet('decision', block('decision ${1:id} "${2:Title}"', 'status ${3|proposed,accepted,rejected,deprecated|}', 'date "${4}"', 'affects ${5:element}', 'rationale "${6}"'), 'an architecture decision')],
    'View:view': VIEWS.map(([label, body]) => snippet(label, body, 'a diagram')),
    ...Object.fromEntries(ELEMENT_KINDS.map(kind => [`ElementKind:${kind}`,
        [snippet(kind, ELEMENT_BODIES[kind] ?? block(`${kind} \${1:id} "\${2:Title}"`, 'technology "${3}"$0'), `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} element`)]])),
    ...Object.fromEntries(NODE_KINDS.map(kind => [`DeploymentNode:${kind}`,
        [snippet(kind, block(`${kind} \${1:id} "\${2:Title}"`, kind === 'node' ? 'runs ${3:element}' : '$0'), `a deployment ${kind}`)]]))
};

/** The templates that replace a declaration's first keyword, or undefined for other keywords. */
export function declarationSnippets(rule: string, keyword: string): CompletionItem[] | undefined {
    return DECLARATIONS[`${rule}:${keyword}`];
}

/** `source -> target "label"`: offered where a flow may start. */
export const FLOW_SNIPPET = snippet('flow', block('${1:source} -> ${2:target} "${3:label}"', 'protocol ${4:HTTPS}'), 'a data flow');

/** Every template completion can offer, for tests that expand them all. */
export function allSnippets(): CompletionItem[] {
    return [...Object.values(DECLARATIONS).flat(), FLOW_SNIPPET];
}
