// Synthetic Archwright models for the benchmark, and the equivalent LikeC4 models.
//   node bench/generate.mjs [S|M|L ...] [--out DIR]      (default: all three, into .cache/bench)
//
// A model of N elements is split the way a team would split it: one file per domain (a system of
// 24 parts plus a person and an outside system, 25 elements), with twice as many flows as elements
// (inside the domain and to its neighbours), and beside them files of requirements, constraints,
// data, deployments, decisions and views in proportion. At M and L the first domains share one
// legacy file of at least 5,000 lines, the file the editor benchmarks type into.
// The LikeC4 model has the same elements (same nesting) and the same relations.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SIZES = { S: 100, M: 1000, L: 10000 };
export const ELEMENTS_PER_DOMAIN = 25;
export const FLOWS_PER_DOMAIN = 50;
/** The legacy file holds domains until it reaches this many lines (at sizes that have enough of them). */
export const BIG_FILE_LINES = 5000;

const PART_KINDS = ['gateway', 'app', 'service', 'service', 'service', 'service', 'database', 'cache', 'queue', 'job',
    'service', 'service', 'database', 'storage', 'function', 'service', 'service', 'database', 'queue', 'component',
    'service', 'service', 'cache', 'loadbalancer'];
const DATASTORES = new Set(['database', 'cache', 'queue', 'storage']);
const REQ_KINDS = ['functional', 'performance', 'availability', 'scalability', 'security'];

const partId = (d, i) => `d${d}-${PART_KINDS[i].slice(0, 3)}${i}`;
const systemId = d => `d${d}`;
const personId = d => `d${d}-user`;
const externalId = d => `d${d}-partner`;

/** The model as plain lists, shared by both writers. */
export function plan(size) {
    const n = SIZES[size] ?? Number(size);
    const domains = Math.max(1, Math.round(n / ELEMENTS_PER_DOMAIN));
    const flows = [];
    for (let d = 0; d < domains; d++) {
        const inside = [];
        // The entry path: user -> gateway -> app -> services, each service to a store or a queue.
        inside.push([personId(d), partId(d, 0), 'calls', { protocol: 'HTTPS' }]);
        inside.push([partId(d, 0), partId(d, 1), 'routes', { protocol: 'HTTPS' }]);
        for (let k = 0; inside.length < FLOWS_PER_DOMAIN - 8; k++) {
            const a = 1 + (k % 23), b = 1 + ((k % 23) + 1 + Math.floor(k / 23) * 5) % 23;
            if (a === b) continue;
            const from = partId(d, a), to = partId(d, b);
            if (inside.some(f => f[0] === from && f[1] === to)) continue;
            // Backward flows are asynchronous, so the synchronous ones form no cycle.
            const async = PART_KINDS[b] === 'queue' || b < a;
            inside.push([from, to, `step ${k}`, { protocol: async ? 'Kafka' : 'gRPC', async }]);
        }
        inside.push([partId(d, 2), externalId(d), 'notifies', { protocol: 'HTTPS' }]);
        // To the neighbours: seven flows into the next domains (asynchronously, so no sync cycles).
        for (let k = 1; k <= 7 && domains > 1; k++) {
            const to = (d + k) % domains;
            if (to === d) continue;
            inside.push([partId(d, 2 + k), partId(to, 8), `publishes ${k}`, { protocol: 'Kafka', async: true }]);
        }
        flows.push(inside);
    }
    return { n, domains, flows, requirements: Math.max(2, Math.round(n / 10)), data: Math.max(2, Math.round(n / 20)),
        decisions: Math.max(1, Math.round(n / 20)), deployments: Math.max(1, Math.ceil(domains / 4)) };
}

function element(kind, id, title, props, indent = '  ') {
    if (props.length === 0) return [`${indent}${kind} ${id} "${title}"`];
    return [`${indent}${kind} ${id} "${title}" {`, ...props.map(p => `${indent}  ${p}`), `${indent}}`];
}

function partProps(p, d, i) {
    const kind = PART_KINDS[i];
    const props = [`description "Part ${i} of domain ${d}"`, `technology "${DATASTORES.has(kind) ? 'PostgreSQL 16' : 'Go 1.24'}"`, `owner "team-${d % 17}"`];
    if (kind !== 'component') props.push(`satisfies req${(d * 3 + i) % p.requirements}`);
    if (DATASTORES.has(kind)) {
        props.push(`stores data${(d + i) % p.data}`, 'encryption at-rest', 'replication primary-replica');
        if (kind === 'database' || kind === 'storage') props.push('backup daily retain 30d');
    } else {
        props.push('healthcheck "/healthz"', 'monitoring metrics logs traces', `alert "error rate of part ${i} above 1%"`);
        if (kind === 'service' || kind === 'app') props.push('scaling horizontal min 2 max 10');
    }
    if (kind === 'gateway' || kind === 'loadbalancer') props.push('exposure public');
    props.push(`replicas ${kind === 'job' || kind === 'function' ? 1 : 2}`);
    return props;
}

function domainLines(p, d) {
    const lines = [`// Domain ${d}`, ''];
    lines.push(...element('person', personId(d), `User of domain ${d}`, [], ''), '');
    lines.push(...element('external', externalId(d), `Partner of domain ${d}`, ['technology "REST API"'], ''), '');
    lines.push(`system ${systemId(d)} "Domain ${d}" {`, `  owner "team-${d % 17}"`);
    for (let i = 0; i < PART_KINDS.length; i++) {
        lines.push('', ...element(PART_KINDS[i], partId(d, i), `Part ${i} of domain ${d}`, partProps(p, d, i), '  '));
    }
    lines.push('}', '');
    for (const [from, to, label, f] of p.flows[d]) {
        const props = [`protocol ${f.protocol}`, 'format JSON'];
        if (f.async) props.push('async');
        if (f.protocol !== 'HTTPS') props.push('encrypted');
        lines.push(`${from} -> ${to} "${label}" {`, ...props.map(x => `  ${x}`), '}');
    }
    lines.push('');
    return lines;
}

function requirementLines(p) {
    const lines = ['architecture "Synthetic" {', '  stage production', '  owner "platform"', '}', ''];
    for (let r = 0; r < p.requirements; r++) {
        const kind = REQ_KINDS[r % REQ_KINDS.length];
        lines.push(`requirement req${r} "Requirement ${r}" {`, `  kind ${kind}`, kind === 'availability' ? '  target 99.9%' : `  target "target ${r}"`, '  priority should', '}');
    }
    lines.push('constraint gdpr "Personal data per GDPR" {', '  kind compliance', '  standard GDPR', '}');
    return lines;
}

function dataLines(p) {
    const classes = ['internal', 'confidential', 'public', 'internal'];
    return Array.from({ length: p.data }, (_, i) => [`data data${i} "Data set ${i}" {`, `  class ${classes[i % classes.length]}`, '}']).flat();
}

function deploymentLines(p, k) {
    const lines = [`deployment env${k} "Environment ${k}" {`, '  kind production', `  region region${k} "Region ${k}" {`];
    for (const zone of ['a', 'b']) {
        lines.push(`    zone env${k}-zone-${zone} "Zone ${zone}" {`);
        for (let d = k * 4; d < Math.min(p.domains, k * 4 + 4); d++) {
            const runs = PART_KINDS.map((kind, i) => partId(d, i)).join(', ');
            lines.push(`      node env${k}-${zone}-d${d} "Nodes of domain ${d}" {`, '        technology "Kubernetes"', `        runs ${runs}`, '      }');
        }
        lines.push('    }');
    }
    lines.push('  }', '}', '');
    return lines;
}

function decisionLines(p) {
    return Array.from({ length: p.decisions }, (_, i) => {
        const d = i % p.domains;
        return [`decision adr${i} "Decision ${i}" {`, '  status accepted', '  date "2026-03-02"', `  affects ${partId(d, 2)}, ${partId(d, 6)}`,
            '  rationale "Because"', '}'];
    }).flat();
}

function viewLines(p) {
    const lines = ['view landscape "Everything" {', '  include *', '}'];
    for (let d = 0; d < p.domains; d++) lines.push(`view inside-d${d} "Inside domain ${d}" of ${systemId(d)}`);
    for (let d = 0; d < p.domains; d += 5) {
        lines.push(`view journey-d${d} "Journey of domain ${d}" sequence {`);
        for (const [from, to, label] of p.flows[d].slice(0, 6)) lines.push(`  ${from} -> ${to} "${label}"`);
        lines.push('}');
    }
    for (let i = 0; i < p.data; i += 10) lines.push(`view flow-data${i} "Where data ${i} goes" dataflow data${i}`);
    for (let k = 0; k < p.deployments; k++) lines.push(`view deploy-env${k} "Environment ${k}" deployment env${k}`);
    lines.push('view traceability "Requirements" requirements');
    return lines;
}

/** Which domains go in which file (without extension): the legacy file first, then one file per domain. */
function domainFiles(p) {
    const out = [];
    let d = 0;
    if (p.domains * 450 > 2 * BIG_FILE_LINES) {
        const legacy = [];
        for (let lines = 0; lines < BIG_FILE_LINES; d++) {
            legacy.push(d);
            lines += domainLines(p, d).length;
        }
        out.push(['legacy/monolith', legacy]);
    }
    for (; d < p.domains; d++) out.push([`domains/d${String(d).padStart(4, '0')}`, [d]]);
    return out;
}

/** The Archwright model as files: relative path → text. */
export function archwrightFiles(p) {
    const files = new Map();
    for (const [path, domains] of domainFiles(p)) files.set(`${path}.arch`, domains.flatMap(d => domainLines(p, d)).join('\n'));
    files.set('architecture.arch', requirementLines(p).join('\n'));
    files.set('data.arch', dataLines(p).join('\n'));
    for (let k = 0; k < p.deployments; k++) files.set(`deployments/env${k}.arch`, deploymentLines(p, k).join('\n'));
    files.set('decisions.arch', decisionLines(p).join('\n'));
    files.set('views.arch', viewLines(p).join('\n'));
    return files;
}

const c4Kind = kind => (DATASTORES.has(kind) ? 'store' : kind === 'app' ? 'webapp' : 'component');

/** The LikeC4 model: the same elements (same nesting, same ids with `_` for `-`) and relations. */
export function likec4Files(p) {
    const files = new Map();
    const id = s => s.replaceAll('-', '_');
    const fqn = s => (/^d\d+-[a-z]{3}\d+$/.test(s) ? `${id(s.split('-')[0])}.${id(s)}` : id(s));
    files.set('spec.c4', ['specification {', '  element actor', '  element system', '  element external', '  element component',
        '  element webapp', '  element store', '}'].join('\n'));
    const domainModel = d => {
        const lines = ['model {', `  ${id(personId(d))} = actor 'User of domain ${d}'`, `  ${id(externalId(d))} = external 'Partner of domain ${d}' {`,
            "    technology 'REST API'", '  }', `  ${id(systemId(d))} = system 'Domain ${d}' {`];
        for (let i = 0; i < PART_KINDS.length; i++) {
            lines.push(`    ${id(partId(d, i))} = ${c4Kind(PART_KINDS[i])} 'Part ${i} of domain ${d}' {`,
                `      description 'Part ${i} of domain ${d}'`, `      technology '${DATASTORES.has(PART_KINDS[i]) ? 'PostgreSQL 16' : 'Go 1.24'}'`, '    }');
        }
        lines.push('  }', '');
        for (const [from, to, label, f] of p.flows[d]) lines.push(`  ${fqn(from)} -> ${fqn(to)} '${label}' {`, `    technology '${f.protocol}'`, '  }');
        lines.push('}');
        return lines;
    };
    for (const [path, domains] of domainFiles(p)) files.set(`${path}.c4`, domains.flatMap(domainModel).join('\n'));
    return files;
}

function write(root, files) {
    rmSync(root, { recursive: true, force: true });
    for (const [path, text] of files) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text + '\n');
    }
}

/** Writes both models of a size under `out/SIZE/{archwright,likec4}` and returns what was written. */
export function generate(size, out) {
    const p = plan(size);
    const arch = archwrightFiles(p), c4 = likec4Files(p);
    write(join(out, size, 'archwright'), arch);
    write(join(out, size, 'likec4'), c4);
    const lines = [...arch.values()].reduce((sum, t) => sum + t.split('\n').length, 0);
    const flows = p.flows.reduce((sum, f) => sum + f.length, 0);
    return { size, elements: p.domains * ELEMENTS_PER_DOMAIN, flows, files: arch.size, lines, c4Files: c4.size,
        bigFile: arch.has('legacy/monolith.arch') ? 'legacy/monolith' : undefined,
        bigFileLines: arch.get('legacy/monolith.arch')?.split('\n').length ?? 0,
        c4BigFileLines: c4.get('legacy/monolith.c4')?.split('\n').length ?? 0, dir: join(out, size) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const args = process.argv.slice(2);
    const outAt = args.indexOf('--out');
    const out = resolve(outAt >= 0 ? args[outAt + 1] : '.cache/bench');
    const sizes = args.filter((a, i) => a in SIZES && args[i - 1] !== '--out');
    for (const size of sizes.length ? sizes : Object.keys(SIZES)) console.log(JSON.stringify(generate(size, out)));
}
