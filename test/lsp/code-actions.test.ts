import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { ArchwrightCodeActionProvider } from '../../server/src/lsp/code-actions.js';
import { READINESS_RULES, RULES_BY_ID } from '../../server/src/rules/registry.js';
import { diagnosticLines, loadWorkspace, type Workspace } from '../helpers.js';

const design = 'architecture "T" {\n  stage design\n}\n';
const production = 'architecture "T" {\n  stage production\n}\n';
const up = 'requirement up "Up" {\n  kind availability\n  target 99.9%\n}\n';
const pii = 'constraint gdpr "G" {\n  kind compliance\n  standard GDPR\n}\ndata profile "P" { class pii }\n';
const services = 'service a "A" { technology "Go" }\nservice b "B" { technology "Go" }\n';

/** For each rule, a model where it fires; `fix` when its cure is a property. */
const CASES: { rule: string; text: string; fix: boolean; note?: string }[] = [
    { rule: 'missing-technology', fix: true, text: design + 'service api "API"\n', note: 'a declaration without a block' },
    { rule: 'flow-missing-protocol', fix: true, text: design + services + 'a -> b "calls"\n' },
    { rule: 'unsatisfied-requirement', fix: false, text: design + 'requirement r "R" { kind functional }\n' },
    { rule: 'requirement-missing-target', fix: true, text: design + 'requirement r "R" {\n  kind performance\n}\ncomponent c "C" {\n  technology "x"\n  satisfies r\n}\n' },
    { rule: 'orphan-element', fix: false, text: design + 'service a "A" { technology "Go" }\n' },
    { rule: 'sync-cycle', fix: true, text: design + services + 'a -> b { protocol gRPC }\nb -> a { protocol gRPC }\n', note: 'a block on one line' },
    { rule: 'sequence-step-without-flow', fix: false, text: design + services + 'view v "V" sequence {\n  a -> b "asks"\n}\n' },
    { rule: 'decision-missing-rationale', fix: true, text: design + 'decision d "D" {\n  status accepted\n}\n' },
    { rule: 'single-point-of-failure', fix: true, text: production + up + 'service o "O" {\n  satisfies up\n}\n' },
    { rule: 'single-point-of-failure', fix: true, text: production + up + 'service o "O" {\n  satisfies up\n  replicas 1\n}\n', note: 'replacing replicas 1' },
    { rule: 'single-point-of-failure', fix: true, text: production + up + 'database d "D" {\n  satisfies up\n  replication none\n}\n', note: 'a datastore with replication none' },
    { rule: 'single-zone', fix: false, text: production + up + 'service o "O" {\n  satisfies up\n  replicas 2\n}\ndeployment p "P" {\n  zone z1 "1" {\n    node n { runs o x2 }\n  }\n  zone z2 "2"\n}\n' },
    { rule: 'no-production-deployment', fix: false, text: production + 'person u "U"\n' },
    { rule: 'not-deployed', fix: false, text: production + 'service a "A"\nservice b "B"\ndeployment p "P" {\n  node n { runs a }\n}\n' },
    { rule: 'replica-mismatch', fix: true, text: production + 'service a "A" { replicas 3 }\ndeployment p "P" {\n  node n { runs a x2 }\n}\n' },
    { rule: 'missing-backup', fix: true, text: production + 'database db "DB" {\n  technology "PostgreSQL"\n}\n' },
    { rule: 'unencrypted-sensitive-flow', fix: true, text: production + pii + services + 'a -> b {\n  protocol SQL\n  carries profile\n}\n' },
    { rule: 'unencrypted-sensitive-store', fix: true, text: production + pii + 'database db "DB" { stores profile }\n' },
    { rule: 'missing-auth', fix: true, text: production + pii + 'person u "U"\ngateway g "G"\nu -> g {\n  protocol HTTPS\n  carries profile\n}\n' },
    { rule: 'unguarded-entry', fix: false, text: production + 'person u "U"\nservice s "S"\nu -> s "uses"\n' },
    { rule: 'missing-monitoring', fix: true, text: production + 'service s "S"\n' },
    { rule: 'missing-monitoring', fix: true, text: production + 'service s "S" {\n  monitoring logs\n  alert "down"\n}\n', note: 'replacing a monitoring without metrics' },
    { rule: 'missing-monitoring', fix: true, text: production + 'service s "S" {\n  monitoring logs\n}\n', note: 'replacing monitoring and adding an alert' },
    { rule: 'missing-tracing', fix: true, text: production + 'service a "A" { monitoring metrics }\nservice b "B" { monitoring metrics traces }\ndatabase c "C"\na -> b\nb -> c\n' },
    { rule: 'missing-healthcheck', fix: true, text: production + 'service s "S" {\n  replicas 2\n}\n' },
    { rule: 'missing-owner', fix: true, text: production + 'queue q "Q"\n' },
    { rule: 'missing-autoscaling', fix: true, text: production + 'requirement g "G" {\n  kind scalability\n  target "5x"\n}\nservice s "S" { satisfies g }\n' }
];

function provider(ws: Workspace): ArchwrightCodeActionProvider {
    return ws.services.lsp.CodeActionProvider as ArchwrightCodeActionProvider;
}

async function actionsFor(ws: Workspace, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const doc = ws.doc('model.arch');
    const params = { textDocument: { uri: doc.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
    return (await provider(ws).getCodeActions(doc, params) ?? []) as CodeAction[];
}

/** Applies an action's plain text edits to the text. */
function apply(text: string, action: CodeAction, uri: string): string {
    const edits: TextEdit[] = [...(action.edit?.changes?.[uri] ?? [])];
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    edits.sort((x, y) => offset(y.range.start) - offset(x.range.start));
    let out = text;
    for (const e of edits) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    return out;
}

function ofRule(ws: Workspace, rule: string): Diagnostic[] {
    return (ws.doc('model.arch').diagnostics ?? []).filter(d => d.code === rule);
}

/** Applies the chosen action to the first diagnostic of the rule, rebuilds, and returns what is left. */
async function fixAndRebuild(text: string, rule: string, choose: (actions: CodeAction[]) => CodeAction | undefined) {
    const ws = await loadWorkspace({ 'model.arch': text });
    const [diagnostic] = ofRule(ws, rule);
    expect(diagnostic, `${rule} should fire on the test model`).toBeDefined();
    const action = choose(await actionsFor(ws, diagnostic));
    expect(action, `no such action for ${rule}`).toBeDefined();
    const fixed = apply(text, action!, ws.uri('model.arch'));
    const after = await loadWorkspace({ 'model.arch': fixed });
    // Core diagnostics (syntax, duplicate or misplaced property...) are the errors a fix must never cause.
    const errors = diagnosticLines(after.doc('model.arch'), d => d.severity === 1 && !RULES_BY_ID.has(String(d.code)));
    return { diagnostic, action: action!, fixed, errors, remaining: ofRule(after, rule).map(d => d.message) };
}

describe('the property quick fix of each readiness rule', () => {
    it('covers every rule of the registry with a test model', () => {
        expect(new Set(CASES.map(c => c.rule))).toEqual(new Set(READINESS_RULES.map(r => r.id)));
    });

    for (const c of CASES.filter(c => c.fix)) {
        it(`cures ${c.rule}${c.note ? ` (${c.note})` : ''} and leaves a valid file`, async () => {
            const { diagnostic, action, errors, remaining, fixed } = await fixAndRebuild(c.text, c.rule, actions => actions.find(a => a.isPreferred));
            expect(errors, fixed).toEqual([]);
            expect(remaining, fixed).not.toContain(diagnostic.message);
            expect(action.title).not.toMatch(/^Allow/);
        });
    }
});

describe('"allow here" for each readiness rule', () => {
    for (const c of CASES.filter((c, i) => CASES.findIndex(d => d.rule === c.rule) === i)) {
        it(`silences ${c.rule} on its subject and leaves a valid file`, async () => {
            const { diagnostic, errors, remaining, fixed } = await fixAndRebuild(c.text, c.rule, actions => actions.find(a => /^(Allow|Turn)/.test(a.title)));
            expect(errors, fixed).toEqual([]);
            expect(remaining, fixed).not.toContain(diagnostic.message);
        });
    }
});

describe('where quick fixes write', () => {
    it('inserts before the closing brace with the file\'s own indentation', async () => {
        const text = 'architecture "T" {\n    stage production\n}\nsystem s "S" {\n    queue q "Q" {\n        technology "Kafka"\n    }\n}\n';
        const { fixed } = await fixAndRebuild(text, 'missing-owner', actions => actions.find(a => a.isPreferred));
        expect(fixed).toContain('    queue q "Q" {\n        technology "Kafka"\n        owner "team"\n    }\n');
    });

    it('indents with tabs in a tab-indented file, and opens a block after a declaration without one', async () => {
        const text = 'architecture "T" {\n\tstage production\n}\nsystem s "S" {\n\tqueue q "Q"\n}\n';
        const { fixed } = await fixAndRebuild(text, 'missing-owner', actions => actions.find(a => a.isPreferred));
        expect(fixed).toContain('\tqueue q "Q" {\n\t\towner "team"\n\t}\n}\n');
    });

    it('keeps a one-line block on one line', async () => {
        const text = design + services + 'a -> b { protocol gRPC }\nb -> a { protocol gRPC }\n';
        const { fixed } = await fixAndRebuild(text, 'sync-cycle', actions => actions.find(a => a.isPreferred));
        expect(fixed).toContain('a -> b { protocol gRPC async }\nb -> a { protocol gRPC }\n');
    });

    it('sets an existing property instead of repeating it', async () => {
        const text = production + up + 'service o "O" {\n  satisfies up\n  replicas 1\n  owner "x"\n}\n';
        const { fixed, action } = await fixAndRebuild(text, 'single-point-of-failure', actions => actions.find(a => a.isPreferred));
        expect(action.title).toBe('Set replicas 2');
        expect(fixed).toContain('  satisfies up\n  replicas 2\n  owner "x"\n}');
    });

    it('writes rule RULE off into the architecture block for a diagnostic on the architecture', async () => {
        const { fixed } = await fixAndRebuild(production, 'no-production-deployment', actions => actions[0]);
        expect(fixed).toBe('architecture "T" {\n  stage production\n  rule no-production-deployment off\n}\n');
    });

    it('puts the allow for a sequence step into the view\'s block', async () => {
        const text = design + services + 'view v "V" sequence {\n  a -> b "asks"\n}\n';
        const { fixed } = await fixAndRebuild(text, 'sequence-step-without-flow', actions => actions[0]);
        expect(fixed).toContain('view v "V" sequence {\n  a -> b "asks"\n  allow sequence-step-without-flow "reason"\n}');
    });

    it('sends snippets with placeholders when the client supports snippet edits', async () => {
        const ws = await loadWorkspace({ 'model.arch': production + 'database db "DB" {\n  technology "x"\n}\n' });
        provider(ws).snippetSupport = true;
        const [action] = await actionsFor(ws, ofRule(ws, 'missing-backup')[0]);
        expect(action.edit?.documentChanges).toEqual([{
            textDocument: { uri: ws.uri('model.arch'), version: expect.any(Number) },
            edits: [{ range: expect.anything(), snippet: { kind: 'snippet', value: '  backup ${1|daily,hourly,weekly,continuous|}\n' } }]
        }]);
    });
});

describe('suggestion fixes', () => {
    it('replaces a misspelt reference with the suggested id', async () => {
        const text = 'service orders "O"\nservice billing "B"\nbilling -> ordres "typo"\nbilling -> s.x\n';
        const { fixed, errors } = await fixAndRebuild(text.replace('billing -> s.x\n', ''), 'unresolved-reference', actions => actions[0]);
        expect(fixed).toContain('billing -> orders "typo"');
        expect(errors).toEqual([]);
    });

    it('replaces a dotted path with the suggested path', async () => {
        const text = 'system shop "S" {\n  service orders "O"\n}\nservice b "B"\nb -> shop.ordres\n';
        const { fixed, errors } = await fixAndRebuild(text, 'unresolved-reference', actions => actions[0]);
        expect(fixed).toContain('b -> shop.orders\n');
        expect(errors).toEqual([]);
    });

    it('replaces an unknown rule id in rule and allow with the nearest rule id', async () => {
        const text = 'architecture "T" {\n  stage design\n  rule missing-tecnology off\n}\n';
        const { fixed, remaining } = await fixAndRebuild(text, 'unknown-rule', actions => actions[0]);
        expect(fixed).toContain('  rule missing-technology off\n');
        expect(remaining).toEqual([]);
        const allow = 'service a "A" {\n  allow orphan-elemnt "why"\n}\n';
        expect((await fixAndRebuild(allow, 'unknown-rule', actions => actions[0])).fixed).toContain('allow orphan-element "why"');
    });
});
