// The preview's HTML and its Content-Security-Policy, built in this one place (architecture.md,
// "Security of the webview"). Pure functions without `vscode`, so the webview tests serve exactly
// the page the panel shows.

export interface PreviewPage {
    /** `webview.cspSource`: the origin the webview serves the extension's files from. */
    cspSource: string;
    /** A fresh random value per page: the only way a script may run. */
    nonce: string;
    /** Webview URIs of the built preview script and style sheet. */
    scriptUri: string;
    styleUri: string;
    /** The document the preview starts with (the webview learns later ones from the messages). */
    documentUri: string;
}

/**
 * Nothing by default; scripts only with the nonce; styles from the webview source plus inline ones
 * (Mermaid writes style attributes and a style element); images from the webview source and data:
 * (the PNG export draws the SVG through a data: image). No 'unsafe-eval'.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'unsafe-inline'`,
        `img-src ${cspSource} data:`
    ].join('; ');
}

/** A nonce: 32 random characters from a cryptographic source. */
export function newNonce(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, c => (c === '+' ? 'A' : c === '/' ? 'B' : ''));
}

function escapeAttribute(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page, built once per panel: after that the extension only posts messages and the webview patches its DOM. */
export function previewHtml(page: PreviewPage): string {
    const nonce = escapeAttribute(page.nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta id="archwright-preview" data-document-uri="${escapeAttribute(page.documentUri)}">
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
<title>Archwright Preview</title>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <select id="view-picker" aria-label="View"></select>
  <span class="spacer"></span>
  <button id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
  <button id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
  <button id="zoom-fit" title="Fit to window">Fit</button>
  <span class="separator"></span>
  <button id="export-svg" title="Save as SVG">SVG</button>
  <button id="export-png" title="Save as PNG">PNG</button>
  <button id="copy-mermaid" title="Copy the Mermaid source">Copy</button>
  <button id="save-markdown" title="Save as Markdown with a mermaid block">Markdown</button>
</div>
<div id="banner" role="status" hidden></div>
<div id="canvas"><div id="diagram"></div></div>
<script nonce="${nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>
`;
}
