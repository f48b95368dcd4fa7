// The one handle on the host inside the webview. `acquireVsCodeApi` may be called only once, and
// the tests stub it, so everything goes through here.
import type { PreviewState, WebviewMessage } from './messages.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): unknown;
    setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host's API, acquired once. */
export const host: VsCodeApi = acquireVsCodeApi();
