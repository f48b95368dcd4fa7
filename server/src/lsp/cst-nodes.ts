import { GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

// Reading the concrete syntax tree the way the formatter and the highlighter need it.

/**
 * The CST nodes that make up an AST node: its tokens, the values of its datatype rules (ids,
 * dotted paths) and its child nodes. Unassigned rule calls (`Declaration: ... | Flow`) wrap a node
 * in composites of its own; those are looked through.
 */
export function children(node: AstNode): CstNode[] {
    const result: CstNode[] = [];
    const visit = (cst: CstNode | undefined): void => {
        if (!isCompositeCstNode(cst)) return;
        for (const child of cst.content) {
            if (isWrapper(child, node)) visit(child);
            else result.push(child);
        }
    };
    visit(node.$cstNode);
    return result;
}

function isWrapper(cst: CstNode, node: AstNode): boolean {
    const source = cst.grammarSource;
    return isCompositeCstNode(cst) && cst.astNode === node && GrammarAST.isRuleCall(source)
        && GrammarAST.isParserRule(source.rule.ref) && !isDataTypeRule(source.rule.ref);
}

/**
 * Langium works out whether a rule is a datatype rule by walking the grammar, every time; asked
 * for every token of a file, that was most of the time it took to format or colour 50 000
 * elements. The grammar does not change, so the answer is kept per rule.
 */
const dataTypeRules = new WeakMap<GrammarAST.ParserRule, boolean>();

function isDataTypeRule(rule: GrammarAST.ParserRule): boolean {
    let answer = dataTypeRules.get(rule);
    if (answer === undefined) {
        answer = GrammarUtils.isDataTypeRule(rule);
        dataTypeRules.set(rule, answer);
    }
    return answer;
}

export function isKeyword(node: CstNode, keyword: string): boolean {
    return GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === keyword;
}
