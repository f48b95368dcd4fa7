import { describe, expect, it } from 'vitest';
import { codes, findings, header } from './support.js';

describe('unsatisfied-requirement', () => {
    it('warns on a requirement that no element satisfies', async () => {
        expect(await findings(header('design') + 'requirement r1 "Orders" {\n  kind functional\n}\n', 'unsatisfied-requirement')).toEqual([
            '4:13 unsatisfied-requirement No element satisfies the requirement r1: add satisfies r1 to the elements that fulfil it.'
        ]);
    });

    it('counts a person-free satisfier of any kind, a system included', async () => {
        const text = header('design') + 'requirement r1 "R" { kind functional }\nsystem s "S" {\n  satisfies r1\n}\n';
        expect(await codes(text, 'unsatisfied-requirement')).toEqual([]);
    });
});

describe('requirement-missing-target', () => {
    it('warns on performance, availability and scalability requirements without a target', async () => {
        const text = header('design') + 'requirement p "P" { kind performance }\nrequirement a "A" { kind availability }\nrequirement s "S" { kind scalability }\ncomponent c "C" {\n  technology "x"\n  satisfies p, a, s\n}\n';
        expect(await findings(text, 'requirement-missing-target')).toEqual([
            '4:13 requirement-missing-target The performance requirement p has no target: add target "..." so that it can be checked.',
            '5:13 requirement-missing-target The availability requirement a has no target: add target 99.9% so that it can be checked.',
            '6:13 requirement-missing-target The scalability requirement s has no target: add target "..." so that it can be checked.'
        ]);
    });

    it('stays silent for other kinds, for requirements without a kind, and when a target is given', async () => {
        const text = header('design') + 'requirement f "F" { kind functional }\nrequirement n "N"\nrequirement p "P" {\n  kind performance\n  target "p95 < 1s"\n}\ncomponent c "C" {\n  technology "x"\n  satisfies f, n, p\n}\n';
        expect(await codes(text, 'requirement-missing-target')).toEqual([]);
    });

    it('stays silent at the whiteboard stage, and obeys allow in the requirement', async () => {
        expect(await codes(header('whiteboard') + 'requirement p "P" { kind performance }\n')).toEqual([]);
        const allowed = header('design') + 'requirement p "P" {\n  kind performance\n  allow requirement-missing-target "measured later"\n  allow unsatisfied-requirement "placeholder"\n}\n';
        expect(await codes(allowed)).toEqual([]);
    });
});
