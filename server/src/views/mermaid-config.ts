// The Mermaid configuration every view pins in its front matter. Mermaid 12 changed its default
// layout (ELK) and look; pinning them keeps diagrams identical across Mermaid updates and between
// the preview, `archwright export` and Markdown renderers. No model text is ever written here.

/** The VS Code colour theme kinds the preview follows. */
export type PreviewTheme = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export const PREVIEW_THEMES: readonly PreviewTheme[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];

/** High contrast: one background and one foreground colour for everything, larger text. */
function highContrast(bg: string, fg: string): Record<string, string> {
    return {
        background: bg, primaryColor: bg, primaryTextColor: fg, primaryBorderColor: fg, secondaryColor: bg,
        tertiaryColor: bg, lineColor: fg, textColor: fg, mainBkg: bg, nodeBorder: fg, clusterBkg: bg,
        clusterBorder: fg, edgeLabelBackground: bg, actorBkg: bg, actorBorder: fg, actorTextColor: fg,
        signalColor: fg, signalTextColor: fg, fontSize: '16px'
    };
}

function themeLines(theme: PreviewTheme): string[] {
    switch (theme) {
        case 'light': return ['  theme: default'];
        case 'dark': return ['  theme: dark'];
        case 'high-contrast': return ['  theme: base', ...variables(highContrast('#000000', '#ffffff'))];
        case 'high-contrast-light': return ['  theme: base', ...variables(highContrast('#ffffff', '#000000'))];
    }
}

function variables(values: Record<string, string>): string[] {
    return ['  themeVariables:', ...Object.entries(values).map(([k, v]) => `    ${k}: "${v}"`)];
}

/** The front matter that opens every diagram: layout, look and theme pinned, nothing from the model. */
export function frontMatter(theme: PreviewTheme = 'light'): string[] {
    // Room under boundary titles, which can be two lines (a deployment node's title and technology):
    // dagre does not measure them. The preview sets the same value, so exports match what it shows.
    const titles = ['  flowchart:', '    subGraphTitleMargin:', '      top: 4', '      bottom: 22'];
    return ['---', 'config:', '  layout: dagre', '  look: classic', ...themeLines(theme), ...titles, '---'];
}

/** Class styles shared by the views (diagnostics, external systems, unencrypted data). */
export const CLASS_STYLES: Record<string, string> = {
    flagged: 'stroke:#e51400,stroke-width:3px',
    external: 'stroke-dasharray:6 4',
    unencrypted: 'stroke:#e51400,stroke-width:2px,stroke-dasharray:4 3'
};

/** Link styles: sensitive data in transit, and unencrypted hops in a dataflow view. */
export const SENSITIVE_LINK_STYLE = 'stroke:#d97706,stroke-width:2.5px';
export const UNENCRYPTED_LINK_STYLE = 'stroke:#e51400,stroke-width:3px';
