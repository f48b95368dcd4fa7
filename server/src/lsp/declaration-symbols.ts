import { GrammarUtils, type AstNode, type CstNode } from 'langium';
import { SymbolKind, type Range } from 'vscode-languageserver';
import { describeKind } from '../language/reference-kinds.js';
import { isArchitecture, isElement, isFlow, isNamed, isView, type Flow } from '../language/generated/ast.js';
import { withTitle } from './declaration-text.js';

/**
 * The symbol kind of each declaration, so that the outline and the symbol search show icons that
 * hint at what a thing is: architecture Package; requirement Interface (elements satisfy it);
 * constraint Constant; data Struct; system Namespace (it holds parts); person and external Object;
 * every other element Class; flow `a -> b` Event; deployment Package; region and zone Namespace;
 * node Module; decision File (a decision record); view Function (model in, diagram out).
 */
const KINDS: Record<string, SymbolKind> = {
    Architecture: SymbolKind.Package, Requirement: SymbolKind.Interface, Constraint: SymbolKind.Constant,
    DataAsset: SymbolKind.Struct, Flow: SymbolKind.Event, Deployment: SymbolKind.Package,
    Decision: SymbolKind.File, View: SymbolKind.Function,
    system: SymbolKind.Namespace, person: SymbolKind.Object, external: SymbolKind.Object,
    region: SymbolKind.Namespace, zone: SymbolKind.Namespace, node: SymbolKind.Module
};

/** The symbol kind of a declaration: by its kind for elements and deployment nodes, else by its type. */
export function symbolKindOf(node: AstNode): SymbolKind {
    const kind = (node as AstNode & { kind?: string }).kind;
    return KINDS[kind ?? ''] ?? KINDS[node.$type] ?? SymbolKind.Class;
}

/** How a declaration shows as a symbol; undefined for what is not a declaration (properties). */
export interface DeclarationSymbol {
    name: string;
    kind: SymbolKind;
    /** "service — Order service": what it is, and its title. */
    detail: string;
    /** What the editor selects: the id, the `a -> b` of a flow, the `architecture` keyword. */
    selectionRange: Range;
}

/**
 * The symbol of a declaration: elements, flows, the architecture block and everything with an id.
 * While the user types, the parser's recovery leaves declarations without an id and flows without
 * an end: a declaration without an id is no symbol (LSP wants a name), a missing end reads `?`.
 */
export function declarationSymbol(node: AstNode): DeclarationSymbol | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    if (isNamed(node)) {
        if (!node.name) return undefined;
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        return symbol(node, node.name, whatItIs(node), node.title, nameNode.range);
    }
    if (isFlow(node)) return symbol(node, `${node.source?.$refText || '?'} -> ${node.target?.$refText || '?'}`, 'flow', node.label, flowRange(node, cst));
    if (isArchitecture(node)) {
        const keyword = GrammarUtils.findNodeForKeyword(cst, 'architecture') ?? cst;
        return symbol(node, 'architecture', 'architecture', node.title, keyword.range);
    }
    return undefined;
}

function symbol(node: AstNode, name: string, what: string, title: string | undefined, selectionRange: Range): DeclarationSymbol {
    return { name, kind: symbolKindOf(node), detail: withTitle(what, title), selectionRange };
}

function whatItIs(node: AstNode): string {
    if (isView(node)) return node.form ? `${node.form} view` : 'view';
    return isElement(node) ? node.kind : describeKind(node).replace(/^an? /, '');
}

function flowRange(flow: Flow, cst: CstNode): Range {
    const start = flow.source?.$refNode?.range.start ?? cst.range.start;
    const end = flow.target?.$refNode?.range.end ?? cst.range.end;
    return { start, end };
}
