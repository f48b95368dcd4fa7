import { describe, expect, it } from 'vitest';
import { codes, findings, header } from './support.js';

describe('no-production-deployment', () => {
    it('warns once, on the architecture declaration, when no deployment is of kind production', async () => {
        const text = header('production') + 'service a "A"\ndeployment dev "Dev" {\n  kind development\n  node n { runs a }\n}\n';
        expect(await findings(text, 'no-production-deployment')).toEqual([
            '1:1 no-production-deployment The model has no production deployment: add deployment ID { kind production ... } saying which nodes run which elements.'
        ]);
    });

    it('counts a deployment without kind as production', async () => {
        expect(await codes(header('production') + 'deployment prod "P"\n', 'no-production-deployment')).toEqual([]);
    });

    it('is silenced by rule no-production-deployment off, and not run at the design stage', async () => {
        expect(await codes(header('production', 'no-production-deployment off'), 'no-production-deployment')).toEqual([]);
        expect(await codes(header('design'), 'no-production-deployment')).toEqual([]);
    });
});

describe('not-deployed', () => {
    it('warns on a deployable element that no node of a production deployment runs', async () => {
        const text = header('production') + 'service a "A"\nservice b "B"\nperson p "P"\nexternal x "X"\n'
            + 'deployment prod "P" {\n  node n { runs a }\n}\ndeployment dev "D" {\n  kind development\n  node m { runs b }\n}\n';
        expect(await findings(text, 'not-deployed')).toEqual([
            '5:9 not-deployed No node of the production deployment prod runs b: add runs b to the node where it runs.'
        ]);
    });

    it('stays silent when there is no production deployment at all (no-production-deployment says it)', async () => {
        expect(await codes(header('production') + 'service a "A"\n', 'not-deployed')).toEqual([]);
    });
});

describe('replica-mismatch', () => {
    it('notes when a production deployment runs a different total than replicas declares', async () => {
        const text = header('production') + 'service a "A" { replicas 3 }\ndeployment prod "P" {\n  node n1 { runs a x2 }\n  node n2 { runs a }\n  node n3 { runs a }\n}\n';
        expect(await findings(text, 'replica-mismatch')).toEqual([
            '4:9 replica-mismatch a declares replicas 3 but the production deployment prod runs 4 instances of it: make the two agree.'
        ]);
    });

    it('stays silent when the totals agree, when replicas is not declared, or in other kinds of deployment', async () => {
        const text = header('production') + 'service a "A" { replicas 3 }\nservice b "B"\n'
            + 'deployment prod "P" {\n  node n1 { runs a x2, b x5 }\n  node n2 { runs a }\n}\ndeployment test "T" {\n  kind test\n  node t { runs a }\n}\n';
        expect(await codes(text, 'replica-mismatch')).toEqual([]);
    });
});
