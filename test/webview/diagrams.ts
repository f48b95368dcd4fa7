// Diagrams for the webview tests, made by the real server code (model → views → diagram answer),
// so the page is tested with exactly what the language server would send it.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadWorkspace, type Workspace } from '../helpers.js';
import { launchChromium, PreviewServer } from './preview-page.js';

export { diagram, renderFields } from './diagram-answer.js';

export const EXAMPLE = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

export { loadWorkspace };

/** For a test file: the page server, Chromium and the workspace of `text`, started before its tests and stopped after. */
export function previewSetup(text: string): { server: PreviewServer; browser: Browser; ws: Workspace } {
    const setup = {} as { server: PreviewServer; browser: Browser; ws: Workspace };
    beforeAll(async () => {
        [setup.server, setup.browser, setup.ws] = await Promise.all([PreviewServer.start(), launchChromium(), loadWorkspace(text)]);
    });
    afterAll(async () => {
        await setup.browser?.close();
        await setup.server?.close();
    });
    return setup;
}
