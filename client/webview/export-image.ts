// The picture of the current diagram for export: standalone SVG text, or a PNG drawn from it at
// twice its size. Our own marks (highlight, flags, node tags) are left out.

const PNG_SCALE = 2;

/** The diagram as a standalone SVG document on the given background colour. */
export function svgMarkup(svg: SVGSVGElement, background: string): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.style.backgroundColor = background;
    for (const el of copy.querySelectorAll('[data-aw-node]')) {
        el.removeAttribute('data-aw-node');
        el.classList.remove('aw-node', 'aw-highlight', 'aw-flagged');
    }
    return new XMLSerializer().serializeToString(copy);
}

/** The diagram as a PNG data URL; the SVG goes through a data: image (allowed by the page's CSP). */
export async function pngDataUrl(svg: SVGSVGElement, background: string): Promise<string> {
    const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
    const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgMarkup(svg, background));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * PNG_SCALE);
    canvas.height = Math.ceil(height * PNG_SCALE);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
}
