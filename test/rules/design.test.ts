import { describe, expect, it } from 'vitest';
import { codes, findings, header } from './support.js';

describe('missing-technology', () => {
    it('warns when a deployable element has no technology, naming it and the cure', async () => {
        expect(await findings(header('design') + 'service api "API"\n', 'missing-technology')).toEqual([
            '4:9 missing-technology api has no technology: add technology "..." naming its stack.'
        ]);
    });

    it('warns about externals but not about persons or systems', async () => {
        const text = header('design') + 'person u "U"\nexternal crm "CRM"\nsystem s "S" {\n  component c "C" { technology "x" }\n}\n';
        expect(await codes(text, 'missing-technology')).toEqual(['5 missing-technology']);
    });

    it('stays silent at the whiteboard stage', async () => {
        expect(await codes(header('whiteboard') + 'service api "API"\n')).toEqual([]);
    });

    it('stays silent with allow, and with rule missing-technology off', async () => {
        expect(await codes(header('design') + 'service api "API" {\n  allow missing-technology "chosen later"\n}\n', 'missing-technology')).toEqual([]);
        expect(await codes(header('design', 'missing-technology off') + 'service api "API"\n', 'missing-technology')).toEqual([]);
    });
});

describe('flow-missing-protocol', () => {
    const elements = 'person u "U"\nservice a "A" { technology "Go" }\nservice b "B" { technology "Go" }\n';

    it('warns on the arrow of a flow between services that has no protocol', async () => {
        expect(await findings(header('design') + elements + 'a -> b "calls"\n', 'flow-missing-protocol')).toEqual([
            '7:3 flow-missing-protocol The flow a -> b has no protocol: add protocol HTTPS, gRPC, SQL, AMQP...'
        ]);
    });

    it('stays silent for flows from a person, and for flows with a protocol given as an id or a string', async () => {
        const text = header('design') + elements + 'u -> a "uses"\na -> b { protocol "gRPC" }\nb -> a { protocol HTTPS async }\n';
        expect(await codes(text, 'flow-missing-protocol')).toEqual([]);
    });
});

describe('orphan-element', () => {
    it('notes an element that no flow touches, as info', async () => {
        const text = header('design') + 'service a "A" { technology "Go" }\nservice b "B" { technology "Go" }\nservice lone "Lone" { technology "Go" }\na -> b { protocol gRPC }\n';
        expect(await findings(text, 'orphan-element')).toEqual([
            '6:9 orphan-element No flow starts or ends at lone: add the flows it takes part in, or remove it.'
        ]);
    });

    it('counts a flow at any nested part as touching the systems around it, but not its sibling parts', async () => {
        const text = header('design') + 'person u "U"\nsystem outer "O" {\n  system inner "I" {\n    app web "W" { technology "x" }\n  }\n  service idle "Idle" { technology "x" }\n}\nu -> web\n';
        expect(await codes(text, 'orphan-element')).toEqual(['9 orphan-element']);
    });

    it('names a system with nothing flowing in or out of it', async () => {
        const text = header('design') + 'system s "S"\n';
        expect(await findings(text, 'orphan-element')).toEqual(['4:8 orphan-element No flow starts or ends at s or at anything inside it: add the flows it takes part in, or remove it.']);
    });
});

describe('decision-missing-rationale', () => {
    it('notes an accepted decision without rationale', async () => {
        expect(await findings(header('design') + 'decision d1 "Use Go" {\n  status accepted\n}\n', 'decision-missing-rationale')).toEqual([
            '4:10 decision-missing-rationale The decision d1 is accepted but gives no reason: add rationale "..." saying why.'
        ]);
    });

    it('stays silent for proposed decisions and for accepted ones with a rationale', async () => {
        const text = header('design') + 'decision d1 "A" {\n  status proposed\n}\ndecision d2 "B" {\n  status accepted\n  rationale "why"\n}\ndecision d3 "C"\n';
        expect(await codes(text, 'decision-missing-rationale')).toEqual([]);
    });
});

describe('sequence-step-without-flow', () => {
    const elements = 'service a "A" { technology "Go" }\nservice b "B" { technology "Go" }\nservice c "C" { technology "Go" }\na -> b { protocol gRPC }\nb -> c { protocol gRPC async }\n';

    it('warns on the line of a step that no flow backs', async () => {
        const text = header('design') + elements + 'view v "V" sequence {\n  a -> b "ok"\n  a -> c "no flow"\n}\n';
        expect(await findings(text, 'sequence-step-without-flow')).toEqual([
            '11:3 sequence-step-without-flow No flow joins a and c, so the step a -> c of v shows a call the model lacks: add the flow, or correct the step.'
        ]);
    });

    it('accepts a flow in the opposite direction, or an async one', async () => {
        const text = header('design') + elements + 'view v "V" sequence {\n  b -> a "reply"\n  c -> b "event"\n}\n';
        expect(await codes(text, 'sequence-step-without-flow')).toEqual([]);
    });

    it('lets an allow in the view cover its steps', async () => {
        const text = header('design') + elements + 'view v "V" sequence {\n  allow sequence-step-without-flow "sketch"\n  a -> c "no flow"\n}\n';
        expect(await codes(text, 'sequence-step-without-flow')).toEqual([]);
    });
});
