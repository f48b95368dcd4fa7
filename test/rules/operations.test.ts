import { describe, expect, it } from 'vitest';
import type { ModelIndex } from '../../server/src/model/graph.js';
import { onLongSyncChain } from '../../server/src/rules/operations.js';
import { codes, findings, header, severities } from './support.js';

describe('missing-monitoring', () => {
    it('warns on a service without metrics and alert, naming both cures', async () => {
        expect(await findings(header('production') + 'service a "A"\n', 'missing-monitoring')).toEqual([
            '4:9 missing-monitoring a collects no metrics and has no alert: add monitoring metrics and alert "...", so that someone hears when it fails.'
        ]);
    });

    it('warns when only the alert is missing, or only metrics', async () => {
        const text = header('production') + 'job j "J" { monitoring metrics }\ngateway g "G" {\n  monitoring logs traces\n  alert "down"\n}\n';
        expect(await findings(text, 'missing-monitoring')).toEqual([
            '4:5 missing-monitoring j has no alert: add alert "...", so that someone hears when it fails.',
            '5:9 missing-monitoring g collects no metrics: add monitoring metrics, so that someone hears when it fails.'
        ]);
    });

    it('leaves datastores, loadbalancers and components alone', async () => {
        expect(await codes(header('production') + 'database d "D"\nloadbalancer l "L"\ncomponent c "C"\n', 'missing-monitoring')).toEqual([]);
    });
});

describe('missing-tracing', () => {
    const three = 'service a "A"\nservice b "B"\ndatabase c "C"\na -> b\nb -> c\n';

    it('notes services on a synchronous chain of three elements that collect no traces, at each end and in the middle', async () => {
        expect(await findings(header('production') + three, 'missing-tracing')).toEqual([
            '4:9 missing-tracing a is on a chain of three or more synchronous calls but collects no traces: add traces to its monitoring.',
            '5:9 missing-tracing b is on a chain of three or more synchronous calls but collects no traces: add traces to its monitoring.'
        ]);
    });

    it('stays silent on chains of two, on async links, and for what collects traces', async () => {
        expect(await codes(header('production') + 'service a "A"\nservice b "B"\na -> b\n', 'missing-tracing')).toEqual([]);
        expect(await codes(header('production') + 'service a "A"\nservice b "B"\nservice c "C"\na -> b\nb -> c { async }\n', 'missing-tracing')).toEqual([]);
        expect(await codes(header('production') + 'person p "P"\nservice a "A"\nservice b "B"\np -> a\na -> b\n', 'missing-tracing')).toEqual([]);
        const traced = 'service a "A" { monitoring traces }\nservice b "B" { monitoring metrics traces }\ndatabase c "C"\na -> b\nb -> c\n';
        expect(await codes(header('production') + traced, 'missing-tracing')).toEqual([]);
    });

    it('does not count a back-and-forth pair as a chain of three', async () => {
        expect(await codes(header('production') + 'service a "A"\nservice b "B"\na -> b\nb -> a\n', 'missing-tracing')).toEqual([]);
    });

    it('can be raised to a warning, as the design example does', async () => {
        expect(await severities(header('production', 'missing-tracing warning') + three, 'missing-tracing')).toEqual(['warning', 'warning']);
    });
});

describe('the synchronous chain test', () => {
    const graph = (edges: [string, string][]) => {
        const succ = new Map<string, string[]>();
        const pred = new Map<string, string[]>();
        for (const [a, b] of edges) {
            (succ.get(a) ?? succ.set(a, []).get(a)!).push(b);
            (pred.get(b) ?? pred.set(b, []).get(b)!).push(a);
        }
        return { succ: succ as ModelIndex['syncSuccessors'], pred };
    };

    it('finds the start, the middle and the end of a chain of three and nothing on a chain of two', () => {
        const { succ, pred } = graph([['a', 'b'], ['b', 'c'], ['x', 'y']]);
        expect(['a', 'b', 'c', 'x', 'y'].map(id => onLongSyncChain(id, succ, pred))).toEqual([true, true, true, false, false]);
    });

    it('accepts a start whose callee calls on to a third element even if it also calls back', () => {
        const { succ, pred } = graph([['a', 'b'], ['b', 'a'], ['b', 'c']]);
        expect(onLongSyncChain('a', succ, pred)).toBe(true);
    });
});

describe('missing-healthcheck', () => {
    it('notes a service with more than one replica, or behind a loadbalancer, without healthcheck', async () => {
        const text = header('production') + 'service a "A" { replicas 2 }\nloadbalancer lb "LB"\napp web "W"\nservice one "One"\nlb -> web\n';
        expect(await findings(text, 'missing-healthcheck')).toEqual([
            '4:9 missing-healthcheck a runs 2 replicas but has no healthcheck: add healthcheck "/healthz" (or the command that tells it is alive).',
            '6:5 missing-healthcheck web sits behind a loadbalancer but has no healthcheck: add healthcheck "/healthz" (or the command that tells it is alive).'
        ]);
    });

    it('leaves jobs and functions alone, and elements with a healthcheck', async () => {
        expect(await codes(header('production') + 'job j "J" { replicas 3 }\nfunction f "F" { replicas 2 }\nservice s "S" {\n  replicas 2\n  healthcheck "/h"\n}\n', 'missing-healthcheck')).toEqual([]);
    });
});

describe('missing-owner', () => {
    it('notes deployable elements without owner, not persons, externals or systems', async () => {
        const text = header('production') + 'person p "P"\nexternal x "X"\nsystem s "S" {\n  queue q "Q"\n}\n';
        expect(await findings(text, 'missing-owner')).toEqual([
            '7:9 missing-owner q has no owner: add owner "..." naming the team that runs it.'
        ]);
    });

    it('is switched off by rule missing-owner off', async () => {
        expect(await codes(header('production', 'missing-owner off') + 'queue q "Q"\n', 'missing-owner')).toEqual([]);
    });
});

describe('missing-autoscaling', () => {
    const grows = 'requirement grows "G" {\n  kind scalability\n  target "5x"\n}\n';

    it('warns when an element satisfies a scalability requirement and has no scaling', async () => {
        const text = header('production') + grows + 'service a "A" { satisfies grows }\nservice b "B" {\n  satisfies grows\n  scaling vertical\n}\n';
        expect(await findings(text, 'missing-autoscaling')).toEqual([
            '8:9 missing-autoscaling a satisfies the scalability requirement grows but cannot grow: add scaling horizontal min 2 max 4 (or scaling vertical).'
        ]);
    });

    it('stays silent for other kinds of requirement and at the design stage', async () => {
        expect(await codes(header('production') + 'requirement f "F" { kind functional }\nservice a "A" { satisfies f }\n', 'missing-autoscaling')).toEqual([]);
        expect(await codes(header('design') + grows + 'service a "A" { satisfies grows }\n', 'missing-autoscaling')).toEqual([]);
    });
});
