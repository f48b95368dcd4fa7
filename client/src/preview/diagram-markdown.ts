import type { DiagramResult } from '../../../server/src/protocol.js';

/**
 * The view as a Markdown document: its title, then a ```mermaid block that Markdown renderers
 * (GitHub, GitLab, VS Code) draw. A fence longer than any backtick run in the text keeps it closed.
 */
export function markdownOf(diagram: Pick<DiagramResult, 'title' | 'mermaid'>): string {
    const longest = Math.max(2, ...(diagram.mermaid.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    return `# ${diagram.title.replace(/\r?\n/g, ' ')}\n\n${fence}mermaid\n${diagram.mermaid.trimEnd()}\n${fence}\n`;
}
