// Model to Mermaid text, per view kind, for views of 50, 100 and 200 nodes (bundled and run by run.mjs).
// Prints one JSON line: { results: [{ kind, nodes, p50, p95, chars }] }.
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchwrightServices } from '../server/src/module.js';
import { renderView } from '../server/src/views/index.js';

const KINDS = ['landscape', 'of', 'dataflow', 'deployment', 'sequence', 'requirements'] as const;

/** A model whose every view draws about `n` nodes. */
function modelText(n: number): string {
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

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main(): Promise<void> {
    const results = [];
    for (const n of [50, 100, 200]) {
        const { shared, Archwright } = createArchwrightServices(NodeFileSystem);
        const doc = shared.workspace.LangiumDocumentFactory.fromString(modelText(n), URI.file(`/bench/views-${n}.arch`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: false });
        const built = Archwright.model.ArchModels.modelOfFolder('');
        for (const kind of KINDS) {
            for (let i = 0; i < 50; i++) renderView(built.model, built.index, kind); // warm up
            const times: number[] = [];
            let chars = 0, nodes = 0;
            for (let i = 0; i < 200; i++) {
                const t = performance.now();
                const view = renderView(built.model, built.index, kind);
                times.push(performance.now() - t);
                chars = view?.mermaid.length ?? 0;
                nodes = view ? Object.keys(view.nodes).length : 0;
            }
            results.push({ kind, size: n, nodes, p50: quantile(times, 0.5), p95: quantile(times, 0.95), chars });
        }
    }
    process.stdout.write(JSON.stringify({ results }) + '\n');
}

void main();
