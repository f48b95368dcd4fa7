import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken } from 'vscode-languageserver';
import { referencesOf, walkAst } from '../util/ast-walk.js';
import { children, isKeyword } from './cst-nodes.js';

/**
 * Semantic colouring. The TextMate grammar colours words by their spelling; this colours them by
 * their role, so that an id spelled like a keyword (`service data`, `data -> x`) reads as an id.
 *
 * | what | token type |
 * |---|---|
 * | elements (systems and every other kind) | class |
 * | requirements | interface |
 * | constraints | type |
 * | data assets | struct |
 * | deployments, regions, zones | namespace |
 * | deployment nodes | variable |
 * | decisions | event |
 * | views | function |
 * | a reference | the type of what it names (variable when unresolved) |
 * | declaration keywords (`service`, `requirement`, `region`, `min`, `of`...) | keyword |
 * | the word that starts a property (`technology`, `kind`, `runs`...) | property |
 * | enumerated values (`production`, `pii`, `horizontal`, `metrics`, `HTTPS`...) | enumMember |
 * | rule ids (`rule missing-tracing`, `allow not-deployed`) | decorator |
 * | strings and text blocks | string |
 * | numbers, percentages, durations, instance counts (`x2`) | number |
 * | `->` and `*` | operator |
 *
 * The id of a declaration also carries the `declaration` modifier.
 */
export class ArchwrightSemanticTokenProvider extends AbstractSemanticTokenProvider {
    /**
     * Langium's walk, node by node in the same order, skipping what lies outside the range asked
     * for, without its stream and its await per node (the cancellation is checked every few
     * hundred nodes): for a file of 235,000 lines those took more than the colouring itself.
     */
    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): Promise<void> {
        const range = this.currentRange;
        const root = document.parseResult.value;
        const inView = (node: AstNode) => !range || (node.$cstNode !== undefined && CstUtils.inRange(node.$cstNode.range, range));
        if (!inView(root)) return;
        await walkAst(root, node => {
            if (node !== root && !inView(node)) return false;
            this.highlightElement(node, acceptor);
            return true;
        }, cancelToken);
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        children(node).forEach((cst, index) => {
            if (cst.hidden) return;
            const token = tokenOf(node, cst, index);
            if (token) acceptor({ cst, ...token });
        });
    }
}

interface Token {
    type: string;
    modifier?: string;
}

const DECLARATION_TYPES: Record<string, string> = {
    Element: SemanticTokenTypes.class, Requirement: SemanticTokenTypes.interface, Constraint: SemanticTokenTypes.type,
    DataAsset: SemanticTokenTypes.struct, Deployment: SemanticTokenTypes.namespace, region: SemanticTokenTypes.namespace,
    zone: SemanticTokenTypes.namespace, node: SemanticTokenTypes.variable, Decision: SemanticTokenTypes.event,
    View: SemanticTokenTypes.function
};

/** The token type of a declaration's id, wherever it appears. */
export function declarationTokenType(node: AstNode | undefined): string {
    if (!node) return SemanticTokenTypes.variable;
    const key = node.$type === 'DeploymentNode' ? (node as AstNode & { kind: string }).kind : node.$type;
    return DECLARATION_TYPES[key] ?? SemanticTokenTypes.variable;
}

function tokenOf(node: AstNode, cst: CstNode, index: number): Token | undefined {
    if (cst.astNode !== node) return undefined; // a child node: coloured in its own turn
    if (GrammarAST.isCrossReference(cst.grammarSource)) {
        const reference = referencesOf(node).find(ref => ref.reference.$refNode === cst)?.reference;
        return { type: declarationTokenType(reference && 'ref' in reference ? reference.ref : undefined) };
    }
    if (index === 0 && node.$type.endsWith('Property')) return { type: SemanticTokenTypes.property };
    switch (featureOf(cst.grammarSource)) {
        case 'name': return { type: declarationTokenType(node), modifier: SemanticTokenModifiers.declaration };
        case 'rule': return { type: SemanticTokenTypes.decorator };
        case 'count': return { type: SemanticTokenTypes.number };
        case 'all': return { type: SemanticTokenTypes.operator };
        case 'form': case 'kind': return { type: SemanticTokenTypes.keyword };
        case undefined: return keywordToken(cst);
        default: return valueToken(cst);
    }
}

const features = new WeakMap<GrammarAST.AbstractElement, string | null>();

/** The feature of the assignment around a grammar element, if any: worked out once per element. */
function featureOf(source: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!source) return undefined;
    let feature = features.get(source);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature ?? null;
        features.set(source, feature);
    }
    return feature ?? undefined;
}

/** Words of the grammar that are no value: keywords, the arrow, punctuation (not coloured). */
function keywordToken(cst: CstNode): Token | undefined {
    if (isKeyword(cst, '->')) return { type: SemanticTokenTypes.operator };
    if (!GrammarAST.isKeyword(cst.grammarSource) || /^[{},.]$/.test(cst.text)) return undefined;
    return { type: SemanticTokenTypes.keyword };
}

/** A value: by the terminal it was written with. */
function valueToken(cst: CstNode): Token {
    const leaf = isLeafCstNode(cst) ? cst : CstUtils.flattenCst(cst).head();
    switch (leaf?.tokenType.name) {
        case 'STRING': case 'TEXT_BLOCK': return { type: SemanticTokenTypes.string };
        case 'INT': case 'PERCENT': case 'DURATION': return { type: SemanticTokenTypes.number };
        default: return { type: SemanticTokenTypes.enumMember };
    }
}
