import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isElement, isModel, type Element } from './generated/ast.js';
import { walkAst } from '../util/ast-walk.js';

/**
 * Every declaration is global to its model: exported under its id and, for an element nested in
 * others, also under its dotted path from the top-level element (`shop.orders`).
 */
export class ArchwrightScopeComputation extends DefaultScopeComputation {
    private readonly signatures = new WeakMap<LangiumDocument, string>();
    /** Per exported node: its descriptions (its id and, for a nested element, its dotted path) as of its file's last indexing. */
    private readonly exported = new WeakMap<AstNode, AstNodeDescription | AstNodeDescription[]>();

    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const signature: string[] = [];
        this.signatures.delete(document);
        const root = document.parseResult.value;
        if (!isModel(root)) return exports;
        await walkAst(root, node => {
            if (node === root) return;
            const name = this.nameProvider.getName(node);
            if (!name) return;
            const kind = (node as AstNode & { kind?: unknown }).kind;
            const description = this.descriptions.createDescription(node, name, document);
            exports.push(description);
            signature.push(`${name} ${node.$type} ${typeof kind === 'string' ? kind : ''}`);
            if (isElement(node) && isElement(node.$container)) {
                const path = qualifiedName(node);
                const byPath = this.descriptions.createDescription(node, path, document);
                exports.push(byPath);
                signature.push(`${path} ${node.$type} ${node.kind}`);
                this.exported.set(node, [description, byPath]);
            } else {
                this.exported.set(node, description);
            }
        }, cancelToken);
        this.signatures.set(document, signature.join('\n'));
        return exports;
    }

    /**
     * What other files can see of the document as of its last indexing: each exported name with the
     * type and kind of what it names (all that references to it, and checks on them, depend on).
     */
    exportSignature(document: LangiumDocument): string | undefined {
        return this.signatures.get(document);
    }

    /** The description under `name` of an exported node, as of its file's last indexing. */
    exportedAs(node: AstNode, name: string): AstNodeDescription | undefined {
        const exported = this.exported.get(node);
        if (!Array.isArray(exported)) return exported?.name === name ? exported : undefined;
        return exported.find(d => d.name === name);
    }

    // Nothing is local: all names live in the model-wide (global) scope.
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/** `shop.orders`: the ids from the top-level element down to this one. */
export function qualifiedName(element: Element): string {
    const parts: string[] = [element.name];
    let current: AstNode | undefined = element.$container;
    while (isElement(current)) {
        parts.unshift(current.name);
        current = current.$container;
    }
    return parts.join('.');
}
