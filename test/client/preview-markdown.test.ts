import { expect, it } from 'vitest';
import { markdownOf } from '../../client/src/preview/diagram-markdown.js';

it('saves a view as its title and a mermaid block', () => {
    expect(markdownOf({ title: 'Acme Shop', mermaid: 'flowchart LR\n  a --> b\n' })).toBe('# Acme Shop\n\n```mermaid\nflowchart LR\n  a --> b\n```\n');
});

it('keeps the block closed when the diagram holds a run of backticks', () => {
    const md = markdownOf({ title: 'T', mermaid: 'flowchart LR\n  a["```"]\n' });
    expect(md).toBe('# T\n\n````mermaid\nflowchart LR\n  a["```"]\n````\n');
});
