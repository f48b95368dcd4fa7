import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
    activeExtension, codeOf, diagnosticsOf, openFile, openNewFile, place, positionOf, printDiagnostic, removeFile, waitFor, workspaceUri
} from './helpers.js';

// The extension as a user meets it in VS Code: each test drives VS Code's own commands
// (`vscode.execute…Provider`), which go through the language client to the bundled server.
// The workspace is a copy of examples/acme-shop (shop.arch, clean at stage production) plus
// support.arch, whose flow names the storefront declared in shop.arch.

const BROKEN = `// A broken file: a misspelt requirement, a flow to an id that does not exist, and a syntax error.
requirement audit "Every order is audited" {
  kind compliance
  target "all orders"
}

service billing "Billing" {
  technology "Go 1.24"
  satisfies always-onn
  replicas
}

billing -> ordrs "charges" { protocol HTTPS }
`;

/** A database with nothing but a technology: at stage production it lacks a backup, an owner, a node and flows. */
const gaps = (id: string): string => `database ${id} "Audit log" {
  technology "PostgreSQL 16"
}
`;

const ID = /(?<![\w-])storefront(?![\w-])/g;

/** Diagnostic codes that are not readiness gaps: the core checks, and `allow`/`rule` naming no rule. */
const NOT_GAPS = new Set(['syntax-error', 'unresolved-reference', 'duplicate-id', 'wrong-kind', 'self-flow',
    'duplicate-architecture', 'duplicate-property', 'misplaced-property', 'unknown-rule']);

/** Every readiness finding the editor shows, in any file, as sorted `file:line rule` strings. */
function readinessFindingsShown(): string[] {
    return vscode.languages.getDiagnostics()
        .flatMap(([uri, diagnostics]) => diagnostics.filter(d => !NOT_GAPS.has(String(codeOf(d))))
            .map(d => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${codeOf(d)}`))
        .sort();
}

/** The gaps of the readiness report, read from its Markdown, as sorted `file:line rule` strings. */
function gapsOfReport(markdown: string): string[] {
    const gaps: string[] = [];
    let rule = '';
    for (const line of markdown.split('\n')) {
        const heading = /^## `([^`]+)` \(\d+\)$/.exec(line);
        if (heading) rule = heading[1];
        const gap = /^- \[(.+):(\d+)\]\(/.exec(line);
        if (gap) gaps.push(`${gap[1].replace(/\\(.)/g, '$1')}:${gap[2]} ${rule}`);
    }
    return gaps.sort();
}

export function editorTests(): void {
    suiteSetup(async () => {
        await activeExtension();
        // The example is clean: every test starts from a model without diagnostics.
        await openFile('support.arch');
        await diagnosticsOf(workspaceUri('shop.arch'), 'none (the example is clean)', d => d.length === 0, 60_000);
    });

    teardown(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a broken file shows its errors with codes, and readiness findings link to their rule page', async () => {
        const editor = await openNewFile('broken.arch', BROKEN);
        try {
            const diagnostics = await diagnosticsOf(editor.document.uri, 'three errors', d => d.filter(x => x.severity === vscode.DiagnosticSeverity.Error).length >= 3);
            const errors = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).sort((a, b) => a.range.start.compareTo(b.range.start));
            assert.deepEqual(errors.map(printDiagnostic), [
                '9:13 unresolved-reference No requirement named always-onn; did you mean always-on?',
                "11:1 syntax-error Expected a number but found '}'.",
                '13:12 unresolved-reference No element named ordrs; did you mean orders?'
            ]);
            const notDeployed = diagnostics.find(d => codeOf(d) === 'not-deployed');
            assert.ok(notDeployed, `no not-deployed finding among ${diagnostics.map(printDiagnostic).join('; ')}`);
            const target = typeof notDeployed.code === 'object' ? notDeployed.code.target : undefined;
            assert.ok(target && target.path.endsWith('/docs/rules/not-deployed.md'), `not-deployed links to ${String(target)}`);
            // The page ships with the extension.
            await vscode.workspace.fs.stat(target);
        } finally {
            await removeFile('broken.arch');
        }
    });

    test('completion after satisfies offers the requirements and no other ids', async () => {
        const editor = await openNewFile('completion.arch', 'service probe "Probe" {\n  satisfies \n}\n');
        try {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(1, 12));
            const labels = list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
            for (const requirement of ['checkout', 'fast-checkout', 'always-on', 'peak-load']) {
                assert.ok(labels.includes(requirement), `requirement ${requirement} missing from ${labels.join(', ')}`);
            }
            for (const other of ['orders', 'storefront', 'orders-db', 'shop', 'shopper', 'payments', 'card', 'support-desk', 'production']) {
                assert.ok(!labels.includes(other), `${other} is not a requirement but was offered: ${labels.join(', ')}`);
            }
            // The server gives the range that all the items replace once (`itemDefaults.editRange`): the client puts it on each.
            const item = list.items[labels.indexOf('always-on')];
            const range = item.range && 'inserting' in item.range ? item.range.inserting : item.range;
            assert.deepStrictEqual([item.insertText, range?.start.line, range?.start.character, range?.end.character], ['always-on', 1, 12, 12]);
        } finally {
            await removeFile('completion.arch');
        }
    });

    test('go to definition jumps from a flow in support.arch to the declaration in shop.arch', async () => {
        const support = (await openFile('support.arch')).document;
        const shop = await vscode.workspace.openTextDocument(workspaceUri('shop.arch'));
        const declaration = positionOf(shop, 'app storefront').line + 1;
        const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
            'vscode.executeDefinitionProvider', support.uri, positionOf(support, '-> storefront', 0, 4));
        assert.deepEqual(locations.map(place), [`shop.arch:${declaration}`]);
    });

    test('find references lists the uses in both files', async () => {
        const shop = (await openFile('shop.arch')).document;
        const locations = await vscode.commands.executeCommand<vscode.Location[]>(
            'vscode.executeReferenceProvider', shop.uri, positionOf(shop, 'app storefront', 0, 5));
        const places = locations.map(place);
        assert.ok(places.includes('support.arch:7'), `no reference in support.arch among ${places.join(', ')}`);
        assert.ok(places.includes(`shop.arch:${positionOf(shop, 'edge -> storefront').line + 1}`), `no reference from edge among ${places.join(', ')}`);
        assert.ok(places.includes(`shop.arch:${positionOf(shop, 'storefront -> orders').line + 1}`), `no reference to orders among ${places.join(', ')}`);
        assert.ok(places.every(p => p.startsWith('shop.arch:') || p.startsWith('support.arch:')), places.join(', '));
    });

    test('rename from support.arch renames the declaration and every use in shop.arch', async () => {
        const support = (await openFile('support.arch')).document;
        const shop = await vscode.workspace.openTextDocument(workspaceUri('shop.arch'));
        const uses = shop.getText().match(ID)!.length;
        assert.ok(uses >= 5, `only ${uses} uses of storefront in shop.arch`);
        const at = positionOf(support, '-> storefront', 0, 4);
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', support.uri, at, 'web-shop');
        assert.deepEqual(edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort(), ['shop.arch', 'support.arch']);
        assert.ok(await vscode.workspace.applyEdit(edit));
        try {
            assert.equal(shop.getText().match(ID), null, 'shop.arch still names storefront');
            assert.equal(shop.getText().match(/(?<![\w-])web-shop(?![\w-])/g)?.length, uses);
            assert.match(support.getText(), /support-desk -> web-shop "looks up an order"/);
            await diagnosticsOf(shop.uri, 'none after the rename', d => d.length === 0);
            await diagnosticsOf(support.uri, 'none after the rename', d => d.length === 0);
        } finally {
            const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', support.uri, at, 'storefront');
            assert.ok(await vscode.workspace.applyEdit(back));
            await vscode.workspace.saveAll(false);
        }
        assert.equal(shop.getText().match(ID)!.length, uses);
    });

    test('the quick fix of a missing backup adds the property and the finding goes away', async () => {
        const editor = await openNewFile('quick-fix.arch', gaps('audit-db'));
        try {
            const uri = editor.document.uri;
            const diagnostics = await diagnosticsOf(uri, 'missing-backup', d => d.some(x => codeOf(x) === 'missing-backup'));
            const finding = diagnostics.find(d => codeOf(d) === 'missing-backup')!;
            const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
            const titles = actions.map(a => a.title);
            const fix = actions.find(a => a.title === 'Add backup daily');
            assert.ok(fix?.edit, `no "Add backup daily" among ${titles.join('; ')}`);
            assert.ok(titles.some(t => /allow missing-backup/i.test(t)), `no "allow" fix among ${titles.join('; ')}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            assert.match(editor.document.getText(), /^database audit-db "Audit log" \{\n {2}technology "PostgreSQL 16"\n {2}backup daily\n\}/);
            const after = await diagnosticsOf(uri, 'without missing-backup', d => d.length > 0 && !d.some(x => codeOf(x) === 'missing-backup'));
            assert.deepEqual(after.map(codeOf).sort(), ['missing-owner', 'not-deployed', 'orphan-element']);
        } finally {
            await removeFile('quick-fix.arch');
        }
    });

    test('the readiness report lists exactly the readiness findings that the editor shows', async () => {
        const editor = await openNewFile('readiness.arch', gaps('ledger-db'));
        try {
            const uri = editor.document.uri;
            const diagnostics = await diagnosticsOf(uri, 'four readiness findings', d => d.length === 4);
            assert.deepEqual(diagnostics.map(codeOf).sort(), ['missing-backup', 'missing-owner', 'not-deployed', 'orphan-element']);
            await vscode.commands.executeCommand('archwright.showReadinessReport', uri);
            const reportUri = vscode.Uri.from({ scheme: 'archwright-readiness', path: '/Readiness report.md', query: uri.toString() });
            const report = await vscode.workspace.openTextDocument(reportUri);
            // Files of earlier tests may still be in the model (VS Code keeps a closed document open
            // for a while, and the server serves an open document after its file is deleted): the
            // report and the editor must agree on them too. Both settle a moment after a change.
            const agree = () => {
                const listed = gapsOfReport(report.getText());
                return listed.length > 0 && listed.join('\n') === readinessFindingsShown().join('\n') ? listed : undefined;
            };
            const listed = await waitFor('the report and the editor to agree', agree).catch(error => {
                throw new Error(`${error instanceof Error ? error.message : error}\nthe report lists:\n${gapsOfReport(report.getText()).join('\n')}\nthe editor shows:\n${readinessFindingsShown().join('\n')}`);
            });
            for (const rule of ['missing-backup', 'missing-owner', 'not-deployed', 'orphan-element']) {
                assert.ok(listed.includes(`readiness.arch:1 ${rule}`), `the report does not list ${rule} of ledger-db:\n${report.getText()}`);
            }
            assert.match(report.getText(), new RegExp(`^# What is missing for production\n\nThe model is at stage \\*\\*production\\*\\*: ${listed.length} gaps to close\\.`));
        } finally {
            await removeFile('readiness.arch');
        }
    });

    test('Archwright: Open Preview to the Side opens a preview panel beside the editor', async () => {
        const commands = await vscode.commands.getCommands(true);
        assert.ok(commands.includes('archwright.openPreviewToSide'),
            'the command archwright.openPreviewToSide does not exist: the preview (issue "Live preview") is not in this build');
        const editor = await openFile('shop.arch');
        await vscode.commands.executeCommand('archwright.openPreviewToSide');
        const tab = await waitFor('a preview tab', () => vscode.window.tabGroups.all.flatMap(g => g.tabs)
            .find(t => t.input instanceof vscode.TabInputWebview && /archwright/i.test(t.input.viewType)));
        assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opened in the editor\'s own group, not beside it');
    });
}
