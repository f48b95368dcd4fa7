// The synthetic model of the view benchmarks (bench/mermaid.ts, bench/preview-measure.ts): one system
// of n - 1 elements in a chain of flows, with requirements, a deployment and one view of each kind.

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
