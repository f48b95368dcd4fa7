import { describe, expect, it } from 'vitest';
import { isHostMessage, isWebviewMessage, parsePreviewState } from '../../client/webview/messages.js';

const doc = 'file:///w/shop.arch';

/** The preview's messages are validated on arrival: anything malformed or hostile is dropped. */
describe('messages between the extension and the preview', () => {
    it('accepts each well-formed message from the webview', () => {
        for (const message of [
            { type: 'ready', documentUri: doc },
            { type: 'reveal', documentUri: doc, nodeId: 'el_orders' },
            { type: 'selectView', documentUri: doc, viewId: 'overview' },
            { type: 'exported', documentUri: doc, format: 'svg', data: '  <svg xmlns="http://www.w3.org/2000/svg"></svg>' },
            { type: 'exported', documentUri: doc, format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' },
            { type: 'exportSource', documentUri: doc, format: 'markdown' },
            { type: 'renderFailed', documentUri: doc, message: 'Parse error on line 3' }
        ]) expect(isWebviewMessage(message), JSON.stringify(message)).toBe(true);
    });

    it('drops malformed and hostile messages from the webview', () => {
        for (const message of [
            null, undefined, 'ready', 42, [], {},
            { type: 'ready' },
            { type: 'ready', documentUri: 42 },
            { type: 'ready', documentUri: 'x'.repeat(5000) },
            { type: 'reveal', documentUri: doc },
            { type: 'reveal', documentUri: doc, nodeId: '' },
            { type: 'reveal', documentUri: doc, nodeId: 'n'.repeat(513) },
            { type: 'reveal', documentUri: doc, nodeId: { toString: () => 'el_orders' } },
            { type: 'selectView', documentUri: doc, viewId: ['overview'] },
            { type: 'exported', documentUri: doc, format: 'svg', data: '<script>alert(1)</script>' },
            { type: 'exported', documentUri: doc, format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
            { type: 'exported', documentUri: doc, format: 'png', data: 'data:image/png;base64,AAAA"><script>' },
            { type: 'exported', documentUri: doc, format: 'gif', data: 'data:image/gif;base64,AAAA' },
            { type: 'exportSource', documentUri: doc, format: 'html' },
            { type: 'renderFailed', documentUri: doc },
            { type: 'runCommand', documentUri: doc, command: 'workbench.action.terminal.new' },
            { type: '__proto__', documentUri: doc },
            JSON.parse('{"__proto__": {"type": "ready"}, "documentUri": "file:///w/shop.arch"}')
        ]) expect(isWebviewMessage(message), JSON.stringify(message) ?? String(message)).toBe(false);
    });

    it('accepts the extension\'s messages and drops posts of the wrong shape (other frames post too)', () => {
        const render = { type: 'render', documentUri: doc, sequence: 1, viewId: 'v', title: 'V', views: [], mermaid: 'flowchart LR', nodeIds: [], flagged: [], errorCount: 0 };
        expect(isHostMessage(render)).toBe(true);
        expect(isHostMessage({ type: 'empty', documentUri: doc, sequence: 2, message: 'No view' })).toBe(true);
        expect(isHostMessage({ type: 'highlight', documentUri: doc, nodeId: undefined })).toBe(true);
        expect(isHostMessage({ type: 'exportImage', documentUri: doc, format: 'png' })).toBe(true);
        for (const message of [null, {}, { ...render, sequence: '1' }, { ...render, mermaid: undefined }, { ...render, documentUri: undefined },
            { type: 'highlight', documentUri: doc, nodeId: 3 }, { type: 'exportImage', documentUri: doc, format: 'pdf' }, { type: 'eval', documentUri: doc }]) {
            expect(isHostMessage(message), JSON.stringify(message)).toBe(false);
        }
    });

    it('reads a saved state, dropping what does not have its shape', () => {
        expect(parsePreviewState({ documentUri: doc, viewId: 'v', zoom: { scale: 2, x: 1, y: -1 } })).toEqual({ documentUri: doc, viewId: 'v', zoom: { scale: 2, x: 1, y: -1 } });
        expect(parsePreviewState({ documentUri: doc, viewId: 7, zoom: { scale: 0, x: 1, y: 1 } })).toEqual({ documentUri: doc, viewId: undefined, zoom: undefined });
        expect(parsePreviewState({ documentUri: doc, zoom: { scale: Infinity, x: NaN, y: 0 } })?.zoom).toBeUndefined();
        expect(parsePreviewState({ viewId: 'v' })).toBeUndefined();
        expect(parsePreviewState('state')).toBeUndefined();
    });
});
