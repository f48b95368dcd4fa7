import { describe, expect, it } from 'vitest';
import { codes, findings, header } from './support.js';

const model = 'data profile "P" { class pii }\nperson user "U"\nexternal partner "X"\ngateway gw "GW"\nservice api "API"\napp web "Web"\nloadbalancer lb "LB"\n';

describe('missing-auth', () => {
    it('warns on an entry flow that carries sensitive data without auth', async () => {
        const text = header('production') + model + 'partner -> gw {\n  protocol HTTPS\n  carries profile\n}\n';
        expect(await findings(text, 'missing-auth')).toEqual([
            '11:9 missing-auth The entry flow partner -> gw carries profile but says nothing of authentication: add auth oauth2, mTLS, "API key"...'
        ]);
    });

    it('stays silent with auth, without sensitive data, and for flows between our own elements', async () => {
        const text = header('production') + model + 'user -> gw {\n  carries profile\n  auth oauth2\n}\nuser -> web\ngw -> api { carries profile }\n';
        expect(await codes(text, 'missing-auth')).toEqual([]);
    });
});

describe('unguarded-entry', () => {
    it('warns when a person or an external reaches a service directly', async () => {
        const text = header('production') + model + 'user -> api "calls"\n';
        expect(await findings(text, 'unguarded-entry')).toEqual([
            '11:6 unguarded-entry user reaches the service api directly: route the flow through a gateway, a loadbalancer or an app.'
        ]);
    });

    it('accepts gateways, loadbalancers and apps as the way in, and ignores flows to externals and persons', async () => {
        const text = header('production') + model + 'user -> gw\nuser -> lb\npartner -> web\nuser -> partner\npartner -> user\n';
        expect(await codes(text, 'unguarded-entry')).toEqual([]);
    });

    it('is silenced by an allow in the flow', async () => {
        const text = header('production') + model + 'user -> api {\n  allow unguarded-entry "VPN only"\n}\n';
        expect(await codes(text, 'unguarded-entry')).toEqual([]);
    });
});
