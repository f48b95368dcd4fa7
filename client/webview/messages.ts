// The messages between the extension and the preview webview: one discriminated union per
// direction, each tagged with the document it is about. Either side drops anything that does not
// parse as one of these (isWebviewMessage, isHostMessage). Shared by client/src and client/webview,
// so it imports nothing.

/** One entry of the view picker. */
export interface ViewChoice { id: string; title: string; kind: string; automatic: boolean }

/** Pan and zoom of the diagram: kept across updates and reloads. */
export interface ZoomState { scale: number; x: number; y: number }

/** What the webview keeps with vscode.setState; the serializer reopens the preview from it after a reload. */
export interface PreviewState { documentUri: string; viewId?: string; zoom?: ZoomState }

/** Extension → webview. */
export type HostMessage =
    /** A diagram to show; `sequence` grows with each one so that a late answer never replaces a newer one. */
    | {
        type: 'render'; documentUri: string; sequence: number; viewId: string; title: string; views: ViewChoice[];
        mermaid: string; nodeIds: string[]; flagged: string[]; errorCount: number;
    }
    /** Nothing to draw (no server, no view): a sentence instead of the diagram. */
    | { type: 'empty'; documentUri: string; sequence: number; message: string }
    /** The node under the editor's cursor, or none. */
    | { type: 'highlight'; documentUri: string; nodeId: string | undefined }
    /** A command asks for the picture; the webview answers with `exported`. */
    | { type: 'exportImage'; documentUri: string; format: 'svg' | 'png' };

/** Webview → extension. */
export type WebviewMessage =
    | { type: 'ready'; documentUri: string }
    | { type: 'reveal'; documentUri: string; nodeId: string }
    | { type: 'selectView'; documentUri: string; viewId: string }
    /** The picture of the current diagram: SVG text, or a PNG as a `data:image/png;base64,` URL. */
    | { type: 'exported'; documentUri: string; format: 'svg' | 'png'; data: string }
    /** Toolbar: copy the Mermaid source, or save it as Markdown. */
    | { type: 'exportSource'; documentUri: string; format: 'mermaid' | 'markdown' }
    | { type: 'renderFailed'; documentUri: string; message: string };

const MAX_ID = 512;
const MAX_TEXT = 4096;
/** Big enough for a PNG of a large diagram at twice its size; anything larger is not ours. */
const MAX_EXPORT = 64 * 1024 * 1024;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

function isString(value: unknown, max: number): value is string {
    return typeof value === 'string' && value.length <= max;
}

/** True only for a well-formed message from the webview; everything else is to be dropped. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    if (!isString(m.documentUri, MAX_TEXT)) return false;
    switch (m.type) {
        case 'ready': return true;
        case 'reveal': return isString(m.nodeId, MAX_ID) && m.nodeId !== '';
        case 'selectView': return isString(m.viewId, MAX_ID) && m.viewId !== '';
        case 'exported':
            if (m.format === 'svg') return isString(m.data, MAX_EXPORT) && m.data.trimStart().startsWith('<svg');
            return m.format === 'png' && isString(m.data, MAX_EXPORT) && PNG_DATA_URL.test(m.data);
        case 'exportSource': return m.format === 'mermaid' || m.format === 'markdown';
        case 'renderFailed': return isString(m.message, MAX_TEXT);
        default: return false;
    }
}

/** True only for a well-formed message from the extension (the webview also hears other frames' posts). */
export function isHostMessage(value: unknown): value is HostMessage {
    if (typeof value !== 'object' || value === null) return false;
    const m = value as Record<string, unknown>;
    if (typeof m.documentUri !== 'string') return false;
    switch (m.type) {
        case 'render':
            return typeof m.sequence === 'number' && typeof m.viewId === 'string' && typeof m.title === 'string'
                && Array.isArray(m.views) && typeof m.mermaid === 'string' && Array.isArray(m.nodeIds)
                && Array.isArray(m.flagged) && typeof m.errorCount === 'number';
        case 'empty': return typeof m.sequence === 'number' && typeof m.message === 'string';
        case 'highlight': return m.nodeId === undefined || typeof m.nodeId === 'string';
        case 'exportImage': return m.format === 'svg' || m.format === 'png';
        default: return false;
    }
}

/** Reads a saved webview state, dropping what does not have the expected shape. */
export function parsePreviewState(value: unknown): PreviewState | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const s = value as Record<string, unknown>;
    if (!isString(s.documentUri, MAX_TEXT)) return undefined;
    const viewId = isString(s.viewId, MAX_ID) ? s.viewId : undefined;
    const z = s.zoom as Record<string, unknown> | undefined;
    const zoom = z && [z.scale, z.x, z.y].every(n => typeof n === 'number' && Number.isFinite(n)) && (z.scale as number) > 0
        ? { scale: z.scale as number, x: z.x as number, y: z.y as number } : undefined;
    return { documentUri: s.documentUri, viewId, zoom };
}
