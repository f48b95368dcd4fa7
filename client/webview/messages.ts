// The messages between the extension and the preview webview: one discriminated union per
// direction, each tagged with the document it is about. Either side drops anything that does not
// parse as one of these (see isWebviewMessage).

/** Extension → webview. */
export type HostMessage =
    | { type: 'render'; documentUri: string; version: number; viewId: string; mermaid: string; nodes: Record<string, { uri: string; line: number }>; errorCount: number; flagged: string[] }
    | { type: 'highlight'; documentUri: string; nodeId: string | undefined }
    | { type: 'theme'; documentUri: string; kind: 'light' | 'dark' | 'high-contrast' };

/** Webview → extension. */
export type WebviewMessage =
    | { type: 'ready'; documentUri: string }
    | { type: 'reveal'; documentUri: string; nodeId: string }
    | { type: 'selectView'; documentUri: string; viewId: string };

/** True only for a well-formed message from the webview; everything else is to be dropped. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    if (typeof m.documentUri !== 'string') return false;
    switch (m.type) {
        case 'ready': return true;
        case 'reveal': return typeof m.nodeId === 'string' && m.nodeId.length < 512;
        case 'selectView': return typeof m.viewId === 'string' && m.viewId.length < 512;
        default: return false;
    }
}
