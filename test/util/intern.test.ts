import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createArchwrightServices } from '../../server/src/module.js';
import { forgetInterned, intern, internedCount, MAX_INTERNED_LENGTH } from '../../server/src/util/intern.js';
import { loadWorkspace } from '../helpers.js';

// Which strings the parser's intern table holds, and when it lets them go. (That an interned value
// is one object is not observable from JavaScript; heap snapshots show it: bench/NOTES.md.)

describe('interning the parser\'s short strings', () => {
    it('keeps one entry per distinct short value, none for longer ones', () => {
        forgetInterned();
        const short = 'x'.repeat(MAX_INTERNED_LENGTH);
        const long = 'y'.repeat(MAX_INTERNED_LENGTH + 1);
        expect(intern(short)).toBe(short);
        expect(intern('x'.repeat(MAX_INTERNED_LENGTH))).toBe(short);
        expect(intern(long)).toBe(long);
        expect(intern(42)).toBe(42);
        expect(internedCount()).toBe(1);
        forgetInterned();
        expect(internedCount()).toBe(0);
    });

    it('holds what parsing read until the build ends', async () => {
        forgetInterned();
        const { shared } = createArchwrightServices(EmptyFileSystem);
        const text = 'service a "A" {\n  owner "team"\n}\nservice b "B" {\n  owner "team"\n}\na -> b "reads"\nb -> a "reads"\n';
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///w/a.arch'));
        // service, a, b, A, B, team, reads (the keywords' kinds among them): each once.
        expect(internedCount()).toBe(7);
        shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: true });
        expect(internedCount()).toBe(0);
        const ws = await loadWorkspace({ 'b.arch': text });
        expect(ws.model().model.elements.map(e => e.owner)).toEqual(['team', 'team']);
        expect(internedCount()).toBe(0);
    });
});
