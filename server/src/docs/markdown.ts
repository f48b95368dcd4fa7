// Markdown that renders the same on GitHub and GitLab, with model text always as text: every
// character Markdown or HTML gives a meaning to is escaped, whitespace (newlines included) becomes
// one space, so no title or description can open a table cell, a heading, a link or a tag.

// Anywhere: emphasis, code, links, HTML, entities, table cells, strikethrough, references (#12),
// math ($). At the start only: headings, list items, setext underlines, ordered lists (`1.`).
const SPECIALS = /[\\`*_[\]<>&|~#$]/g;
const LEADING = /^([-+=])|^(\d+)([.)])/;

/** Model text as one line of inline Markdown. */
export function text(value: string | undefined): string {
    const line = (value ?? '').replace(/\s+/g, ' ').trim().replace(SPECIALS, '\\$&');
    return line.replace(LEADING, (_m, sign: string | undefined, digits: string, dot: string) => sign ? `\\${sign}` : `${digits}\\${dot}`);
}

/** Free text (a description) as paragraphs: blank lines separate them, other line breaks fold. */
export function paragraphs(value: string | undefined): string[] {
    return (value ?? '').split(/\n\s*\n/).map(text).filter(p => p.length > 0);
}

/** An id as code. Ids are letters, digits, `_` and `-` (the grammar allows nothing else). */
export function code(id: string): string {
    return '`' + id.replace(/`/g, '') + '`';
}

/** A table: `|` inside cells is escaped by text(), and an empty cell shows a dash. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
    if (rows.length === 0) return [];
    const line = (cells: readonly string[]) => `| ${cells.map(c => c || '—').join(' | ')} |`;
    return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line), ''];
}

/** A Mermaid diagram as a fenced block, which GitHub and GitLab both draw. */
export function mermaid(diagram: string): string[] {
    return ['```mermaid', diagram.trimEnd(), '```', ''];
}

/** A link; the label is already Markdown (escaped text or code). */
export function link(label: string, target: string): string {
    return `[${label}](${target})`;
}

/** A URL written in the model as a link when it is a plain http(s) URL, as escaped text otherwise. */
export function urlOrText(value: string): string {
    return /^https?:\/\/[^\s<>()`|\\]+$/.test(value) ? `<${value}>` : text(value);
}

export function yesNo(value: boolean): string {
    return value ? 'yes' : '**no**';
}
