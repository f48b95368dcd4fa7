import { AstUtils, CstUtils, GrammarUtils, GrammarAST, type AstNode, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import type { LangiumDocument } from 'langium';
import { CompletionItemKind, type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams, type Position, type Range } from 'vscode-languageserver';
import { isElement, isMonitoringProperty, type Signal } from '../language/generated/ast.js';
import { READINESS_RULES } from '../rules/registry.js';
import { propertyKeyword, REPEATABLE_PROPERTIES } from '../language/property-names.js';
import { canContainElements, propertyFits } from '../language/property-rules.js';
import { expectedKindOf, fitsKind } from '../language/reference-kinds.js';
import type { ArchwrightServices } from '../module.js';
import { declarationSnippets, FLOW_SNIPPET } from './completion-snippets.js';
import { declarationDetail } from './declaration-text.js';
import { followsTooDeepBlock } from '../language/depth-limited-parser.js';

/**
 * Completion that offers what fits where the cursor is. The grammar lets every keyword serve as an
 * id and parses every property in every block, so Langium's default would offer almost every
 * keyword everywhere; here keywords that would only stand for an id are dropped, properties are
 * filtered by the block they go in, and references list only declarations of the expected kind.
 */
export class ArchwrightCompletionProvider extends DefaultCompletionProvider {
    // `.` opens the list of an element's parts while a dotted path is typed.
    override readonly completionOptions = { triggerCharacters: ['.'] };

    /** Whether the client takes an edit range that a list's items share (LSP 3.17 `itemDefaults.editRange`); learnt at initialize. */
    editRangeDefault = false;

    constructor(private readonly services: ArchwrightServices) {
        super(services);
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.editRangeDefault = params.capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') === true;
        });
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const list = await super.getCompletion(document, params, cancelToken);
        return list && this.editRangeDefault ? withSharedEditRange(list) : list;
    }

    /**
     * Langium's edit for an item, with the places it shares with the other items of its context
     * worked out once: Langium finds the token's start, the typed text and the token's end again for
     * every item (three objects and a string each, for each of the 2,808 candidates of a completion
     * at the benchmark's L model). The items' edits share those objects; nothing changes them.
     */
    protected override buildCompletionTextEdit(context: CompletionContext, label: string, newText: string): CompletionItem['textEdit'] | undefined {
        let shared = this.sharedEdits.get(context);
        if (!shared) {
            const start = context.textDocument.positionAt(context.tokenOffset);
            const insertReplace = this.clientCapabilities?.completionItem?.insertReplaceSupport === true;
            shared = {
                typed: context.textDocument.getText().substring(context.tokenOffset, context.offset),
                insert: { start, end: context.position },
                replace: insertReplace ? { start, end: context.textDocument.positionAt(context.tokenEndOffset) } : undefined
            };
            this.sharedEdits.set(context, shared);
        }
        if (!this.fuzzyMatcher.match(shared.typed, label)) return undefined;
        return shared.replace ? { newText, insert: shared.insert, replace: shared.replace } : { newText, range: shared.insert };
    }

    /** What the items of one completion context share ({@link buildCompletionTextEdit}). */
    private readonly sharedEdits = new WeakMap<CompletionContext, { typed: string; insert: Range; replace: Range | undefined }>();

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        // Langium's completion parser reads the text before the cursor with no depth limit.
        if (followsTooDeepBlock(document.parseResult, document.textDocument.offsetAt(position))) return;
        for (const context of super.buildContexts(document, position)) {
            // Filtered before Langium's de-duplication by keyword text, which would otherwise keep
            // the id-keyword `deployment` and drop the declaration keyword `deployment`.
            yield { ...context, features: context.features.filter(next => !standsForId(next.feature)) };
        }
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (isRuleIdPlace(next)) return this.completionForRuleIds(context, acceptor);
        const path = pathBefore(context, next);
        if (path) return this.completionForParts(context, path, acceptor);
        if (!GrammarAST.isKeyword(next.feature)) return super.completionFor(context, next, acceptor);
        const rule = ruleOf(next.feature);
        if (!keywordFits(rule, next.feature.value, context)) return;
        const snippets = declarationSnippets(rule, next.feature.value);
        if (!snippets) return super.completionFor(context, next, acceptor);
        for (const item of snippets) acceptor(context, item);
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature ?? '';
        const rule = ruleOf(next.feature);
        if (rule === 'Flow' && property === 'source') acceptor(context, FLOW_SNIPPET);
        const expected = expectedKindOf({ $type: rule, form: viewFormOf(next.feature) } as AstNode, property);
        return super.completionForCrossReference(context, next, (ctx, item) => {
            const node = 'nodeDescription' in item ? item.nodeDescription.node : undefined;
            // Nested elements are exported under their id and their dotted path: offer the id once.
            if (!node || ('nodeDescription' in item && item.nodeDescription.name.includes('.'))) return;
            if (expected && !fitsKind(node, expected)) return;
            acceptor(ctx, { ...item, detail: declarationDetail(node) });
        });
    }

    /** After `shop.`: the parts of the element that the path so far names. */
    private completionForParts(context: CompletionContext, path: string, acceptor: CompletionAcceptor): void {
        const uri = context.document.uri;
        const whole = this.services.shared.model.ModelFolders.declarationsOf(uri, 'Element').find(d => d.name === path)?.node;
        if (!isElement(whole)) return;
        for (const part of whole.members.filter(isElement)) {
            acceptor(context, { label: part.name, kind: CompletionItemKind.Reference, detail: declarationDetail(part), sortText: '0' });
        }
    }

    /** After `rule` and `allow`: the readiness rules' ids. */
    private completionForRuleIds(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const rule of READINESS_RULES) {
            acceptor(context, { label: rule.id, kind: CompletionItemKind.Value, detail: `${rule.stage} rule`, documentation: rule.summary, sortText: '0' });
        }
    }
}

/**
 * The list with the range that all its items replace given once (`itemDefaults.editRange`), each
 * item's text as `textEditText` where it is not its label; the list as it is when the items do not
 * all replace the same range. A reference's candidates at the benchmark's L model are 2,808 items,
 * and each one's range was half of its JSON.
 */
export function withSharedEditRange(list: CompletionList): CompletionList {
    const first = list.items[0]?.textEdit;
    if (!first || !('range' in first)) return list;
    const range = first.range;
    for (const item of list.items) {
        const edit = item.textEdit;
        if (!edit || !('range' in edit) || !sameRange(edit.range, range)) return list;
    }
    // The items are this answer's own: each loses its edit in place (JSON leaves out what is undefined).
    for (const item of list.items) {
        const newText = item.textEdit!.newText;
        item.textEdit = undefined;
        if (newText !== item.label) item.textEditText = newText;
    }
    return { ...list, itemDefaults: { ...list.itemDefaults, editRange: range } };
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `shop.inner` when the cursor's id follows `shop.inner.` (Langium offers an `Id` there, not a reference). */
function pathBefore(context: CompletionContext, next: NextFeature): string | undefined {
    if (!GrammarAST.isRuleCall(next.feature) || ruleOf(next.feature) !== 'Id') return undefined;
    const before = context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 200), context.tokenOffset);
    return /(?:^|[^\w.-])([\w-]+(?:\.[\w-]+)*)\.$/.exec(before)?.[1];
}

/** The id after `rule` or `allow` (Langium reaches it as the terminal inside the `Id` rule). */
function isRuleIdPlace(next: NextFeature): boolean {
    return next.property === 'rule' && GrammarAST.isRuleCall(next.feature) && ruleOf(next.feature) === 'Id';
}

/** Keywords reached through the `Id` rule: a keyword written as an id, never worth offering. */
function standsForId(feature: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isKeyword(feature) && ruleOf(feature) === 'Keyword';
}

function ruleOf(feature: GrammarAST.AbstractElement): string {
    return AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name ?? '';
}

/** For `view v of |`: the `form` keyword written before the reference in the same alternative. */
function viewFormOf(feature: GrammarAST.AbstractElement): string | undefined {
    const group = AstUtils.getContainerOfType(feature, GrammarAST.isGroup);
    const form = group?.elements.find(e => GrammarAST.isAssignment(e) && e.feature === 'form');
    return form && GrammarAST.isAssignment(form) && GrammarAST.isKeyword(form.terminal) ? form.terminal.value : undefined;
}

/** The node of the last word before the cursor's token (not the token itself, which may be half typed). */
function nodeBefore(context: CompletionContext): AstNode | undefined {
    const root = context.document.parseResult.value.$cstNode;
    return root && context.tokenOffset > 0 ? CstUtils.findLeafNodeBeforeOffset(root, context.tokenOffset - 1)?.astNode : undefined;
}

/** The declaration whose `{ ... }` block holds the cursor; undefined at the top level. */
function blockOwner(context: CompletionContext): AstNode | undefined {
    for (let node = nodeBefore(context); node; node = node.$container) {
        const open = node.$cstNode && GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
        const close = node.$cstNode && GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
        if (open && open.end <= context.tokenOffset && (!close || close.offset >= context.tokenOffset)) return node;
    }
    return undefined;
}

/**
 * Element kinds only where elements may go; a property only in a block that takes it and does not
 * have it yet; a monitoring signal only once.
 */
function keywordFits(rule: string, keyword: string, context: CompletionContext): boolean {
    if (rule === 'Signal') {
        const here = nodeBefore(context);
        return !(isMonitoringProperty(here) && here.signals.includes(keyword as Signal));
    }
    const owner = blockOwner(context);
    if (rule === 'ElementKind') return !owner || (isElement(owner) && canContainElements(owner.kind));
    const startsProperty = propertyKeyword({ $type: rule, kind: keyword } as AstNode) === keyword;
    if (!startsProperty || !owner) return true;
    const offset = context.tokenOffset;
    if (isElement(owner) && propertyFits(owner.kind, keyword)) return false;
    if (REPEATABLE_PROPERTIES.has(keyword)) return true;
    const members = (owner as AstNode & { members?: AstNode[] }).members ?? [];
    return !members.some(m => propertyKeyword(m) === keyword && !(m.$cstNode && m.$cstNode.offset <= offset && m.$cstNode.end >= offset));
}
