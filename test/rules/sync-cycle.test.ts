import { describe, expect, it } from 'vitest';
import type { Flow } from '../../server/src/model/arch-model.js';
import { syncComponents } from '../../server/src/rules/sync-cycle.js';
import { Random } from '../fuzz/mutations.js';
import { codes, findings, header } from './support.js';

const services = (...ids: string[]) => ids.map(id => `service ${id} "${id}" { technology "Go" }\n`).join('');

describe('sync-cycle', () => {
    it('warns on every flow of a cycle of synchronous flows, pointing at the others', async () => {
        const text = header('design') + services('a', 'b', 'c') + 'a -> b { protocol gRPC }\nb -> c { protocol gRPC }\nc -> a { protocol gRPC }\n';
        expect(await findings(text, 'sync-cycle')).toEqual([
            '7:3 sync-cycle The synchronous flow a -> b is part of a cycle through a, b and c: make one flow of the cycle async, or remove it.',
            '8:3 sync-cycle The synchronous flow b -> c is part of a cycle through a, b and c: make one flow of the cycle async, or remove it.',
            '9:3 sync-cycle The synchronous flow c -> a is part of a cycle through a, b and c: make one flow of the cycle async, or remove it.'
        ]);
    });

    it('stays silent when one flow of the loop is async', async () => {
        const text = header('design') + services('a', 'b', 'c') + 'a -> b { protocol gRPC }\nb -> c { protocol gRPC }\nc -> a { protocol AMQP async }\n';
        expect(await codes(text, 'sync-cycle')).toEqual([]);
    });

    it('does not report flows that lead into or out of a cycle', async () => {
        const text = header('design') + services('a', 'b', 'c', 'd') + 'a -> b { protocol gRPC }\nb -> c { protocol gRPC }\nc -> b { protocol gRPC }\nc -> d { protocol gRPC }\n';
        expect(await codes(text, 'sync-cycle')).toEqual(['9 sync-cycle', '10 sync-cycle']);
    });

    it('counts cycles through persons and externals too: every synchronous flow counts', async () => {
        const text = header('design') + 'person u "U"\n' + services('a') + 'u -> a "asks"\na -> u { protocol SMTP }\n';
        expect(await codes(text, 'sync-cycle')).toEqual(['6 sync-cycle', '7 sync-cycle']);
    });
});

describe('the strongly connected components of synchronous flows', () => {
    const flow = (source: string, target: string, async = false) => ({ source, target, async }) as Flow;

    it('puts the two ends of a back-and-forth pair together and leaves chains apart', () => {
        const c = syncComponents([flow('a', 'b'), flow('b', 'a'), flow('b', 'c'), flow('c', 'd', true), flow('d', 'c', true)]);
        expect(c.get('a')).toBe(c.get('b'));
        expect(c.get('c')).not.toBe(c.get('b'));
        expect(c.get('d')).toBeUndefined();
    });

    it('puts two elements together exactly when each reaches the other by synchronous flows, on random graphs', () => {
        for (let seed = 1; seed <= 100; seed++) {
            const r = new Random(seed);
            const size = 1 + r.int(12);
            const flows = Array.from({ length: r.int(3 * size) }, () => flow(`e${r.int(size)}`, `e${r.int(size)}`, r.int(4) === 0));
            const c = syncComponents(flows);
            // Reachability by synchronous flows between two different elements, by brute force.
            const sync = flows.filter(f => !f.async && f.source !== f.target);
            const reaches = (from: string, to: string) => {
                const seen = new Set([from]);
                const queue = [from];
                for (let i = 0; i < queue.length; i++) {
                    for (const f of sync) if (f.source === queue[i] && !seen.has(f.target)) { seen.add(f.target); queue.push(f.target); }
                }
                return seen.has(to);
            };
            const named = [...new Set(sync.flatMap(f => [f.source, f.target]))];
            expect([...c.keys()].sort(), `seed ${seed}`).toEqual([...named].sort());
            for (const a of named) {
                for (const b of named) {
                    if (a !== b) expect(c.get(a) === c.get(b), `seed ${seed}: ${a} ${b}`).toBe(reaches(a, b) && reaches(b, a));
                }
            }
        }
    });

    // Linear cost is the benchmark's to measure; here, 100 000 flows in one cycle would overflow the stack of a recursive walk.
    it('handles a chain of 100 000 flows without deep recursion', () => {
        const flows = Array.from({ length: 100_000 }, (_, i) => flow(`n${i}`, `n${i + 1}`));
        flows.push(flow('n100000', 'n0'));
        const c = syncComponents(flows);
        expect(c.get('n0')).toBe(c.get('n99999'));
    });
});
