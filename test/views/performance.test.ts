import { describe, expect, it } from 'vitest';
import { renderView } from '../../server/src/views/index.js';
import { mermaidParse } from './mermaid-parse.js';
import { modelOf } from './views-fixture.js';

/** 20 people and 20 systems of 8 parts: 200 elements, with 340 flows between them. */
function bigModel(): string {
    const lines: string[] = [];
    for (let s = 0; s < 20; s++) {
        lines.push(`person user${s} "User ${s}"`, `system sys${s} "System ${s}" {`);
        for (let p = 0; p < 8; p++) lines.push(`  ${p === 7 ? 'database' : 'service'} s${s}-p${p} "Part ${p} of ${s}" { technology "Go" }`);
        lines.push('}', `user${s} -> s${s}-p0 "uses" { protocol HTTPS }`);
        for (let p = 0; p < 7; p++) lines.push(`s${s}-p${p} -> s${s}-p${p + 1} "calls ${p}" { protocol gRPC }`);
        for (let p = 0; p < 8; p++) lines.push(`s${s}-p${p} -> s${(s + 1) % 20}-p${(p + 3) % 8} "talks" { async }`);
    }
    lines.push('view all "All" { include * }');
    return lines.join('\n');
}

describe('rendering budget', () => {
    it('draws a 200-element view in under 5 ms (median of 50)', async () => {
        const { model, index } = await modelOf(bigModel());
        expect(model.elements).toHaveLength(200);
        const times: number[] = [];
        for (let run = 0; run < 60; run++) {
            const start = performance.now();
            renderView(model, index, 'all', { flagged: ['s3-p3'] });
            if (run >= 10) times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const median = times[times.length >> 1];
        console.log(`200 elements, ${model.flows.length} flows: median ${median.toFixed(2)} ms, worst ${times.at(-1)!.toFixed(2)} ms`);
        expect(median).toBeLessThan(5);
        await mermaidParse(renderView(model, index, 'all')!.mermaid);
    });
});
