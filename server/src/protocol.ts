// The custom messages between the VS Code client and the Archwright language server, beyond LSP.
// Shared by both sides; imports nothing so the client never pulls in server code.

/** One readiness gap: a readiness diagnostic that the next stage (or the asked stage) would report. */
export interface ReadinessGap {
    rule: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    uri: string;
    /** 0-based, as in LSP. */
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ReadinessParams {
    /** Any document of the model. */
    uri: string;
    /** The stage to check against; default: the stage after the model's own (production stays production). */
    stage?: 'whiteboard' | 'design' | 'production';
}

export interface ReadinessResult {
    /** The model's declared stage. */
    stage: 'whiteboard' | 'design' | 'production';
    /** The stage the gaps are counted for. */
    target: 'whiteboard' | 'design' | 'production';
    /** Every gap at `target`, sorted by rule, then file and line. */
    gaps: ReadinessGap[];
    /** Summary line of each rule with gaps, for the report's headings. */
    rules: { id: string; summary: string; count: number }[];
}

/**
 * Request `archwright/readiness`, sent by the client (status bar item, readiness report command):
 * what the model still lacks for a stage.
 */
export const ReadinessRequest = 'archwright/readiness';

/**
 * Notification `archwright/modelChanged`, sent by the server after each build that validated
 * documents: the client refreshes the status bar and the preview.
 */
export const ModelChangedNotification = 'archwright/modelChanged';
export interface ModelChangedParams {
    /** URIs of the documents validated in that build. */
    uris: string[];
}

/** The colour theme kinds of VS Code, which the preview's diagrams follow. */
export type DiagramTheme = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface DiagramParams {
    /** Any document of the model. */
    uri: string;
    /** The view to draw; default (or when the model has no such view): the first view of the list. */
    viewId?: string;
    theme: DiagramTheme;
    /** The version of `uri` the client holds, echoed back so the client can drop superseded answers. */
    version?: number;
}

/** One entry of the preview's view picker: a declared view, or an automatic one when the model declares none. */
export interface DiagramView {
    id: string;
    title: string;
    kind: 'landscape' | 'of' | 'deployment' | 'sequence' | 'requirements' | 'dataflow';
    automatic: boolean;
}

/** Where the thing a diagram node draws is declared (0-based): `range` the whole declaration, `selection` its id. */
export interface DiagramNodeSource {
    uri: string;
    range: ReadinessGap['range'];
    selection: ReadinessGap['range'];
}

export interface DiagramResult {
    /** Every view of the model, in the picker's order. */
    views: DiagramView[];
    /** The view drawn (the asked one if the model has it, else the first); undefined only when there is none. */
    viewId: string | undefined;
    title: string;
    /** Mermaid text, front matter with the pinned layout, look and theme included. */
    mermaid: string;
    /** For each Mermaid node id, the declaration it draws. */
    nodes: Record<string, DiagramNodeSource>;
    /** Mermaid node ids of the things that have error or warning diagnostics. */
    flagged: string[];
    /** How many error diagnostics the model's documents have. */
    errorCount: number;
    /** The `version` of the params, echoed. */
    version?: number;
}

/**
 * Request `archwright/diagram`, sent by the client's preview panel after each model change, view
 * choice or theme change: one view of the model as Mermaid text, with the source map and the list of views.
 */
export const DiagramRequest = 'archwright/diagram';
