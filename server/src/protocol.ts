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
