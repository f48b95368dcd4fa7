import { AstUtils, type AstNode } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Deployment, DeploymentNode } from '../model/arch-model.js';
import type { ArchModelProvider } from '../model/model-provider.js';
import type { ArchwrightServices } from '../module.js';
import * as hover from './hover-content.js';
import { pushAll } from '../util/arrays.js';

/**
 * Hover on a declaration or a reference (any segment of a dotted path): what it is and how it
 * sits in the model — flows, requirements, deployments — read from the ArchModel, not the AST.
 */
export class ArchwrightHoverProvider extends AstNodeHoverProvider {
    private readonly models: ArchModelProvider;

    constructor(services: ArchwrightServices) {
        super(services);
        this.models = services.model.ArchModels;
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        const name = (node as AstNode & { name?: string }).name;
        if (!name) return undefined;
        const { model, index } = this.models.modelOf(AstUtils.getDocument(node).uri.toString());
        switch (node.$type) {
            case 'Element': return ifFound(index.elements.get(name), e => hover.elementHover(e, index));
            case 'Requirement': return ifFound(index.requirements.get(name), r => hover.requirementHover(r, index));
            case 'Constraint': return ifFound(index.constraints.get(name), hover.constraintHover);
            case 'DataAsset': return ifFound(index.data.get(name), d => hover.dataHover(d, index));
            case 'Decision': return ifFound(index.decisions.get(name), hover.decisionHover);
            case 'Deployment': return ifFound(index.deployments.get(name), hover.deploymentHover);
            case 'View': return ifFound(index.views.get(name), hover.viewHover);
            case 'DeploymentNode': return ifFound(findNode(model.deployments, name), ([n, d]) => hover.nodeHover(n, d));
            default: return undefined;
        }
    }
}

function ifFound<T>(item: T | undefined, render: (item: T) => string): string | undefined {
    return item === undefined ? undefined : render(item);
}

/** A region, zone or node by id, with its deployment. */
function findNode(deployments: readonly Deployment[], id: string): [DeploymentNode, Deployment] | undefined {
    for (const deployment of deployments) {
        const stack = [...deployment.nodes];
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (node.id === id) return [node, deployment];
            pushAll(stack, node.children);
        }
    }
    return undefined;
}

