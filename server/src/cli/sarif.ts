// `check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every diagnostic code the
// checker can give is listed as a rule (id, one-line description, its docs page, default level), so
// an alert links to the page that explains the cure.
import { CoreCodes } from '../language/validator.js';
import type { Severity } from '../model/arch-model.js';
import { READINESS_RULES } from '../rules/registry.js';
import type { CliDiagnostic } from './check.js';
import { VERSION } from './version.js';

// A SARIF file is read on GitHub, not on the machine that wrote it: its links point at the
// published docs, not at the docs folder beside the bundle that the editor's diagnostics use.
const REPOSITORY = 'https://github.com/archwright/archwright';
const RULE_DOCS = `${REPOSITORY}/blob/main/docs/rules/`;

/** The core diagnostics of rules.md: errors at every stage, documented together in the rules index. */
const CORE_SUMMARIES: Record<string, string> = {
    [CoreCodes.syntaxError]: 'The text does not follow the grammar.',
    [CoreCodes.unresolvedReference]: 'An id or dotted path names nothing.',
    [CoreCodes.duplicateId]: 'Two declarations share an id.',
    [CoreCodes.wrongKind]: 'A reference names the wrong kind of thing.',
    [CoreCodes.selfFlow]: 'A flow from an element to itself.',
    [CoreCodes.duplicateArchitecture]: 'A second architecture declaration in the model.',
    [CoreCodes.duplicateProperty]: 'A property given twice where the language allows it once.',
    [CoreCodes.misplacedProperty]: 'A property on a kind that does not take it, or an element nested outside a system.'
};

type Level = 'error' | 'warning' | 'note';

interface SarifRule {
    id: string;
    shortDescription: { text: string };
    helpUri: string;
    defaultConfiguration: { level: Level };
    properties: { tags: string[] };
}

function level(severity: Severity): Level {
    return severity === 'error' || severity === 'warning' ? severity : 'note';
}

/** One entry per diagnostic code: the core codes, every readiness rule, and `unknown-rule`. */
export function sarifRules(): SarifRule[] {
    const core = Object.entries(CORE_SUMMARIES).map(([id, text]) => rule(id, text, `${RULE_DOCS}README.md`, 'error', 'core'));
    const readiness = READINESS_RULES.map(r => rule(r.id, r.summary, `${RULE_DOCS}${r.id}.md`, level(r.severity), r.stage));
    const unknown = rule('unknown-rule', 'A rule or allow names no readiness rule.', `${RULE_DOCS}unknown-rule.md`, 'warning', 'core');
    return [...core, ...readiness, unknown];
}

function rule(id: string, text: string, helpUri: string, defaultLevel: Level, tag: string): SarifRule {
    return { id, shortDescription: { text }, helpUri, defaultConfiguration: { level: defaultLevel }, properties: { tags: ['architecture', tag] } };
}

/**
 * A relative path stays relative to the folder `check` ran in (%SRCROOT%, which code scanning takes
 * as the repository root when check runs there); an absolute one becomes a file URI.
 */
function artifact(file: string): { uri: string; uriBaseId?: string } {
    const segments = file.split(/[\\/]/).map(encodeURIComponent);
    if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return { uri: `file://${file.startsWith('/') ? '' : '/'}${segments.join('/')}` };
    return { uri: segments.join('/'), uriBaseId: '%SRCROOT%' };
}

function location(file: string, line: number, column: number, end?: { line: number; column: number }) {
    const region = end ? { startLine: line, startColumn: column, endLine: end.line, endColumn: end.column } : { startLine: line, startColumn: column };
    return { physicalLocation: { artifactLocation: artifact(file), region } };
}

/** The diagnostics as one SARIF 2.1.0 log with one run of the `archwright` tool. */
export function formatSarif(diagnostics: readonly CliDiagnostic[]): string {
    const rules = sarifRules();
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results = diagnostics.map(d => ({
        ruleId: d.code,
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
        level: level(d.severity),
        message: { text: d.message },
        locations: [location(d.file, d.line, d.column, { line: d.endLine, column: d.endColumn })],
        ...(d.related?.length ? { relatedLocations: d.related.map((r, id) => ({ id, ...location(r.file, r.line, r.column), message: { text: r.message } })) } : {})
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'archwright', version: VERSION, semanticVersion: VERSION, informationUri: REPOSITORY, rules } },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, undefined, 2) + '\n';
}
