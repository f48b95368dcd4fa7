import { readFileSync } from 'node:fs';
import type { CompletionItem, CompletionList, Range, TextEdit } from 'vscode-languageserver';
import { ArchwrightCompletionProvider, withSharedEditRange } from '../../server/src/lsp/completion-provider.js';
import { describe, expect, it } from 'vitest';
import { READINESS_RULES } from '../../server/src/rules/registry.js';
import { loadAtCursor } from './cursor-workspace.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

async function completionItems(files: Record<string, string> | string): Promise<CompletionItem[]> {
    const ws = await loadAtCursor(files);
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(ws.here, ws.params);
    return list?.items ?? [];
}

/** The labels offered at the marker, in the order the server sends them. */
async function offered(files: Record<string, string> | string): Promise<string[]> {
    const labels = (await completionItems(files)).map(i => i.label);
    expect(labels, 'no label twice').toEqual([...new Set(labels)]);
    return labels;
}

/** The design example with one more declaration at its end, holding the marker. */
const inExample = (declaration: string) => ({ 'shop.arch': example + '\n' + declaration + '\n' });

const DECLARATIONS = ['architecture', 'requirement', 'constraint', 'data', 'person', 'external', 'system', 'service', 'app',
    'function', 'job', 'gateway', 'loadbalancer', 'database', 'cache', 'queue', 'storage', 'component',
    'deployment', 'decision', 'view', 'view of', 'view deployment', 'view sequence', 'view requirements', 'view dataflow'];
const COMMON = ['description', 'technology', 'owner', 'tags', 'link', 'source', 'runbook', 'dashboard'];
const DEPLOYABLE = ['exposure', 'replicas', 'scaling', 'healthcheck', 'monitoring', 'alert'];
const DATASTORE = ['stores', 'encryption', 'replication', 'sharding', 'backup'];

describe('completion of keywords', () => {
    it('offers a snippet per declaration at the top of an empty file, and no keyword that would only be an id', async () => {
        expect(await offered('|')).toEqual(DECLARATIONS);
    });

    it('offers the declarations, a flow and the elements a flow may start from at the top level', async () => {
        const labels = await offered('service a "A"\nrequirement r "R"\n|');
        expect(labels).toEqual(expect.arrayContaining([...DECLARATIONS, 'flow', 'a']));
        expect(labels).not.toContain('r');
        expect(labels).not.toContain('replicas');
        expect(labels).not.toContain('production');
    });

    it('inserts a declaration as a template with tab stops', async () => {
        const items = await completionItems('|');
        expect(items.find(i => i.label === 'requirement')?.insertText).toContain('requirement ${1:id} "${2:Title}" {');
        expect(items.find(i => i.label === 'view of')?.insertText).toBe('view ${1:id} "${2:Title}" of ${3:system}');
    });

    it('offers a service only the properties of a deployable element that is not a datastore', async () => {
        expect(await offered('service a "A" {\n  |\n}\n')).toEqual([...COMMON, 'satisfies', ...DEPLOYABLE, 'allow']);
    });

    it('offers a person neither deployment properties nor satisfies', async () => {
        expect(await offered('person p "P" {\n  |\n}\n')).toEqual([...COMMON, 'allow']);
    });

    it('offers a datastore its own properties, minus the ones already given, but repeatable ones again', async () => {
        const labels = await offered('data d "D"\ndatabase db "DB" {\n  replicas 2\n  alert "down"\n  stores d\n  |\n}\n');
        expect(labels).toEqual([...COMMON, 'satisfies', ...DEPLOYABLE.filter(p => p !== 'replicas'), ...DATASTORE.filter(p => p !== 'stores'), 'allow']);
    });

    it('offers nested elements inside a system, and none inside a service', async () => {
        const inSystem = await offered('system s "S" {\n  service a "A" {\n  }\n  |\n}\n');
        expect(inSystem).toEqual(['person', 'external', 'system', 'service', 'app', 'function', 'job', 'gateway', 'loadbalancer',
            'database', 'cache', 'queue', 'storage', 'component', ...COMMON, 'satisfies', 'allow']);
        expect(await offered('system s "S" {\n  service a "A" {\n    |\n  }\n}\n')).not.toContain('service');
    });

    it('completes a property name being typed', async () => {
        expect(await offered('service a "A" {\n  rep|\n}\n')).toEqual(['replicas']);
        expect(await offered('person a "A" {\n  rep|\n}\n')).toEqual([]);
    });

    it('offers the properties of requirements, flows, deployments, decisions and landscape views', async () => {
        expect(await offered('requirement r "R" {\n  kind cost\n  |\n}\n')).toEqual(['target', 'priority', 'description', 'allow']);
        expect(await offered('service a "A"\nservice b "B"\na -> b {\n  |\n}\n'))
            .toEqual(['protocol', 'format', 'carries', 'encrypted', 'auth', 'async', 'description', 'allow']);
        expect(await offered('deployment d {\n  |\n}\n')).toEqual(['kind', 'description', 'owner', 'region', 'zone', 'node', 'allow']);
        expect(await offered('decision d {\n  status accepted\n  |\n}\n'))
            .toEqual(['date', 'affects', 'rationale', 'consequences', 'description', 'allow']);
        expect(await offered('view v {\n  |\n}\n')).toEqual(['include', 'exclude', 'description', 'allow']);
    });

    it('offers the values a property takes', async () => {
        expect(await offered('architecture {\n  stage |\n}\n')).toEqual(['whiteboard', 'design', 'production']);
        expect(await offered('requirement r {\n  kind |\n}\n')).toEqual(['functional', 'performance', 'availability', 'scalability',
            'security', 'compliance', 'usability', 'maintainability', 'cost']);
        expect(await offered('constraint c {\n  standard |\n}\n')).toEqual(['GDPR', 'PCI-DSS', 'HIPAA', 'SOC2', 'ISO27001']);
        expect(await offered('data d {\n  class |\n}\n')).toEqual(['public', 'internal', 'confidential', 'pii', 'payment', 'health', 'secret']);
        expect(await offered('service a {\n  exposure |\n}\n')).toEqual(['public', 'internal']);
        expect(await offered('database a {\n  replication |\n}\n')).toEqual(['none', 'primary-replica', 'multi-primary', 'cluster']);
        expect(await offered('database a {\n  backup |\n}\n')).toEqual(['hourly', 'daily', 'weekly', 'continuous']);
        expect(await offered('decision d {\n  status |\n}\n')).toEqual(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
        expect(await offered('deployment d {\n  kind |\n}\n')).toEqual(['production', 'staging', 'development', 'test']);
    });

    it('offers each monitoring signal once', async () => {
        const labels = await offered('service a "A" {\n  monitoring metrics |\n}\n');
        expect(labels.slice(0, 2)).toEqual(['logs', 'traces']);
        expect(labels).not.toContain('metrics');
        expect(labels).not.toContain('monitoring');
    });

    it('offers the readiness rules after rule and allow', async () => {
        const ids = READINESS_RULES.map(r => r.id);
        expect(await offered('architecture {\n  rule |\n}\n')).toEqual(ids);
        expect(await offered('service a {\n  allow |\n}\n')).toEqual(ids);
    });
});

describe('completion of references', () => {
    it('offers only requirements after satisfies, with their kind and title', async () => {
        const items = await completionItems(inExample('service extra "Extra" {\n  satisfies |\n}'));
        expect(items.map(i => `${i.label}: ${i.detail}`)).toEqual([
            'checkout: requirement — Customers can pay for their cart by card',
            'fast-checkout: requirement — Checkout answers quickly',
            'always-on: requirement — The shop stays up',
            'peak-load: requirement — The shop survives Black Friday'
        ]);
    });

    it('offers only deployable elements after runs, by their plain id', async () => {
        expect(await offered(inExample('deployment staging {\n  node n {\n    runs |\n  }\n}')))
            .toEqual(['edge', 'storefront', 'orders', 'orders-db', 'order-events', 'nightly-report']);
    });

    it('offers only data assets after stores and carries', async () => {
        expect(await offered(inExample('database extra-db {\n  stores |\n}'))).toEqual(['customer-profile', 'card']);
        expect(await offered(inExample('orders -> payments {\n  carries |\n}'))).toEqual(['customer-profile', 'card']);
    });

    it('offers only elements at flow ends, after affects, include, exclude and in sequence steps', async () => {
        const elements = ['shopper', 'payments', 'shop', 'edge', 'storefront', 'orders', 'orders-db', 'order-events', 'nightly-report'];
        expect(await offered(inExample('orders -> |'))).toEqual(elements);
        expect(await offered(inExample('decision adr-003 {\n  affects |\n}'))).toEqual(elements);
        expect(await offered(inExample('view more {\n  include |\n}'))).toEqual(elements);
        expect(await offered(inExample('view less {\n  exclude |\n}'))).toEqual(elements);
        expect(await offered(inExample('view steps sequence {\n  shopper -> |\n}'))).toEqual(elements);
    });

    it('offers only decisions after superseded by', async () => {
        expect(await offered(inExample('decision adr-003 {\n  status superseded by |\n}'))).toEqual(['adr-001', 'adr-002', 'adr-003']);
    });

    it('offers systems after of, deployments after deployment, data after dataflow', async () => {
        expect(await offered(inExample('view inside "Inside" of |'))).toEqual(['shop']);
        expect(await offered(inExample('view where "Where" deployment |'))).toEqual(['production']);
        expect(await offered(inExample('view path "Path" dataflow |'))).toEqual(['customer-profile', 'card']);
    });

    it('offers declarations of other files of the model, and a nested element once, by its id', async () => {
        const labels = await offered({
            'a.arch': 'system shop "Shop" {\n  system inner "Inner" {\n    service orders "Orders"\n  }\n}\n',
            'b.arch': 'person u "U"\nu -> |'
        });
        expect(labels).toEqual(['shop', 'inner', 'orders', 'u']);
    });

    it('offers the parts of the element a dotted path names so far, inserting only the segment', async () => {
        const model = 'system shop {\n  system inner {\n    service orders "Orders"\n  }\n  service web "Web"\n}\nservice u\n';
        expect(await offered(model + 'u -> shop.|')).toEqual(['inner', 'web']);
        expect(await offered(model + 'u -> shop.inner.|')).toEqual(['orders']);
        const [item] = await completionItems(model + 'u -> shop.inner.or|');
        expect(item).toMatchObject({ label: 'orders', detail: 'service — Orders', textEdit: { newText: 'orders', range: { start: { line: 7, character: 16 } } } });
        expect(await offered(model + 'u -> web.|')).toEqual([]);
    });

    it('narrows the ids to what is being typed', async () => {
        expect(await offered(inExample('orders -> ord|'))).toEqual(['orders', 'orders-db', 'order-events']);
    });
});

describe("completion items' edits", () => {
    it("are Langium's, worked out once per context, with and without the client's insert/replace support", async () => {
        for (const [text, insertReplace] of [[inExample('orders -> ord|'), false], [inExample('orders -> ord|'), true], [inExample('service probe "Probe" {\n  satisfies |\n}'), true]] as const) {
            const ws = await loadAtCursor(text);
            const provider = ws.services.lsp.CompletionProvider as ArchwrightCompletionProvider;
            const internals = provider as unknown as { clientCapabilities?: unknown };
            internals.clientCapabilities = { completionItem: { insertReplaceSupport: insertReplace } };
            const ours = (await provider.getCompletion(ws.here, ws.params))!;
            // Langium's own edit for each item, as DefaultCompletionProvider builds it.
            const langium = Object.getPrototypeOf(ArchwrightCompletionProvider.prototype) as { buildCompletionTextEdit: (...args: unknown[]) => unknown };
            const spy = provider as unknown as { buildCompletionTextEdit: (...args: unknown[]) => unknown };
            const own = spy.buildCompletionTextEdit;
            spy.buildCompletionTextEdit = function (...args: unknown[]) { return langium.buildCompletionTextEdit.apply(this, args); };
            const theirs = (await provider.getCompletion(ws.here, ws.params))!;
            spy.buildCompletionTextEdit = own;
            expect(ours.items.length).toBeGreaterThan(0);
            expect(ours.items.map(i => [i.label, i.textEdit])).toEqual(theirs.items.map(i => [i.label, i.textEdit]));
            expect(ours.items.every(i => insertReplace ? 'insert' in i.textEdit! : 'range' in i.textEdit!)).toBe(true);
        }
    });
});

describe('a list whose items all replace the same range', () => {
    /** The text each item would leave at the marker, applied the way a client applies it. */
    function applied(list: CompletionList, text: string): string[] {
        const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        return list.items.map(item => {
            const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : { range: list.itemDefaults!.editRange as Range, newText: item.textEditText ?? item.label };
            return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
        });
    }

    it('gives that range once when the client takes it, and each item the same text as before', async () => {
        const ws = await loadAtCursor(inExample('service probe "Probe" {\n  satisfies |\n}'));
        const provider = ws.services.lsp.CompletionProvider as ArchwrightCompletionProvider;
        const text = ws.here.textDocument.getText();
        const full = (await provider.getCompletion(ws.here, ws.params))!;
        expect(full.itemDefaults).toBeUndefined();
        provider.editRangeDefault = true;
        const shared = (await provider.getCompletion(ws.here, ws.params))!;
        expect(shared.itemDefaults?.editRange).toEqual((full.items[0].textEdit as TextEdit).range);
        expect(shared.items.every(item => item.textEdit === undefined)).toBe(true);
        expect(shared.items.map(i => i.label)).toEqual(full.items.map(i => i.label));
        expect(applied(shared, text)).toEqual(applied(full, text));
        expect(JSON.stringify(shared).length).toBeLessThan(JSON.stringify(full).length * 0.75);
    });

    it('leaves a list as it is when its items replace different ranges', () => {
        const range = (c: number): Range => ({ start: { line: 0, character: c }, end: { line: 0, character: 2 } });
        const list: CompletionList = { isIncomplete: false, items: [
            { label: 'a', textEdit: { range: range(0), newText: 'a' } },
            { label: 'b', textEdit: { range: range(1), newText: 'b' } }
        ] };
        expect(withSharedEditRange(list)).toBe(list);
        const same: CompletionList = { isIncomplete: false, items: [
            { label: 'a', textEdit: { range: range(0), newText: 'a' } },
            { label: 'flow', kind: 15, insertTextFormat: 2, textEdit: { range: range(0), newText: '${1:from} -> ${2:to}' } }
        ] };
        expect(withSharedEditRange(same)).toEqual({ isIncomplete: false, itemDefaults: { editRange: range(0) }, items: [
            { label: 'a' }, { label: 'flow', kind: 15, insertTextFormat: 2, textEditText: '${1:from} -> ${2:to}' }
        ] });
    });
});
