// The preview's changes to Mermaid (scripts/mermaid-patches.mjs): getConfig's copies
// (client/webview/mermaid-config.ts) are the same as Mermaid's own, and so are the pictures.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it, test } from 'vitest';
import { copyOfConfig } from '../../client/webview/mermaid-config.js';
import { mermaidConfigModule, mermaidPatchTexts, mermaidPatches } from '../../scripts/mermaid-patches.mjs';
import type { Workspace } from '../helpers.js';
import { diagram, EXAMPLE, loadWorkspace, renderFields } from './diagrams.js';
import { launchChromium, PreviewPage, PreviewServer } from './preview-page.js';
import { crossingModelText, modelText } from '../../bench/views-model.js';

const ROOT = join(import.meta.dirname, '..', '..');

type Config = Record<string, unknown>;
interface ConfigModule {
    assignWithDepth_default: (dst: Config, src: Config) => Config;
    getConfig: () => Config;
    setConfig: (config: Config) => Config;
    reset: (config?: Config) => void;
}

/** Mermaid's own configuration module, as its bundle ships it (the plugin's target). */
function mermaidConfig(): Promise<ConfigModule> {
    return import(pathToFileURL(mermaidConfigModule()).href) as Promise<ConfigModule>;
}

/** Every object reachable down to `depth` levels, with its path. */
function objectsTo(config: Config, depth: number, path = '', out = new Map<string, object>()): Map<string, object> {
    for (const [key, value] of Object.entries(config)) {
        if (value === null || typeof value !== 'object') continue;
        out.set(`${path}.${key}`, value);
        if (depth > 1 && !Array.isArray(value)) objectsTo(value as Config, depth - 1, `${path}.${key}`, out);
    }
    return out;
}

describe('copies of the configuration', () => {
    let mermaid: ConfigModule;
    beforeAll(async () => { mermaid = await mermaidConfig(); });

    /** A configuration with what assignWithDepth treats specially at each depth. */
    function unusual(): Config {
        const shared = { deep: { deeper: 1 } };
        const config: Config = {
            theme: 'default', count: 3, off: false, nothing: null, missing: undefined, run: () => 1,
            list: ['a', 'b', 'a', shared, shared],
            flowchart: { htmlLabels: true, gone: null, margins: { top: 4, none: null, nested: shared }, tags: [1, 1, 2], missing: undefined },
            themeVariables: { primaryColor: '#fff', fontSize: '16px' }
        };
        Object.defineProperty(config, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        return config;
    }

    it('has assignWithDepth\'s shape: the same members, new objects down to depth 2, deeper ones shared', () => {
        mermaid.reset();
        mermaid.setConfig({ securityLevel: 'strict', flowchart: { htmlLabels: true, subGraphTitleMargin: { top: 4, bottom: 22 } } });
        const underscores = { ...unusual() };
        Object.defineProperty(underscores.flowchart, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        for (const config of [mermaid.getConfig(), unusual(), underscores]) {
            const theirs = mermaid.assignWithDepth_default({}, config);
            copyOfConfig(config, mermaid.assignWithDepth_default);
            const ours = copyOfConfig(config, mermaid.assignWithDepth_default);
            expect(ours).toStrictEqual(theirs);
            expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
            const [oursTo2, theirsTo2] = [objectsTo(ours, 2), objectsTo(theirs, 2)];
            expect([...oursTo2.keys()]).toEqual([...theirsTo2.keys()]);
            for (const [path, object] of objectsTo(config, 2)) expect(oursTo2.get(path), path).not.toBe(object);
            const again = objectsTo(copyOfConfig(config, mermaid.assignWithDepth_default), 2);
            for (const [path, object] of oursTo2) expect(again.get(path), `a second copy shares ${path}`).not.toBe(object);
            const [oursDeep, theirsDeep] = [objectsTo(ours, 3), objectsTo(theirs, 3)];
            for (const [path, object] of theirsDeep) if (!theirsTo2.has(path)) expect(oursDeep.get(path), path).toBe(object);
        }
        const copy = copyOfConfig(underscores, mermaid.assignWithDepth_default) as Config & { flowchart: Config };
        expect(Object.keys(copy)).toContain('__proto__');
        expect(Object.keys(copy.flowchart)).toContain('__proto__');
        expect([Object.getPrototypeOf(copy), Object.getPrototypeOf(copy.flowchart)]).toEqual([Object.prototype, Object.prototype]);
    });

    it('merges once per configuration, and each caller gets its own copy', () => {
        let merges = 0;
        const assign = (dst: Config, src: Config) => { merges++; return mermaid.assignWithDepth_default(dst, src); };
        const current = unusual();
        const first = copyOfConfig(current, assign);
        const second = copyOfConfig(current, assign);
        expect(merges).toBe(1);
        expect(second).toStrictEqual(first);
        expect(second).not.toBe(first);
        (first.flowchart as Config).htmlLabels = false;
        (first.themeVariables as Config).primaryColor = '#000';
        first.theme = 'dark';
        expect(copyOfConfig(current, assign)).toStrictEqual(mermaid.assignWithDepth_default({}, current));
        const next = { ...current, theme: 'forest' };
        expect(copyOfConfig(next, assign).theme).toBe('forest');
        expect(merges).toBe(2);
    });
});

describe('the plugin', () => {
    it('changes the built preview', () => {
        const built = readFileSync(join(ROOT, 'out/webview/preview.js'), 'utf8');
        expect(built).toContain('return copyOfConfig(currentConfig, assignWithDepth_default);');
        expect(built).not.toContain('return assignWithDepth_default({}, currentConfig);');
        expect(built).toContain('"Copying as "');
        expect(built).not.toContain('newGraph edges');
        expect(built).toMatch(/buildLayerGraph\(g\d*, rank\d*, relationship, nodesByRank\d*\.get\(rank\d*\) \|\| \[\]\)/);
        expect(built).toMatch(/forEach_default\(nodesOfRank \|\| g\d*\.nodes\(\), function/);
        expect(built).toMatch(/bestCC = cc\d*;\s*if \(cc\d* === 0\) break;/);
        expect(built).toMatch(/if \(!text\d* \|\| sanitizedAlready\d*\(text\d*, config\d*\)\) \{/);
        expect(built).toMatch(/const len\d* = edge\d*\.look === "neo" && !animatedEdge\d* && typeof pathNode\d*\.getTotalLength === "function"/);
        expect(built).toMatch(/const edges\d* = edgesToCopy\d*\(graph\d*, newGraph\d*, rootId\d*\);/);
        expect(built).toMatch(/downLayerGraphs \?\?= buildLayerGraphs\d*\(g\d*, range_default\(1, maxRank\d* \+ 1\), "inEdges"\)/);
        expect(built).toMatch(/cutValuesOnPath\d*\(function\(x\d*\) \{/);
        expect(built).toMatch(/function twoLayerCrossCount\d*\(g\d*, northLayer\d*, southLayer\d*\) \{\s*return twoLayerCrossCount\d*\(/);
        expect(built).toContain('if ("barycenter" in entry');
        expect(built).toContain('return Object.keys(this._nodes);');
        expect(built).not.toContain('return keys_default(this._nodes);');
    });

    it('keeps the number of lines of every text it replaces, so that source maps still line up', () => {
        const texts = mermaidPatchTexts();
        expect(texts.length).toBeGreaterThan(15);
        for (const { name, original, replacement } of texts) expect(replacement.split('\n').length, name).toBe(original.split('\n').length);
    });

    it('fails the build, naming itself, when Mermaid\'s getConfig is not the one it replaces', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'aw-mermaid-plugin-'));
        try {
            const dist = join(dir, 'node_modules/mermaid/dist');
            mkdirSync(dist, { recursive: true });
            writeFileSync(join(dist, 'config.mjs'), 'export var x = 1;\nvar currentConfig = {};\nexport var getConfig = () => structuredClone(currentConfig);\n');
            const failure = await esbuild.build({ entryPoints: [join(dist, 'config.mjs')], bundle: true, write: false, logLevel: 'silent', plugins: [mermaidPatches()] })
                .then(() => undefined, (error: esbuild.BuildFailure) => error);
            expect(failure?.errors.map(e => e.text).join('\n')).toMatch(/code for getConfig is not the one scripts\/mermaid-patches\.mjs replaces/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

// The pictures: every view of the example and of the benchmark's models (a cluster laid out on its
// own, without crossings and with), drawn by the shipped page and by the same page built from Mermaid as it is, must be the same SVG. Mermaid's ids are deterministic here; the hand-drawn
// strokes of requirement boxes come from Math.random, so both pages draw with the same seeded one.
const SEEDED_RANDOM = `{
    let state = 1;
    window.__seedRandom = seed => { state = seed; };
    Math.random = () => { state = (state * 48271) % 2147483647; return (state - 1) / 2147483646; };
}`;
test('the preview draws the same SVG as Mermaid without the changes, for every view', async () => {
    const unpatched = mkdtempSync(join(tmpdir(), 'aw-webview-'));
    let browser: Browser | undefined;
    const servers: PreviewServer[] = [];
    try {
        await esbuild.build({ entryPoints: [join(ROOT, 'client/webview/preview.ts')], outfile: join(unpatched, 'preview.js'), bundle: true,
            platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning', legalComments: 'none' });
        copyFileSync(join(ROOT, 'out/webview/preview.css'), join(unpatched, 'preview.css'));
        const workspaces: Workspace[] = [await loadWorkspace(EXAMPLE), await loadWorkspace(modelText(30)), await loadWorkspace(crossingModelText(40))];
        browser = await launchChromium();
        servers.push(await PreviewServer.start(), await PreviewServer.start(unpatched));
        const [ours, theirs] = await Promise.all(servers.map(server => PreviewPage.open(browser!, server, 'light', undefined, undefined, SEEDED_RANDOM)));
        const views = workspaces.flatMap(ws => diagram(ws, undefined).views.map(view => ({ ws, view })));
        expect(views.length).toBeGreaterThan(10);
        for (const { ws, view } of views) {
            const fields = renderFields(diagram(ws, view.id));
            const pictures = await Promise.all([ours, theirs].map(async page => {
                await page.page.evaluate(() => (window as unknown as { __seedRandom(seed: number): void }).__seedRandom(1));
                await page.render(fields);
                return page.page.evaluate(() => document.querySelector('#diagram svg')?.outerHTML ?? '');
            }));
            expect(pictures[0].length, view.id).toBeGreaterThan(1000);
            expect(pictures[0], view.id).toBe(pictures[1]);
        }
    } finally {
        await browser?.close();
        await Promise.all(servers.map(s => s.close()));
        rmSync(unpatched, { recursive: true, force: true });
    }
}, 120_000);
