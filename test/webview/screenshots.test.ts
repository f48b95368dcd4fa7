// Not a check: regenerates the preview screenshots of the docs, one per view kind of the example in
// the light and the dark theme. Run with ARCHWRIGHT_SCREENSHOTS=1 npx vitest run test/webview/screenshots.
import { join } from 'node:path';
import { test } from 'vitest';
import { diagram, EXAMPLE, previewSetup, renderFields } from './diagrams.js';
import { PreviewPage } from './preview-page.js';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'images');
const setup = previewSetup(EXAMPLE);

test.skipIf(!process.env.ARCHWRIGHT_SCREENSHOTS)('writes docs/images/preview-KIND-THEME.png', async () => {
    for (const theme of ['light', 'dark'] as const) {
        const page = await PreviewPage.open(setup.browser, setup.server, theme, undefined, { width: 1100, height: 620, deviceScaleFactor: 2 });
        for (const view of diagram(setup.ws, undefined).views) {
            await page.render(renderFields(diagram(setup.ws, view.id, theme)));
            await page.page.screenshot({ path: join(OUT, `preview-${view.kind}-${theme}.png`) });
        }
        await page.page.close();
    }
}, 120_000);
