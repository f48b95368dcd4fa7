// `deployment DEPLOYMENT` views: the environment as nested boxes (region, zone, node), each node
// holding the instances it runs (`orders ×2`) in the shape of the element's kind.
import type { DeploymentNode, Instance, View } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { DiagramWriter, escapeLabel, joinLabels, shapeNode, type ViewDiagram, type WriterOptions } from './diagram-writer.js';

/** The deployment of the view as nested subgraphs with one node per `runs` entry. */
export function deploymentView(index: ModelIndex, view: View, options: WriterOptions): ViewDiagram {
    const w = new DiagramWriter(options, 'flowchart TB');
    const deployment = view.subject !== undefined ? index.deployments.get(view.subject) : undefined;
    if (!deployment) {
        w.line(1, `empty["Nothing to show: ${escapeLabel('the view names no declared deployment')}"]`);
        return w.finish();
    }
    const boxId = w.ids.id('dp', deployment.id);
    w.line(1, `subgraph ${boxId}["${joinLabels([deployment.title ?? deployment.id])}<br>${escapeLabel(deployment.kind)} deployment"]`);
    for (const node of deployment.nodes) writeNode(w, index, node, 2);
    if (deployment.nodes.length === 0) w.line(2, `${w.ids.id('empty', deployment.id)}["${escapeLabel('no regions, zones or nodes yet')}"]`);
    w.line(1, 'end');
    w.source(boxId, 'deployment', deployment.id, deployment.decl);
    w.flagIf(boxId, deployment.id);
    w.writeClasses(1);
    return w.finish();
}

/** A region, zone or node: a box around its nested nodes and its instances. */
function writeNode(w: DiagramWriter, index: ModelIndex, node: DeploymentNode, depth: number): void {
    const nodeId = w.ids.id('dn', node.id);
    const title = `${escapeLabel(node.title ?? node.id)}<br>${node.kind}${node.technology ? ' · ' + escapeLabel(node.technology) : ''}`;
    w.line(depth, `subgraph ${nodeId}["${title}"]`);
    for (const child of node.children) writeNode(w, index, child, depth + 1);
    node.instances.forEach((instance, n) => writeInstance(w, index, instance, `${node.id}#${n}`, depth + 1));
    if (node.children.length === 0 && node.instances.length === 0) w.line(depth + 1, `${w.ids.id('empty', node.id)}["${escapeLabel('runs nothing')}"]`);
    w.line(depth, 'end');
    w.source(nodeId, node.kind, node.id, node.decl);
    w.flagIf(nodeId, node.id);
}

/** `orders ×2` with the element's title below, in the element's shape; the source is the `runs` entry. */
function writeInstance(w: DiagramWriter, index: ModelIndex, instance: Instance, key: string, depth: number): void {
    const element = index.elements.get(instance.element);
    const nodeId = w.ids.id('in', key);
    const count = instance.count > 1 ? ` ×${instance.count}` : '';
    const title = element?.title && element.title !== element.id ? '<br>' + escapeLabel(element.title) : '';
    w.line(depth, shapeNode(nodeId, element?.kind, `${escapeLabel(instance.element)}${count}${title}`));
    w.source(nodeId, 'instance', instance.element, undefined, instance.location);
    w.flagIf(nodeId, instance.element);
}
