// `sequence { A -> B "step" }` views: a numbered Mermaid sequence diagram. A step drawn with a solid
// arrow follows a flow of the model (open arrow when that flow is async); a step with no matching
// flow is dotted and says so, as the editor warns about it.
import type { ArchElement, SequenceStep, View } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { DiagramWriter, escapeLabel, type ViewDiagram, type WriterOptions } from './diagram-writer.js';

const PARTICIPANT_TYPES: Partial<Record<ArchElement['kind'], string>> = { database: 'database', queue: 'queue', cache: 'database', storage: 'collections' };

/** The steps of the view, participants in order of first appearance, with `autonumber`. */
export function sequenceView(index: ModelIndex, view: View, options: WriterOptions): ViewDiagram {
    const w = new DiagramWriter(options, 'sequenceDiagram');
    w.line(1, 'autonumber');
    const declared = new Set<string>();
    for (const step of view.steps) {
        for (const id of [step.source, step.target]) {
            if (declared.has(id)) continue;
            declared.add(id);
            writeParticipant(w, index, id);
        }
    }
    for (const step of view.steps) writeStep(w, index, step);
    if (view.steps.length === 0) w.line(1, `participant empty as ${escapeLabel('Nothing to show: the sequence has no steps')}`);
    return w.finish();
}

function writeParticipant(w: DiagramWriter, index: ModelIndex, id: string): void {
    const e = index.elements.get(id);
    const nodeId = w.ids.id('el', id);
    const keyword = e?.kind === 'person' ? 'actor' : 'participant';
    const type = e ? PARTICIPANT_TYPES[e.kind] : undefined;
    const shape = type ? `@{ "type": "${type}" }` : '';
    w.line(1, `${keyword} ${nodeId}${shape} as ${escapeLabel(e?.title ?? id)}`);
    if (e) w.source(nodeId, 'element', id, e.decl);
}

function writeStep(w: DiagramWriter, index: ModelIndex, step: SequenceStep): void {
    const flow = index.outgoing.get(step.source)?.find(f => f.target === step.target);
    const arrow = !flow ? '-->>' : flow.async ? '-)' : '->>';
    const text = escapeLabel(step.label ?? flow?.label ?? '') + (flow ? '' : ` (${escapeLabel('no such flow in the model')})`);
    w.line(1, `${w.ids.id('el', step.source)}${arrow}${w.ids.id('el', step.target)}: ${text}`);
}
