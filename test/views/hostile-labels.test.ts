import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArchModel } from '../../server/src/model/arch-model.js';
import type { ModelIndex } from '../../server/src/model/graph.js';
import { listViews, renderView, type RenderedView } from '../../server/src/views/index.js';
import { labelTags, mermaidDiagram, mermaidParse, shownText } from './mermaid-parse.js';
import { modelOf } from './views-fixture.js';

const HOSTILE = readFileSync(new URL('./fixtures/hostile.arch', import.meta.url), 'utf8');

/** Strings of the hostile model that must never reach the Mermaid text as written. */
const RAW = [
    '<script', '</script>', '<img', 'onerror=', '%%', '%%{init', '`', '"])', '[(', '<b>',
    'javascript:', 'fill:#f00', '#quot;', '&amp;', '\u202E', '\u200F'
];

let built: { model: ArchModel; index: ModelIndex } | undefined;
async function hostile(): Promise<{ model: ArchModel; index: ModelIndex }> {
    built ??= await modelOf({ 'hostile.arch': HOSTILE });
    return built;
}

async function render(id: string): Promise<RenderedView> {
    const { model, index } = await hostile();
    return renderView(model, index, id, { flagged: ['svc', 'r-script', 'nd'] })!;
}

/** The Mermaid text below the front matter, which is ours alone. */
function body(text: string): string {
    return text.slice(text.indexOf('\n---\n') + 5);
}

describe('hostile labels', () => {
    it.each(['all', 'inside', 'where', 'steps', 'reqs', 'sauce-flow'])('view %s contains none of them raw, and parses', async id => {
        const view = await render(id);
        for (const raw of RAW) expect(body(view.mermaid), raw).not.toContain(raw);
        for (const line of body(view.mermaid).split('\n')) {
            expect(line).not.toMatch(/^\s*(click|%%|style|linkStyle\s+\d+\s+fill|classDef\s+(?!flagged|external|unencrypted)|end\s*\S)/);
        }
        expect(body(view.mermaid)).not.toMatch(/\bend\b(?!$)/im);
        await expect(mermaidParse(view.mermaid)).resolves.toBeTruthy();
    });

    it('makes exactly the nodes the view drew, with no link or callback', async () => {
        const view = await render('all');
        const { db } = await mermaidDiagram(view.mermaid);
        const vertices = [...db.getVertices().values()];
        const subgraphs = db.getSubGraphs().map((s: { id: string }) => s.id);
        expect([...vertices.map((v: { id: string }) => v.id), ...subgraphs].sort()).toEqual(Object.keys(view.nodes).sort());
        for (const v of vertices) {
            expect(v.link).toBeUndefined();
            expect(v.haveCallback).toBeFalsy();
        }
        expect(db.getEdges()).toHaveLength(5);
    });

    it('draws every title as the very text written, with no HTML but line breaks', async () => {
        const view = await render('all');
        const { db } = await mermaidDiagram(view.mermaid);
        const { model } = await hostile();
        for (const v of db.getVertices().values()) {
            expect(labelTags(v.text).every(t => t === 'br')).toBe(true);
            const element = model.elements.find(e => e.id === view.nodes[v.id].id)!;
            const title = shownText(v.text).split('\n')[0];
            expect(element.title!.startsWith(title.replace(/…$/, '').trimEnd())).toBe(true);
        }
        for (const e of db.getEdges()) expect(labelTags(e.text).every(t => t === 'br')).toBe(true);
    });

    it('shows the flow labels as written', async () => {
        const { db } = await mermaidDiagram((await render('all')).mermaid);
        const shown = db.getEdges().map((e: { text: string }) => shownText(e.text).split('\n')[0]);
        expect(shown).toEqual([
            '<b>bold</b> #quot; &amp; %% not a comment · HTTP"]', 'end · SQL', '`md` [link](javascript:alert(1))',
            '--> x[evil] ; click x call alert() · HTTPS', 'A;B#C'
        ]);
    });

    it('keeps the sequence to its own participants and steps', async () => {
        const { db } = await mermaidDiagram((await render('steps')).mermaid);
        expect([...db.getActors().keys()]).toEqual(['el_p1', 'el_svc', 'el_db']);
        const messages = db.getMessages().filter((m: { from?: string }) => m.from);
        expect(messages.map((m: { message: string }) => shownText(m.message))).toEqual([
            '<script>alert(1)</script>', 'end', 'no flow ; # %%{init}%% (no such flow in the model)'
        ]);
    });

    it('keeps the requirement diagram to its own requirements, elements and links', async () => {
        const view = await render('reqs');
        const { db } = await mermaidDiagram(view.mermaid);
        expect([...db.getRequirements().keys()]).toEqual(['req_r_script', 'req_r_click', 'con_c_init']);
        expect([...db.getElements().keys()]).toEqual(['el_svc', 'el_style']);
        expect(db.getRelationships()).toHaveLength(3);
        expect(shownText(db.getRequirements().get('req_r_script').text)).toBe('<script>alert(1)</script> · security · target 99% "quoted" # ; [x] {y} %% end · must');
    });

    it('cuts a very long title and keeps right-to-left text', async () => {
        const text = (await render('all')).mermaid;
        expect(text).toMatch(/label: "(A very long title ){6}[^"]*#8230;<br>component"/);
        expect(text).toContain('مرحبا بالعالم #8238; RTL override #8207;');
    });

    it('marks the unencrypted hop and the store without encryption at rest in the dataflow view', async () => {
        const text = (await render('sauce-flow')).mermaid;
        expect(text).toContain('el_svc -->|"#101;nd · SQL<br>UNENCRYPTED"| el_db');
        expect(text).toContain('el_svc -->|"--#62; x#91;evil#93; #59; click x call alert() · HTTPS<br>encrypted"| el_click');
        expect(text).toMatch(/linkStyle 0,1 stroke:#e51400/);
        expect(text).toContain('stores it, NOT encrypted at rest');
        expect(text).toMatch(/class el_db unencrypted/);
    });

    it('lists every view of the hostile model', async () => {
        const { model } = await hostile();
        expect(listViews(model).map(v => v.title)).toEqual(['<all>', 'inside', 'where', 'steps', 'reqs', 'sauce']);
    });
});
