import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexModel } from '../../server/src/model/graph.js';
import { isEncrypted, type ArchModel } from '../../server/src/model/arch-model.js';
import { loadWorkspace } from '../helpers.js';

const example = readFileSync(new URL('../fixtures/example.arch', import.meta.url), 'utf8');

describe('the ArchModel of the design example', () => {
    let model: ArchModel;
    it('has every declaration with its properties', async () => {
        model = (await loadWorkspace({ 'shop.arch': example })).model().model;
        expect(model.stage).toBe('production');
        expect(model.architecture).toMatchObject({ title: 'Acme Shop', owner: 'platform-team', rules: [{ rule: 'missing-tracing', severity: 'warning' }] });
        expect(model.requirements.map(r => [r.id, r.kind, r.target])).toEqual([
            ['checkout', 'functional', undefined],
            ['fast-checkout', 'performance', { text: 'p95 below 300 ms at 200 orders per second' }],
            ['always-on', 'availability', { percent: 99.95 }],
            ['peak-load', 'scalability', { text: '10x the normal traffic' }]
        ]);
        expect(model.constraints.map(c => [c.id, c.kind, c.standard])).toEqual([['pci', 'compliance', 'PCI-DSS'], ['gdpr', 'compliance', 'GDPR']]);
        expect(model.data.map(d => [d.id, d.class])).toEqual([['customer-profile', 'pii'], ['card', 'payment']]);
        expect(model.elements.map(e => `${e.kind} ${e.id}${e.parent ? ' in ' + e.parent : ''}`)).toEqual([
            'person shopper', 'external payments', 'system shop', 'loadbalancer edge in shop', 'app storefront in shop',
            'service orders in shop', 'database orders-db in shop', 'queue order-events in shop', 'job nightly-report in shop'
        ]);
        const orders = model.elements.find(e => e.id === 'orders')!;
        expect(orders).toMatchObject({
            technology: 'Go 1.24', replicas: 2, scaling: { mode: 'horizontal', min: 2, max: 10 }, healthcheck: '/healthz',
            monitoring: ['metrics', 'logs', 'traces'], alerts: ['p95 latency above 300 ms', 'error rate above 0.5%'],
            satisfies: ['checkout', 'fast-checkout', 'always-on', 'peak-load'],
            description: 'Takes orders, charges cards through Stripe\nand publishes an event for fulfilment.'
        });
        expect(orders.links.map(l => `${l.kind} ${l.target}`)).toEqual(['source services/orders', 'runbook docs/runbooks/orders.md']);
        expect(model.elements.find(e => e.id === 'orders-db')).toMatchObject({
            stores: ['customer-profile'], encryptionAtRest: true, replication: 'primary-replica', backup: { frequency: 'daily', retain: '30d' }
        });
        expect(model.elements.find(e => e.id === 'shop')!.children).toEqual(['edge', 'storefront', 'orders', 'orders-db', 'order-events', 'nightly-report']);
    });

    it('has flows with their protocols, data and encryption', () => {
        expect(model.flows.map(f => `${f.key} ${f.protocol} ${isEncrypted(f) ? 'encrypted' : 'plain'}${f.async ? ' async' : ''}`)).toEqual([
            'shopper->edge#1 HTTPS encrypted', 'edge->storefront#1 HTTPS encrypted', 'storefront->orders#1 gRPC encrypted',
            'orders->orders-db#1 SQL encrypted', 'orders->payments#1 HTTPS encrypted', 'orders->order-events#1 Kafka plain async',
            'nightly-report->orders-db#1 SQL encrypted'
        ]);
        expect(model.flows[0]).toMatchObject({ label: 'shops', carries: ['customer-profile', 'card'], auth: 'session cookie' });
    });

    it('has deployments with instances, their counts and zones', () => {
        const production = model.deployments[0];
        expect(production).toMatchObject({ id: 'production', kind: 'production', zones: ['eu-west-1a', 'eu-west-1b'] });
        expect(production.instances.map(i => `${i.element} x${i.count} on ${i.node}${i.zone ? ' in ' + i.zone : ''}`)).toEqual([
            'edge x2 on alb', 'storefront x2 on eks-a in eu-west-1a', 'orders x1 on eks-a in eu-west-1a', 'orders-db x1 on rds-a in eu-west-1a',
            'storefront x1 on eks-b in eu-west-1b', 'orders x1 on eks-b in eu-west-1b', 'orders-db x1 on rds-b in eu-west-1b', 'order-events x1 on msk'
        ]);
    });

    it('has decisions and every view form', () => {
        expect(model.decisions.map(d => [d.id, d.status, d.affects])).toEqual([['adr-001', 'accepted', ['orders', 'order-events']], ['adr-002', 'accepted', ['orders', 'payments']]]);
        expect(model.views.map(v => `${v.id} ${v.form}${v.subject ? ' ' + v.subject : ''}`)).toEqual([
            'overview landscape', 'inside-shop of shop', 'production-view deployment production', 'checkout-flow sequence',
            'traceability requirements', 'card-journey dataflow card'
        ]);
        expect(model.views[0].include).toBe('*');
        expect(model.views[3].steps.map(s => `${s.source}->${s.target}`)).toEqual(['shopper->edge', 'edge->storefront', 'storefront->orders', 'orders->payments', 'orders->order-events']);
    });

    it('points each declaration at its id, and each flow at its arrow', () => {
        const orders = model.elements.find(e => e.id === 'orders')!;
        expect(orders.decl.name.range.start).toEqual({ line: 82, character: 10 });
        expect(orders.decl.block).toBeDefined();
        expect(orders.decl.properties.replicas?.start.line).toBe(89);
        expect(model.flows[0].decl.name.range.start).toEqual({ line: 127, character: 8 });
    });
});

describe('graph indexes', () => {
    it('index flows, sync successors, instances and containment', async () => {
        const { model } = (await loadWorkspace({ 'shop.arch': example })).model();
        const index = indexModel(model);
        expect(index.outgoing.get('orders')!.map(f => f.target)).toEqual(['orders-db', 'payments', 'order-events']);
        expect(index.incoming.get('orders-db')!.map(f => f.source)).toEqual(['orders', 'nightly-report']);
        // Async flows and flows to non-deployable elements are not synchronous successors.
        expect(index.syncSuccessors.get('orders')).toEqual(['orders-db']);
        expect(index.instances.get('orders')!.map(i => i.node)).toEqual(['eks-a', 'eks-b']);
        expect(index.satisfiedBy.get('always-on')).toEqual(['storefront', 'orders']);
        expect(index.storedIn.get('customer-profile')).toEqual(['orders-db']);
        expect(index.carriedBy.get('card')!.length).toBe(4);
        expect(index.ancestors('orders')).toEqual(['shop']);
        expect(index.descendants('shop')).toHaveLength(6);
    });

    it('leaves out references that do not resolve or name the wrong kind', async () => {
        const { model } = (await loadWorkspace('service a "A" { satisfies a, nothing }\na -> nowhere\n')).model();
        expect(model.elements[0].satisfies).toEqual([]);
        expect(model.flows).toEqual([]);
    });
});
