// What a user sees in VS Code, step by step, in code-server's workbench driven by Chromium through
// Playwright: each scenario saves a screenshot (NN-name.png, or NN-name-FAILED.png) in the results
// folder. The scenarios run in order on one workspace (a temporary copy of examples/acme-shop plus
// test/e2e/workspace) and build on each other: files are written to that copy as the user would.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/code-server.mjs';

const GAPS = 'database audit-db "Audit log" {\n  technology "PostgreSQL 16"\n}\n';

const BROKEN = `// A broken copy of support.arch: a misspelt id and a protocol without its value.

external helpdesk "Help desk" {
  technology "Zendesk"
}

helpdesk -> storefrnt "looks up an order" {
  encrypted
  protocol
}
`;

/** 1-based line of the first line of `file` that contains `text`. */
function lineOf(workspace, file, text) {
    const index = readFileSync(join(workspace, file), 'utf8').split('\n').findIndex(line => line.includes(text));
    assert.notEqual(index, -1, `${text} is not in ${file}`);
    return index + 1;
}

/**
 * Moves the mouse off the workbench's lists and waits for any hover (such as the Explorer's path
 * tooltip, which shows while the mouse rests on a row) to close, so that it cannot catch the next click.
 */
async function dismissHover(page) {
    // The middle of the status bar is empty between its left and right items: nothing there has a hover.
    const bar = await page.locator('.part.statusbar').boundingBox();
    if (bar) await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.locator('.context-view .hover-contents, .workbench-hover-container').first()
        .waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => { /* a hover that stays does not block the click by itself */ });
}

function workbench(page) {
    const statusItem = text => page.locator('.statusbar-item').filter({ hasText: text });
    return {
        page,
        /** Opens a file with a click on its row in the Explorer (which lists files written to disk after a moment). */
        async open(file) {
            const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^\\s*${file.replace('.', '\\.')}`) });
            await row.waitFor({ timeout: 20_000 });
            await dismissHover(page);
            await row.click();
            // The mouse stays on the row, whose path tooltip would otherwise cover the next row clicked.
            await dismissHover(page);
            await this.activeTab(file);
            await page.locator('.monaco-editor .view-lines').first().waitFor();
        },
        activeTab(file) {
            return page.locator('.tabs-container .tab.active').filter({ hasText: file }).waitFor({ timeout: 20_000 });
        },
        /** Moves the cursor with Go to Line (Ctrl+G), `line:column`, 1-based. */
        async goTo(line, column) {
            await page.locator('.monaco-editor textarea').first().focus();
            await page.keyboard.press('Control+G');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor();
            await input.fill(`:${line}:${column}`);
            await page.keyboard.press('Enter');
            await this.cursorAt(line, column);
        },
        cursorAt(line, column) {
            return page.locator('[id="status.editor.selection"]').filter({ hasText: new RegExp(`^\\s*Ln ${line}, Col ${column}\\b`) }).waitFor({ timeout: 20_000 });
        },
        /** The cursor (or the end of the selection) is on `line`. */
        cursorOnLine(line) {
            return page.locator('[id="status.editor.selection"]').filter({ hasText: new RegExp(`^\\s*Ln ${line},`) }).waitFor({ timeout: 20_000 });
        },
        statusItem,
        /** Runs a command from the palette by clicking its exact row (Enter would run the top fuzzy match). */
        async runCommand(label) {
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor();
            await input.fill(`>${label}`);
            await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first().click();
        },
        /** The active editor's visible text (Monaco renders spaces as no-break spaces). */
        async editorText() {
            return (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
        }
    };
}

/** The scenarios, in order. Each gets the workbench helpers and the workspace's path. */
function scenarios(workspace) {
    const shopLine = text => lineOf(workspace, 'shop.arch', text);
    return [
        ['the example opens clean and the status bar says production is ready', async w => {
            await w.open('shop.arch');
            await w.statusItem(/production: ready/).waitFor({ timeout: 60_000 });
        }],
        ['the status bar counts the gaps of a file that lacks what production needs', async w => {
            writeFileSync(join(workspace, 'gaps.arch'), GAPS);
            await w.open('gaps.arch');
            await w.statusItem(/production: 4 gaps/).waitFor({ timeout: 30_000 });
        }],
        ['the light bulb adds the missing backup', async w => {
            if (!existsSync(join(workspace, 'gaps.arch'))) writeFileSync(join(workspace, 'gaps.arch'), GAPS);
            await w.open('gaps.arch');
            await w.goTo(1, 12);
            // The bulb is the widget itself (its codicon classes say which bulb: plain, autofix...).
            const bulb = w.page.locator('.monaco-editor .lightBulbWidget[class*="codicon-light"]');
            await bulb.waitFor({ timeout: 20_000 });
            await bulb.click();
            const fix = w.page.locator('.action-widget .monaco-list-row').filter({ hasText: /^Add backup daily$/ });
            await fix.waitFor();
            await w.page.screenshot({ path: w.shot('quick-fix-menu') });
            await fix.click();
            // The fix is a snippet: the value is a choice, daily first.
            await w.page.locator('.suggest-widget.visible .monaco-list-row').filter({ hasText: 'hourly' }).waitFor();
            await w.page.keyboard.press('Escape');
            await w.page.keyboard.press('Escape');
            assert.match(await w.editorText(), /technology "PostgreSQL 16"\s+backup daily\s+\}/);
            await w.statusItem(/production: 3 gaps/).waitFor({ timeout: 30_000 });
            await w.page.keyboard.press('Control+S');
        }],
        ['the Problems panel lists the errors of a broken copy of support.arch, with their codes', async w => {
            writeFileSync(join(workspace, 'broken.arch'), BROKEN);
            await w.open('broken.arch');
            await w.page.keyboard.press('Control+Shift+M');
            const panel = w.page.locator('.markers-panel');
            await panel.waitFor();
            const row = text => panel.locator('.monaco-list-row').filter({ hasText: text });
            await row('No element named storefrnt; did you mean storefront?').waitFor({ timeout: 30_000 });
            await row("Unexpected '}'").first().waitFor();
            const rows = await panel.locator('.monaco-list-row').allInnerTexts();
            const text = rows.join('\n');
            assert.match(text, /No element named storefrnt; did you mean storefront\?[\s\S]*unresolved-reference/);
            assert.match(text, /Unexpected '}'[\s\S]*syntax-error/);
            assert.match(text, /No flow starts or ends at helpdesk[\s\S]*orphan-element/);
            // The two errors are the broken copy's: shop.arch and support.arch stay clean.
            const problems = await w.page.locator('[id="status.problems"]').getAttribute('aria-label');
            assert.match(problems ?? '', /^Errors: 2,/);
            await w.page.screenshot({ path: w.shot('problems-panel') });
            await w.page.keyboard.press('Control+Shift+M');
        }],
        ['Ctrl+Space after satisfies offers the requirements only', async w => {
            writeFileSync(join(workspace, 'completion.arch'), 'service probe "Probe" {\n  satisfies \n}\n');
            await w.open('completion.arch');
            await w.goTo(2, 13);
            await w.page.keyboard.press('Control+Space');
            const widget = w.page.locator('.suggest-widget.visible');
            await widget.waitFor();
            await widget.locator('.monaco-list-row').filter({ hasText: 'always-on' }).waitFor();
            const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
            for (const requirement of ['checkout', 'fast-checkout', 'always-on', 'peak-load']) assert.ok(labels.includes(requirement), `${requirement} not offered: ${labels.join(', ')}`);
            for (const other of ['orders', 'storefront', 'shop', 'card']) assert.ok(!labels.includes(other), `${other} offered: ${labels.join(', ')}`);
        }],
        ['F12 on a flow in support.arch jumps to the declaration in shop.arch', async w => {
            await w.page.keyboard.press('Escape');
            await w.open('support.arch');
            const flow = lineOf(workspace, 'support.arch', 'support-desk -> storefront');
            await w.goTo(flow, 20);
            await w.page.keyboard.press('F12');
            await w.activeTab('shop.arch');
            await w.cursorAt(shopLine('app storefront'), 7);
        }],
        ['the preview opens beside, renders the diagram, and a click on a node selects its declaration', async w => {
            const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
            const command = manifest.contributes.commands?.find(c => c.command === 'archwright.openPreviewToSide');
            assert.ok(command, 'the command archwright.openPreviewToSide is not contributed: the preview (issue "Live preview") is not in this build');
            await w.open('shop.arch');
            await w.runCommand(`${command.category}: ${command.title}`);
            const preview = w.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
            const svg = preview.locator('svg').first();
            await svg.waitFor({ timeout: 30_000 });
            await preview.locator('svg .node').first().waitFor();
            assert.equal(await w.page.locator('.editor-group-container').count(), 2, 'the preview did not open beside the editor');
            await w.page.screenshot({ path: w.shot('preview') });
            await preview.locator('svg .node').filter({ hasText: 'Order service' }).first().click();
            await w.activeTab('shop.arch');
            await w.cursorOnLine(shopLine('service orders'));
        }]
    ];
}

/** Runs the scenarios whose name contains `grep` (all by default); resolves with the passed and failed counts. */
export async function runUiScenarios({ browser, server, workspace, results, grep, log }) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const w = workbench(page);
    let step = 0;
    w.shot = name => join(results, `${String(++step).padStart(2, '0')}-${name}.png`);
    w.note = text => console.log(`    ${text}`);
    const counts = { passed: 0, failed: 0 };
    const started = Date.now();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.statusbar').waitFor();
    log(`UI workbench ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [name, scenario] of scenarios(workspace)) {
        if (grep && !name.includes(grep)) continue;
        const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
        const t0 = Date.now();
        try {
            await scenario(w);
            await page.screenshot({ path: w.shot(slug) });
            counts.passed++;
            console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
        } catch (error) {
            await page.screenshot({ path: w.shot(`${slug}-FAILED`) }).catch(() => undefined);
            counts.failed++;
            console.log(`  ✘ ${name}\n    ${String(error instanceof Error ? error.message : error).split('\n').join('\n    ')}`);
            // The next scenario starts from a quiet workbench.
            await page.keyboard.press('Escape').catch(() => undefined);
        }
    }
    console.log(`UI scenarios: ${counts.passed} passed, ${counts.failed} failed`);
    await page.close();
    return counts;
}

/**
 * Restricted Mode: a code-server that asks about trust (startCodeServer's `workspaceTrust`), where
 * the user answers "No, I don't trust the authors". The extension runs nothing from the workspace
 * and declares `untrustedWorkspaces: supported`, so everything must still work: diagnostics,
 * completion and the readiness status. Resolves with the passed and failed counts.
 */
export async function runRestrictedModeScenario({ browser, server, workspace, results, log }) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const w = workbench(page);
    const shot = name => join(results, `restricted-${name}.png`);
    const name = 'in Restricted Mode (the folder not trusted) diagnostics, completion and the readiness status still work';
    const t0 = Date.now();
    try {
        writeFileSync(join(workspace, 'broken.arch'), BROKEN);
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout: 60_000 });
        assert.match(await dialog.innerText(), /trust the authors/i);
        await page.screenshot({ path: shot('trust-prompt') });
        await dialog.locator('.monaco-button').filter({ hasText: /No, I don.t trust the authors/i }).click();
        await w.statusItem(/Restricted Mode/).waitFor({ timeout: 20_000 });
        log(`restricted workbench ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

        await w.open('broken.arch');
        await page.keyboard.press('Control+Shift+M');
        const panel = page.locator('.markers-panel');
        await panel.locator('.monaco-list-row').filter({ hasText: 'No element named storefrnt; did you mean storefront?' }).waitFor({ timeout: 60_000 });
        await page.keyboard.press('Control+Shift+M');

        writeFileSync(join(workspace, 'completion.arch'), 'service probe "Probe" {\n  satisfies \n}\n');
        await w.open('completion.arch');
        await w.goTo(2, 13);
        await page.keyboard.press('Control+Space');
        const widget = page.locator('.suggest-widget.visible');
        await widget.locator('.monaco-list-row').filter({ hasText: 'always-on' }).waitFor({ timeout: 20_000 });
        await page.keyboard.press('Escape');

        await w.open('shop.arch');
        await w.statusItem(/production: \d+ gaps?|production: ready/).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: shot('works') });
        console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
        return { passed: 1, failed: 0 };
    } catch (error) {
        await page.screenshot({ path: shot('FAILED') }).catch(() => undefined);
        console.log(`  ✘ ${name}\n    ${String(error instanceof Error ? error.message : error).split('\n').join('\n    ')}`);
        return { passed: 0, failed: 1 };
    } finally {
        await page.close();
    }
}
