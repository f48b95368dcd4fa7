import { describe, expect, it } from 'vitest';
import { handleReadiness } from '../../server/src/lsp/readiness-handler.js';
import { loadWorkspace } from '../helpers.js';

/** A workspace as the server has it once the client said `initialized` (the handler waits for that). */
async function initializedWorkspace(text: string) {
    const ws = await loadWorkspace({ 'model.arch': text });
    await ws.shared.workspace.WorkspaceManager.initialized({});
    return ws;
}

const design = 'architecture "T" {\n  stage design\n}\nservice api "API" {\n  technology "Go"\n  owner "team"\n}\ndatabase db "DB" {\n  technology "PostgreSQL"\n  owner "team"\n}\napi -> db "reads" { protocol SQL }\n';

describe('the archwright/readiness request', () => {
    it('counts the gaps of the next stage by default, sorted by rule in the order of rules.md, then line', async () => {
        const ws = await initializedWorkspace(design);
        const result = await handleReadiness(ws.shared, { uri: ws.uri('model.arch') });
        expect(result.stage).toBe('design');
        expect(result.target).toBe('production');
        expect(result.gaps.map(g => `${g.range.start.line + 1} ${g.rule} ${g.severity}`)).toEqual([
            '1 no-production-deployment warning',
            '8 missing-backup warning',
            '4 missing-monitoring warning'
        ]);
        expect(result.rules).toEqual([
            { id: 'no-production-deployment', summary: 'The model has no deployment of kind production.', count: 1 },
            { id: 'missing-backup', summary: 'A database or storage has no backup.', count: 1 },
            { id: 'missing-monitoring', summary: 'A service, app, function, job or gateway collects no metrics, or has no alert.', count: 1 }
        ]);
    });

    it('checks the asked stage, stays at production for a production model, and leaves out unknown-rule', async () => {
        const ws = await initializedWorkspace(design.replace('stage design', 'stage production\n  rule nope off'));
        const atDesign = await handleReadiness(ws.shared, { uri: ws.uri('model.arch'), stage: 'design' });
        expect(atDesign).toEqual({ stage: 'production', target: 'design', gaps: [], rules: [] });
        const next = await handleReadiness(ws.shared, { uri: ws.uri('model.arch') });
        expect(next.target).toBe('production');
        expect(next.gaps.map(g => g.rule)).toEqual(['no-production-deployment', 'missing-backup', 'missing-monitoring']);
    });
});
