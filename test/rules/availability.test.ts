import { describe, expect, it } from 'vitest';
import { codes, findings, header, severities } from './support.js';

const up = (target: string) => `requirement up "Up" {\n  kind availability\n  target ${target}\n}\n`;

describe('single-point-of-failure', () => {
    it('warns when a service an availability requirement of 99.9% depends on runs one replica', async () => {
        const text = header('production') + up('99.9%') + 'service orders "O" {\n  satisfies up\n}\n';
        expect(await findings(text, 'single-point-of-failure')).toEqual([
            '8:9 single-point-of-failure orders runs as one replica but the availability requirement up (99.9%) depends on it: add replicas 2 or more.'
        ]);
    });

    it('stays silent below 99.9%, and with 2 replicas', async () => {
        expect(await codes(header('production') + up('99.8%') + 'service orders "O" {\n  satisfies up\n}\n', 'single-point-of-failure')).toEqual([]);
        expect(await codes(header('production') + up('99.99%') + 'service orders "O" {\n  satisfies up\n  replicas 2\n}\n', 'single-point-of-failure')).toEqual([]);
    });

    it('ignores a target written as a string', async () => {
        expect(await codes(header('production') + up('"four nines"') + 'service orders "O" {\n  satisfies up\n}\n', 'single-point-of-failure')).toEqual([]);
    });

    it('warns when a datastore in the critical path has no replication, or replication none, whatever its replicas', async () => {
        const text = header('production') + up('99.95%') + 'service api "A" {\n  satisfies up\n  replicas 2\n}\n'
            + 'database db "D" { replicas 3 }\ncache c "C" { replication none }\nqueue q "Q" { replication cluster }\n'
            + 'api -> db\napi -> c\napi -> q\n';
        expect(await findings(text, 'single-point-of-failure')).toEqual([
            '12:10 single-point-of-failure db has no replication but the availability requirement up (99.95%) depends on it: add replication primary-replica, multi-primary or cluster.',
            '13:7 single-point-of-failure c has replication none but the availability requirement up (99.95%) depends on it: add replication primary-replica, multi-primary or cluster.'
        ]);
    });

    it('follows synchronous flows between deployables only: async flows, externals and persons end the path', async () => {
        const text = header('production') + up('99.9%') + 'person p "P"\nexternal x "X"\n'
            + 'service a "A" {\n  satisfies up\n  replicas 2\n}\nservice b "B"\nservice c "C"\nservice d "D"\n'
            + 'a -> b { async }\na -> x\nx -> c\na -> p\np -> d\n';
        expect(await codes(text, 'single-point-of-failure')).toEqual([]);
    });

    it('follows the arrows, not against them: a caller of the critical set is not in it', async () => {
        const text = header('production') + up('99.9%') + 'service a "A" {\n  satisfies up\n  replicas 2\n}\nservice b "B"\nservice caller "C"\n'
            + 'a -> b\ncaller -> a\n';
        expect(await codes(text, 'single-point-of-failure')).toEqual(['12 single-point-of-failure']);
    });

    it('includes every deployable inside a satisfying system, and the loadbalancer in front, one level only', async () => {
        const text = header('production') + up('99.9%') + 'system s "S" {\n  satisfies up\n  service inner "I"\n}\n'
            + 'loadbalancer lb "LB"\ngateway gw "GW"\nservice outer "Outer"\n'
            + 'lb -> inner\ngw -> lb\nouter -> gw\n';
        expect(await codes(text, 'single-point-of-failure')).toEqual(['10 single-point-of-failure', '12 single-point-of-failure']);
    });

    it('stays silent at the design stage, with allow, and with rule off; obeys a severity override', async () => {
        const body = up('99.9%') + 'service orders "O" {\n  satisfies up\n}\n';
        expect(await codes(header('design') + body, 'single-point-of-failure')).toEqual([]);
        expect(await codes(header('production', 'single-point-of-failure off') + body, 'single-point-of-failure')).toEqual([]);
        const allowed = header('production') + up('99.9%') + 'service orders "O" {\n  satisfies up\n  allow single-point-of-failure "stateless, restarts in seconds"\n}\n';
        expect(await codes(allowed, 'single-point-of-failure')).toEqual([]);
        expect(await severities(header('production', 'single-point-of-failure error') + body, 'single-point-of-failure')).toEqual(['error']);
    });
});

describe('single-zone', () => {
    const critical = up('99.9%') + 'service api "A" {\n  satisfies up\n  replicas 2\n}\n';

    it('warns when a production deployment with two zones runs every instance of a critical element in one of them', async () => {
        const text = header('production') + critical
            + 'deployment prod "P" {\n  zone za "A" {\n    node n1 { runs api x2 }\n  }\n  zone zb "B"\n}\n';
        expect(await findings(text, 'single-zone')).toEqual([
            '8:9 single-zone Every instance of api in the deployment prod runs in the zone za, but the availability requirement up (99.9%) depends on it: run it in a second zone too.'
        ]);
    });

    it('stays silent when the instances span two zones, or one runs outside every zone', async () => {
        const spread = header('production') + critical + 'deployment prod "P" {\n  zone za "A" {\n    node n1 { runs api }\n  }\n  zone zb "B" {\n    node n2 { runs api }\n  }\n}\n';
        expect(await codes(spread, 'single-zone')).toEqual([]);
        const outside = header('production') + critical + 'deployment prod "P" {\n  zone za "A" {\n    node n1 { runs api }\n  }\n  zone zb "B"\n  node n2 { runs api }\n}\n';
        expect(await codes(outside, 'single-zone')).toEqual([]);
    });

    it('judges only production deployments that declare two zones or more', async () => {
        const oneZone = header('production') + critical + 'deployment prod "P" {\n  zone za "A" {\n    node n1 { runs api x2 }\n  }\n}\n';
        expect(await codes(oneZone, 'single-zone')).toEqual([]);
        const staging = header('production') + critical + 'deployment prod "P" {\n  node n0 { runs api x2 }\n}\ndeployment stage "S" {\n  kind staging\n  zone za "A" {\n    node n1 { runs api x2 }\n  }\n  zone zb "B"\n}\n';
        expect(await codes(staging, 'single-zone')).toEqual([]);
    });

    it('stays silent for elements outside every critical set', async () => {
        const text = header('production') + 'service api "A" { replicas 2 }\ndeployment prod "P" {\n  zone za "A" {\n    node n1 { runs api x2 }\n  }\n  zone zb "B"\n}\n';
        expect(await codes(text, 'single-zone')).toEqual([]);
    });
});
