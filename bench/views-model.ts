// The synthetic models of the view benchmarks (bench/mermaid.ts, bench/preview-measure.ts): one system
// of n - 1 elements with requirements, a deployment and one view of each kind. In modelText the
// elements are a chain of flows, a picture without crossings; in crossingModelText each element has
// two flows on average, from a random element before it, and the picture has crossings.

/** A model whose every view draws about `n` nodes. */
export function modelText(n: number): string {
    const ids = Array.from({ length: n - 1 }, (_, i) => `e${i}`);
    const kinds = ['service', 'database', 'queue', 'cache'];
    const lines = ['architecture "Views" { stage production }', 'data card "Card" { class payment }'];
    for (let i = 0; i < n / 2; i++) lines.push(`requirement r${i} "Requirement ${i}" { kind availability target 99.9% }`);
    lines.push('system sys "System" {');
    ids.forEach((id, i) => lines.push(`  ${kinds[i % 4]} ${id} "Element ${i} with a longer title" { technology "Go" satisfies r${Math.floor(i / 2) % Math.floor(n / 2)} }`));
    lines.push('}');
    for (let i = 0; i + 1 < ids.length; i++) lines.push(`${ids[i]} -> ${ids[i + 1]} "step ${i}" { protocol HTTPS carries card }`);
    lines.push('deployment prod "Production" {', '  zone z1 "Zone 1" {');
    for (let k = 0; k < ids.length; k += 5) lines.push(`    node n${k} "Node ${k}" { runs ${ids.slice(k, k + 5).join(', ')} }`);
    lines.push('  }', '}');
    lines.push('view landscape "All" { include * }', 'view of "Inside" of sys', 'view dataflow "Card" dataflow card',
        'view deployment "Prod" deployment prod', 'view requirements "Reqs" requirements');
    lines.push('view sequence "Journey" sequence {', ...ids.slice(0, -1).map((id, i) => `  ${id} -> ${ids[i + 1]} "step ${i}"`), '}');
    return lines.join('\n');
}

/**
 * modelText(n) with about 2n flows instead of the chain: every element but the first is reached
 * from a random earlier one, and the rest go from a random element to one of the 15 after it. The
 * same n always gives the same model.
 */
export function crossingModelText(n: number): string {
    const elements = n - 1;
    let state = 12345;
    const random = (k: number) => { state = (state * 48271) % 2147483647; return state % k; };
    const flows: [number, number][] = [];
    const seen = new Set<string>();
    const add = (a: number, b: number) => {
        if (a === b || seen.has(`${a} ${b}`)) return;
        seen.add(`${a} ${b}`);
        flows.push([a, b]);
    };
    for (let i = 1; i < elements; i++) add(random(i), i);
    for (let tries = 0; flows.length < 2 * n && tries < 10 * n; tries++) {
        const a = random(elements - 1);
        add(a, a + 1 + random(Math.min(elements - 1 - a, 15)));
    }
    // The chain's flows and the sequence's steps (which follow the chain) give way to these flows.
    const lines = modelText(n).split('\n').filter(line => !/^ *e\d+ -> e\d+ /.test(line));
    lines.splice(lines.findIndex(line => line.startsWith('deployment ')), 0,
        ...flows.map(([a, b], i) => `e${a} -> e${b} "step ${i}" { protocol HTTPS carries card }`));
    lines.splice(lines.findIndex(line => line.startsWith('view sequence ')) + 1, 0,
        ...flows.slice(0, elements - 1).map(([a, b], i) => `  e${a} -> e${b} "step ${i}"`));
    return lines.join('\n');
}
