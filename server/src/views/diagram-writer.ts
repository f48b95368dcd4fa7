// The shared plumbing of every Mermaid writer: lines in an array joined once (linear in the size of
// the view), generated ids, the node → source map for click-to-source, and class assignments.
import type { ArchElement, ElementKind, Range, Source, SourceLocation } from '../model/arch-model.js';
import { CLASS_STYLES, frontMatter, type PreviewTheme } from './mermaid-config.js';
import { escapeLabel, joinLabels, MermaidIds } from './mermaid-escape.js';

/** What a diagram node draws: an element, a deployment box, an instance, a requirement... */
export type DiagramNodeKind = 'element' | 'deployment' | 'region' | 'zone' | 'node' | 'instance' | 'requirement' | 'constraint';

/** The source of one diagram node: `range` is the whole declaration, `selection` its id. */
export interface DiagramNode { kind: DiagramNodeKind; id: string; uri: string; range: Range; selection: Range }

/** A view as Mermaid text plus, for each diagram node id, where the thing it draws is declared. */
export interface ViewDiagram { mermaid: string; nodes: Record<string, DiagramNode> }

export interface WriterOptions { theme: PreviewTheme; flagged: ReadonlySet<string> }

/** Mermaid 12 flowchart shapes, one per element kind. */
const SHAPES: Record<ElementKind, string> = {
    person: 'person', external: 'cloud', system: 'rect', service: 'rounded', app: 'browser', function: 'lean-r',
    job: 'fr-rect', gateway: 'hex', loadbalancer: 'trap-t', database: 'cyl', cache: 'lin-cyl', queue: 'h-cyl',
    storage: 'bucket', component: 'rect'
};

export class DiagramWriter {
    readonly ids = new MermaidIds();
    private readonly lines: string[];
    private readonly nodes: Record<string, DiagramNode> = {};
    private readonly classes = new Map<string, string[]>();

    constructor(readonly options: WriterOptions, header: string) {
        this.lines = [...frontMatter(options.theme), header];
    }

    line(depth: number, text: string): void {
        this.lines.push('  '.repeat(depth) + text);
    }

    /** Records where the thing drawn as `nodeId` is declared. */
    source(nodeId: string, kind: DiagramNodeKind, id: string, decl: Source | undefined, at?: SourceLocation): void {
        const where = at ?? decl?.name;
        if (!where) return;
        this.nodes[nodeId] = { kind, id, uri: where.uri, range: at ? at.range : decl!.full, selection: where.range };
    }

    addClass(nodeId: string, className: string): void {
        const list = this.classes.get(className);
        if (list) list.push(nodeId);
        else this.classes.set(className, [nodeId]);
    }

    /** Marks the node when its model id is among the flagged ones (elements with diagnostics). */
    flagIf(nodeId: string, modelId: string): void {
        if (this.options.flagged.has(modelId)) this.addClass(nodeId, 'flagged');
    }

    /** Writes, for each class used (in first-use order), its definition and one `class a,b name` line. */
    writeClasses(depth: number): void {
        for (const [name, ids] of this.classes) {
            this.line(depth, `classDef ${name} ${CLASS_STYLES[name]}`);
            this.line(depth, `class ${ids.join(',')} ${name}`);
        }
    }

    finish(): ViewDiagram {
        return { mermaid: this.lines.join('\n') + '\n', nodes: this.nodes };
    }
}

/** An element's label: its title (or id), then its kind and technology on a second line. */
export function elementLabel(e: ArchElement, extra?: string): string {
    const second = e.kind + (e.technology ? ' · ' + escapeLabel(e.technology) : '');
    return `${escapeLabel(e.title ?? e.id)}<br>${second}${extra ? '<br>' + extra : ''}`;
}

/** One flowchart node in its kind's shape; `label` must already be escaped. */
export function shapeNode(nodeId: string, kind: ElementKind | undefined, label: string): string {
    return `${nodeId}@{ shape: ${kind ? SHAPES[kind] : 'rect'}, label: "${label}" }`;
}

export { escapeLabel, joinLabels };
