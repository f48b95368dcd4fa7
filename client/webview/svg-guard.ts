// A second wall behind Mermaid's strict mode and the views' escaping: the SVG is parsed in an inert
// document (nothing loads or runs there), anything that could act or fetch is removed, and only
// then does it enter the page. With escaped labels none of this is ever there to remove.

const ACTIVE = 'script, iframe, object, embed, img, image, audio, video, link, meta, base, form';

/** Mermaid's SVG markup as an element of this page, without scripts, handlers, links or images. */
export function guardedSvg(markup: string): SVGSVGElement {
    const inert = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
    const svg = inert.querySelector('svg');
    if (!svg) throw new Error('Mermaid drew no SVG');
    for (const el of svg.querySelectorAll(ACTIVE)) el.remove();
    for (const a of svg.querySelectorAll('a')) a.replaceWith(...a.childNodes);
    for (const el of [svg, ...svg.querySelectorAll('*')]) {
        for (const attr of [...el.attributes]) {
            const name = attr.name.toLowerCase();
            if (name.startsWith('on') || name.endsWith('href') && !attr.value.startsWith('#')) el.removeAttribute(attr.name);
        }
    }
    return document.adoptNode(svg);
}
