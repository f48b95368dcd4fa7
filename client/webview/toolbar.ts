// The preview's toolbar and banner: the view picker, zoom and export buttons. Only text is ever
// written into them (textContent, option values), never markup.
import type { ViewChoice } from './messages.js';

const KIND_NAMES: Record<string, string> = {
    landscape: 'landscape', of: 'inside', deployment: 'deployment', sequence: 'sequence', requirements: 'requirements', dataflow: 'dataflow'
};

/** The toolbar's controls, found once. */
export interface Toolbar {
    picker: HTMLSelectElement;
    button(id: 'zoom-in' | 'zoom-out' | 'zoom-fit' | 'export-svg' | 'export-png' | 'copy-mermaid' | 'save-markdown'): HTMLButtonElement;
}

export function toolbar(): Toolbar {
    return {
        picker: document.getElementById('view-picker') as HTMLSelectElement,
        button: id => document.getElementById(id) as HTMLButtonElement
    };
}

/** Refills the picker when the list of views changed, and selects `viewId`. */
export function updatePicker(picker: HTMLSelectElement, views: readonly ViewChoice[], viewId: string): void {
    const same = picker.options.length === views.length
        && views.every((v, i) => picker.options[i].value === v.id && picker.options[i].textContent === optionText(v));
    if (!same) {
        picker.replaceChildren(...views.map(v => {
            const option = document.createElement('option');
            option.value = v.id;
            option.textContent = optionText(v);
            return option;
        }));
    }
    picker.value = viewId;
}

function optionText(v: ViewChoice): string {
    return `${v.title} (${KIND_NAMES[v.kind] ?? v.kind}${v.automatic ? ', automatic' : ''})`;
}

/** Shows `text` in the banner above the diagram, or hides it. */
export function showBanner(text: string | undefined, kind: 'error' | 'info' = 'error'): void {
    const banner = document.getElementById('banner')!;
    banner.hidden = text === undefined;
    banner.textContent = text ?? '';
    banner.className = kind;
}
