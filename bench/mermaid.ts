// Model to Mermaid text, per view kind, for views of 50, 100 and 200 nodes (bundled and run by run.mjs).
// Prints one JSON line: { results: [{ kind, nodes, p50, p95, chars }] }.
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchwrightServices } from '../server/src/module.js';
import { renderView } from '../server/src/views/index.js';
import { modelText } from './views-model.js';

const KINDS = ['landscape', 'of', 'dataflow', 'deployment', 'sequence', 'requirements'] as const;

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
