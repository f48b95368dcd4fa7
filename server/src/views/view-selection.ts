// Which views a model offers, and which elements and flows each flowchart view shows. Kept apart
// from the Mermaid writers so that "what is in a view" can be tested without reading diagram text.
import type { ArchModel, Flow, View } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';

/** The elements a flowchart draws (systems with drawn parts become boundaries) and its edges. */
export interface FlowchartSelection {
    elements: Set<string>;
    flows: Flow[];
    /** Why nothing is drawn, when nothing is. */
    emptyReason?: string;
}

/** The views a model declares, or, when it declares none, the automatic ones. */
export function viewsOf(model: ArchModel): View[] {
    return model.views.length > 0 ? model.views : automaticViews(model);
}

function automatic(id: string, title: string, form: View['form'], subject?: string): View {
    return { id, title, form, subject, include: form === 'landscape' ? '*' : [], exclude: [], steps: [], allows: [], automatic: true };
}

/**
 * A landscape of everything, one `of` view per top-level system, one view per deployment, and the
 * requirements view when there are requirements or constraints. Their ids (`landscape`,
 * `of-SYSTEM`, `deployment-DEPLOYMENT`, `requirements`) cannot collide with one another.
 */
export function automaticViews(model: ArchModel): View[] {
    const views = [automatic('landscape', 'Landscape', 'landscape')];
    for (const e of model.elements) {
        if (e.kind === 'system' && e.parent === undefined) views.push(automatic(`of-${e.id}`, `Inside ${e.title ?? e.id}`, 'of', e.id));
    }
    for (const d of model.deployments) views.push(automatic(`deployment-${d.id}`, `Deployment: ${d.title ?? d.id}`, 'deployment', d.id));
    if (model.requirements.length > 0 || model.constraints.length > 0) views.push(automatic('requirements', 'Requirements', 'requirements'));
    return views;
}

/** Adds the enclosing elements of every chosen element, so that systems frame their parts. */
function withAncestors(chosen: Set<string>, index: ModelIndex): Set<string> {
    const all = new Set(chosen);
    for (const id of chosen) {
        for (const a of index.ancestors(id)) {
            if (all.has(a)) break;
            all.add(a);
        }
    }
    return all;
}

function withDescendants(ids: readonly string[], index: ModelIndex): Set<string> {
    const all = new Set<string>();
    for (const id of ids) {
        if (!index.elements.has(id) || all.has(id)) continue;
        all.add(id);
        for (const d of index.descendants(id)) all.add(d);
    }
    return all;
}

function flowsBetween(model: ArchModel, shown: ReadonlySet<string>): Flow[] {
    return model.flows.filter(f => shown.has(f.source) && shown.has(f.target));
}

/** `include *` or `include A, B exclude C`: a system brings its parts, an excluded one takes them away. */
export function selectLandscape(model: ArchModel, index: ModelIndex, view: View): FlowchartSelection {
    const included = view.include === '*' ? new Set(model.elements.map(e => e.id)) : withDescendants(view.include, index);
    const excluded = withDescendants(view.exclude, index);
    const chosen = new Set([...included].filter(id => !excluded.has(id)));
    const elements = withAncestors(chosen, index);
    return { elements, flows: flowsBetween(model, elements), emptyReason: 'the view includes no element' };
}

/** `of SYSTEM`: what is inside the system, and every element with a flow to or from its inside. */
export function selectInside(model: ArchModel, index: ModelIndex, view: View): FlowchartSelection {
    const subject = view.subject !== undefined ? index.elements.get(view.subject) : undefined;
    if (!subject) return { elements: new Set(), flows: [], emptyReason: 'the view names no declared element' };
    const inside = new Set([subject.id, ...index.descendants(subject.id)]);
    const elements = new Set(inside);
    const flows: Flow[] = [];
    for (const f of model.flows) {
        const from = inside.has(f.source);
        const to = inside.has(f.target);
        if (!from && !to) continue;
        if (!index.elements.has(f.source) || !index.elements.has(f.target)) continue;
        elements.add(f.source);
        elements.add(f.target);
        flows.push(f);
    }
    return { elements, flows };
}

/** `dataflow DATA`: every flow that carries the asset and every datastore that stores it. */
export function selectDataflow(_model: ArchModel, index: ModelIndex, view: View): FlowchartSelection {
    const data = view.subject !== undefined ? index.data.get(view.subject) : undefined;
    if (!data) return { elements: new Set(), flows: [], emptyReason: 'the view names no declared data asset' };
    const flows = (index.carriedBy.get(data.id) ?? []).filter(f => index.elements.has(f.source) && index.elements.has(f.target));
    const chosen = new Set<string>(index.storedIn.get(data.id) ?? []);
    for (const f of flows) {
        chosen.add(f.source);
        chosen.add(f.target);
    }
    const elements = withAncestors(chosen, index);
    return { elements, flows, emptyReason: 'no flow carries this data and no datastore stores it' };
}
