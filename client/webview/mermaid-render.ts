// Mermaid, configured once for the preview. The diagram text pins layout, look and theme in its
// front matter too; the settings here are the ones front matter may not change (securityLevel is
// one of Mermaid's secure keys), so model text can never loosen them.
import mermaid from 'mermaid';

mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    layout: 'dagre',
    look: 'classic',
    // Text stays text: no HTML in labels beyond what the sanitizer keeps, no links.
    flowchart: { htmlLabels: true, subGraphTitleMargin: { top: 4, bottom: 22 } },
    deterministicIds: true
});

let renders = 0;

/** Renders Mermaid text to SVG markup; rejects with Mermaid's message when the text does not parse. */
export async function renderSvg(text: string): Promise<string> {
    const id = `aw-diagram-${++renders}`;
    try {
        const { svg } = await mermaid.render(id, text);
        return svg;
    } finally {
        // Mermaid leaves its scratch element behind when rendering fails.
        document.getElementById(`d${id}`)?.remove();
    }
}
