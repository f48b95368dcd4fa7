import { AstUtils, GrammarAST, type AstNode, type AstReflection, type CstNode, type CstNodeBuilder, type LangiumCoreServices, type Linker, type ValueConverter } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { exact } from '../util/arrays.js';
import { intern } from '../util/intern.js';

/**
 * A parser for text without syntax errors that builds exactly what Langium's parser builds, in
 * the same steps: the same calls to the CST builder (so the same tree, comments placed the same
 * way), AST nodes with the same properties in the same order, values through the same value
 * converter and references through the same linker. What it leaves out is Chevrotain's
 * recognition machinery (lookahead functions, rule wrappers, recovery bookkeeping, and Langium's
 * array of closures per alternatives, made anew on every call): that machinery was most of a
 * cold parse, and a cold parse is about half of `archwright check`.
 *
 * It follows `archwright.langium` by hand and gives up on the first token it does not expect
 * ({@link FastParser.parse} answers undefined): the file is then parsed by Langium's parser, which
 * also recovers from errors and words them. So a change to the grammar that this parser does not
 * know makes files that use it slower to parse, not parsed wrongly; test/language/fast-parser.test.ts
 * compares both parsers' trees, node for node, on the fixtures, the benchmark's models and
 * thousands of mutations, and fails when a file Langium parses without errors is not parsed here.
 *
 * Every decision looks at one token, except two that look at two: a declaration (and a sequence
 * step) that starts with a keyword is a flow when `.` or `->` comes next, since keywords may be ids.
 */
export class FastParser {
    private readonly f: Features;
    private readonly defaults: Map<string, Array<[string, unknown]>>;
    private readonly converter: ValueConverter;
    private readonly reflection: AstReflection;
    private linkerOf: () => Linker;
    private linker!: Linker;

    private tokens: IToken[] = [];
    private pos = 0;
    private hidden: IToken[] = [];
    private hiddenAt = 0;
    private builder!: CstNodeBuilder;
    /** The composite node of the last data type rule parsed (for a cross-reference's `$refNode`). */
    private lastCst!: CstNode;

    constructor(services: LangiumCoreServices) {
        this.f = new Features(services.Grammar, services.parser.Lexer.definition as Record<string, TokenType>);
        this.converter = services.parser.ValueConverter;
        this.reflection = services.shared.AstReflection;
        this.linkerOf = () => services.references.Linker;
        this.defaults = new Map();
    }

    /**
     * The syntax tree of the tokens (and the comments between them, `hidden`), built into
     * `builder` after its `buildRootNode`; undefined when they have a syntax error (the builder
     * then holds part of a tree: start it again). `hidden` is not changed; the comments after the
     * last token are left to the caller, as Langium's parser leaves them: {@link FastParser.trailingHidden}.
     */
    parse(tokens: IToken[], hidden: IToken[], builder: CstNodeBuilder): AstNode | undefined {
        this.linker ??= this.linkerOf();
        this.tokens = tokens;
        this.pos = 0;
        this.hidden = hidden;
        this.hiddenAt = 0;
        this.builder = builder;
        try {
            return this.model();
        } catch (error) {
            if (error === BAIL) return undefined;
            throw error;
        } finally {
            this.tokens = [];
            this.builder = undefined!;
        }
    }

    /** The comments after the last token of the last {@link FastParser.parse}. */
    trailingHidden(): IToken[] {
        const rest = this.hiddenAt === 0 ? this.hidden : this.hidden.slice(this.hiddenAt);
        this.hidden = [];
        return rest;
    }

    // ── The steps of Langium's parser ────────────────────────────────────────────────────────

    private peek(): IToken | undefined {
        return this.tokens[this.pos];
    }

    private is(type: TokenType): boolean {
        return this.tokens[this.pos]?.tokenType === type;
    }

    /** The next token, which must be of the type. */
    private expect(type: TokenType): IToken {
        const token = this.tokens[this.pos];
        if (token?.tokenType !== type) throw BAIL;
        return token;
    }

    /** Langium's `consume`: the comments before the token, then the token's leaf. */
    private leaf(token: IToken, feature: GrammarAST.AbstractElement): CstNode {
        const hidden = this.hidden;
        if (this.hiddenAt < hidden.length && hidden[this.hiddenAt].startOffset <= token.startOffset) {
            let end = this.hiddenAt + 1;
            while (end < hidden.length && hidden[end].startOffset <= token.startOffset) end++;
            this.builder.addHiddenNodes(hidden.slice(this.hiddenAt, end));
            this.hiddenAt = end;
        }
        this.pos++;
        return this.builder.buildLeafNode(token, feature);
    }

    /** A keyword that is assigned to nothing. */
    private keyword(type: TokenType, feature: GrammarAST.Keyword): void {
        this.leaf(this.expect(type), feature);
    }

    /** A terminal's value, converted as Langium converts it. */
    private terminal(type: TokenType, feature: GrammarAST.AbstractElement): unknown {
        const token = this.expect(type);
        return intern(this.converter.convert(token.image, this.leaf(token, feature)));
    }

    private open(feature: GrammarAST.AbstractElement): CstNode {
        return this.builder.buildCompositeNode(feature);
    }

    /** Ends a data type rule: its value converted with its node, as Langium's `construct` does. */
    private endValue(text: string, cst: CstNode): string {
        this.builder.construct(VALUE_NODE as unknown as Constructed);
        this.lastCst = cst;
        return intern(this.converter.convert(text, cst) as string);
    }

    /** Ends a rule that makes an AST node: its CST node, then its properties' defaults. */
    private end(node: Node): Node {
        this.wrap(node);
        let defaults = this.defaults.get(node.$type);
        if (!defaults) {
            defaults = Object.values(this.reflection.getTypeMetaData(node.$type).properties)
                .filter(p => p.defaultValue !== undefined).map(p => [p.name, p.defaultValue] as [string, unknown]);
            this.defaults.set(node.$type, defaults);
        }
        for (let i = 0; i < defaults.length; i++) {
            const [name, value] = defaults[i];
            if (node[name] === undefined) node[name] = copyDefault(value);
        }
        return node;
    }

    /** `'{' members+=Member* '}'`: each member by `member`, until the closing brace. */
    private members(node: Node, open: GrammarAST.Keyword, close: GrammarAST.Keyword, member: () => Node): void {
        const f = this.f;
        this.keyword(f.LBRACE, open);
        while (!this.is(f.RBRACE)) this.add(node, 'members', member());
        this.exact(node, 'members');
        this.keyword(f.RBRACE, close);
    }

    /** `item (',' item)*` into the node's list `property`: the first item, then one after each comma. */
    private list(node: Node, property: string, comma: GrammarAST.Keyword, item: (first: boolean) => void): void {
        item(true);
        while (this.is(this.f.COMMA)) {
            this.keyword(this.f.COMMA, comma);
            item(false);
        }
        this.exact(node, property);
    }

    /** The node's finished list `property` without spare room (util/arrays.ts, `exact`): the tree keeps it. */
    private exact(node: Node, property: string): void {
        const list = node[property];
        if (Array.isArray(list) && list.length > 1) node[property] = exact(list);
    }

    /** A rule called without an assignment (`Declaration: Element | ...`): the node called, in this rule's CST node. */
    private wrap(node: Node): Node {
        this.builder.construct(node as unknown as Constructed);
        return node;
    }

    /** `property += node`, as Langium's `assign` does it. */
    private add(target: Node, property: string, item: Node): void {
        (item.$cstNode as { astNode: unknown }).astNode = item;
        this.push(target, property, item);
    }

    private push(target: Node, property: string, item: unknown): void {
        const list = target[property];
        if (Array.isArray(list)) list.push(item);
        else target[property] = [item];
    }

    /** `property = [Named:QualifiedId]` (or `+=`): a reference built by the linker, as Langium builds it. */
    private reference(target: Node, property: string, feature: GrammarAST.CrossReference, many: boolean): void {
        const text = this.qualifiedId(feature);
        const reference = this.linker.buildReference(target as unknown as AstNode, property, this.lastCst, text);
        if (many) this.push(target, property, reference);
        else target[property] = reference;
    }

    // ── Names and values ─────────────────────────────────────────────────────────────────────

    /** `Id: ID | Keyword`. */
    private id(feature: GrammarAST.AbstractElement): string {
        const f = this.f;
        const cst = this.open(feature);
        const token = this.peek();
        let text: string;
        if (token?.tokenType === f.ID) {
            text = String(this.terminal(f.ID, f.Id_ID));
        } else {
            const keyword = token && f.keywordRule[token.tokenTypeIdx];
            if (!keyword) throw BAIL;
            const inner = this.open(f.Id_Keyword);
            this.leaf(token, keyword);
            text = String(this.endValue(token.image, inner));
        }
        return this.endValue(text, cst);
    }

    /** `QualifiedId: Id ('.' Id)*`. */
    private qualifiedId(feature: GrammarAST.AbstractElement): string {
        const f = this.f;
        const cst = this.open(feature);
        let text = String(this.id(f.QualifiedId_first));
        while (this.is(f.DOT)) {
            this.leaf(this.peek()!, f.QualifiedId_dot);
            text += '.';
            text += String(this.id(f.QualifiedId_next));
        }
        return this.endValue(text, cst);
    }

    /** `Text: STRING | TEXT_BLOCK`. */
    private textValue(feature: GrammarAST.AbstractElement): string {
        const f = this.f;
        const cst = this.open(feature);
        const text = String(this.is(f.TEXT_BLOCK) ? this.terminal(f.TEXT_BLOCK, f.Text_TEXT_BLOCK) : this.terminal(f.STRING, f.Text_STRING));
        return this.endValue(text, cst);
    }

    /** `Name: Id | STRING`. */
    private name(feature: GrammarAST.AbstractElement): string {
        const f = this.f;
        const cst = this.open(feature);
        const text = this.is(f.STRING) ? String(this.terminal(f.STRING, f.Name_STRING)) : String(this.id(f.Name_Id));
        return this.endValue(text, cst);
    }

    /** A data type rule of keywords (`Stage`, `ElementKind`, ...): the keyword's element by token type. */
    private keywordValue(feature: GrammarAST.AbstractElement, keywords: KeywordTable): string {
        const cst = this.open(feature);
        const token = this.peek();
        const keyword = token && keywords[token.tokenTypeIdx];
        if (!keyword) throw BAIL;
        this.leaf(token, keyword);
        return this.endValue(token.image, cst);
    }

    /** `property=('a' | 'b')`: the keyword's text. */
    private keywordChoice(keywords: KeywordTable): string {
        const token = this.peek();
        const keyword = token && keywords[token.tokenTypeIdx];
        if (!keyword) throw BAIL;
        this.leaf(token, keyword);
        return intern(token.image);
    }

    // ── Rules ────────────────────────────────────────────────────────────────────────────────

    private model(): AstNode {
        const model: Node = { $type: 'Model' };
        while (this.pos < this.tokens.length) this.add(model, 'declarations', this.declaration());
        this.exact(model, 'declarations');
        this.end(model);
        (model.$cstNode as { astNode: unknown }).astNode = model;
        return model as unknown as AstNode;
    }

    private declaration(): Node {
        const f = this.f;
        this.open(f.Model_declarations);
        const token = this.tokens[this.pos];
        const after = this.tokens[this.pos + 1]?.tokenType;
        const flow = after === f.DOT || after === f.ARROW;
        const titled = !flow && f.titledDeclarations[token.tokenTypeIdx];
        let node: Node;
        if (titled) node = this.titled(titled);
        else if (!flow && token.tokenType === f.kw.view) node = this.view();
        else if (!flow && f.elementKind[token.tokenTypeIdx]) node = this.element(f.Declaration_Element);
        else node = this.flow();
        return this.wrap(node);
    }

    /**
     * `'keyword' name=Id? title=STRING? ('{' members+=Member* '}')?`: the architecture (without a
     * name), requirements, constraints, data, deployments, decisions.
     */
    private titled(parts: TitledFeatures): Node {
        const f = this.f;
        this.open(parts.call);
        const node: Node = { $type: parts.type };
        this.keyword(parts.keywordType, parts.keyword);
        if (parts.name) node.name = this.id(parts.name);
        if (this.is(f.STRING)) node.title = this.terminal(f.STRING, parts.title);
        if (this.is(f.LBRACE)) this.members(node, parts.open, parts.close, () => this.memberOrNode(parts.members, parts.properties, parts.node));
        return this.end(node);
    }

    /** A member rule whose alternatives each start with their own keyword: the property rule it calls. */
    private member(feature: GrammarAST.AbstractElement, alternatives: PropertyTable): Node {
        this.open(feature);
        return this.wrap(this.calledMember(alternatives));
    }

    /** The property among `alternatives` that the next keyword starts (`members+=(AProperty | BProperty ...)`, or a member rule's). */
    private calledMember(alternatives: PropertyTable): Node {
        const token = this.peek();
        const call = token && alternatives[token.tokenTypeIdx];
        if (!call) throw BAIL;
        return this.property(call);
    }

    /** A member rule that may also call a deployment node (`region`, `zone`, `node`): that node, or a property. */
    private memberOrNode(feature: GrammarAST.AbstractElement, properties: PropertyTable, nodeCall: GrammarAST.AbstractElement | undefined): Node {
        const token = this.peek();
        if (nodeCall && token && this.f.nodeKind[token.tokenTypeIdx]) {
            this.open(feature);
            return this.wrap(this.deploymentNode(nodeCall));
        }
        return this.member(feature, properties);
    }

    private deploymentNode(feature: GrammarAST.AbstractElement): Node {
        const f = this.f;
        this.open(feature);
        const node: Node = { $type: 'DeploymentNode' };
        node.kind = this.keywordChoice(f.nodeKind);
        node.name = this.id(f.DeploymentNode_name);
        if (this.is(f.STRING)) node.title = this.terminal(f.STRING, f.DeploymentNode_title);
        if (this.is(f.LBRACE)) {
            this.members(node, f.DeploymentNode_open, f.DeploymentNode_close, () => this.memberOrNode(f.DeploymentNode_members, f.nodeMember, f.NodeMember_DeploymentNode));
        }
        return this.end(node);
    }

    private element(feature: GrammarAST.AbstractElement): Node {
        const f = this.f;
        this.open(feature);
        const node: Node = { $type: 'Element' };
        node.kind = this.keywordValue(f.Element_kind, f.elementKind);
        node.name = this.id(f.Element_name);
        if (this.is(f.STRING)) node.title = this.terminal(f.STRING, f.Element_title);
        if (this.is(f.LBRACE)) this.members(node, f.Element_open, f.Element_close, () => this.elementMember());
        return this.end(node);
    }

    /** `ElementMember: Element | DescriptionProperty | ...`. */
    private elementMember(): Node {
        const f = this.f;
        this.open(f.Element_members);
        const token = this.peek();
        if (token && f.elementKind[token.tokenTypeIdx]) return this.wrap(this.element(f.ElementMember_Element));
        return this.wrap(this.calledMember(f.elementProperty));
    }

    private flow(): Node {
        const f = this.f;
        this.open(f.Declaration_Flow);
        const node: Node = { $type: 'Flow' };
        this.reference(node, 'source', f.Flow_source, false);
        this.keyword(f.ARROW, f.Flow_arrow);
        this.reference(node, 'target', f.Flow_target, false);
        if (this.is(f.STRING)) node.label = this.terminal(f.STRING, f.Flow_label);
        if (this.is(f.LBRACE)) this.members(node, f.Flow_open, f.Flow_close, () => this.calledMember(f.flowMember));
        return this.end(node);
    }

    private view(): Node {
        const f = this.f;
        this.open(f.Declaration_View);
        const node: Node = { $type: 'View' };
        this.keyword(f.kw.view, f.View_keyword);
        node.name = this.id(f.View_name);
        if (this.is(f.STRING)) node.title = this.terminal(f.STRING, f.View_title);
        const token = this.peek();
        const t = token?.tokenType;
        if (t === f.LBRACE) {
            this.members(node, f.View_landscapeOpen, f.View_landscapeClose, () => this.member(f.View_landscapeMembers, f.landscapeMember));
        } else if (t === f.kw.sequence) {
            this.leaf(token!, f.View_form.sequence);
            node.form = intern(token!.image);
            this.members(node, f.View_sequenceOpen, f.View_sequenceClose, () => this.sequenceMember());
        } else {
            const form = token && f.viewForms[token.tokenTypeIdx];
            if (!form) throw BAIL;
            this.leaf(token, form.keyword);
            node.form = intern(token.image);
            if (form.subject) this.reference(node, 'subject', form.subject, false);
            // The fragment `ViewBlock`: no node of its own.
            if (this.is(f.LBRACE)) this.members(node, f.ViewBlock_open, f.ViewBlock_close, () => this.member(f.ViewBlock_members, f.viewMember));
        }
        return this.end(node);
    }

    private sequenceMember(): Node {
        const f = this.f;
        this.open(f.View_sequenceMembers);
        const token = this.peek();
        const after = this.tokens[this.pos + 1]?.tokenType;
        const call = token && f.sequenceMember[token.tokenTypeIdx];
        if (call && after !== f.DOT && after !== f.ARROW) return this.wrap(this.property(call));
        this.open(f.SequenceMember_SequenceStep);
        const node: Node = { $type: 'SequenceStep' };
        this.reference(node, 'source', f.SequenceStep_source, false);
        this.keyword(f.ARROW, f.SequenceStep_arrow);
        this.reference(node, 'target', f.SequenceStep_target, false);
        if (this.is(f.STRING)) node.label = this.terminal(f.STRING, f.SequenceStep_label);
        return this.wrap(this.end(node));
    }

    /** A property rule (`'owner' value=STRING`, ...), called from a member rule's alternative. */
    private property(call: PropertyCall): Node {
        const f = this.f;
        const p = call.rule;
        this.open(call.feature);
        const node: Node = { $type: p.type };
        const token = this.peek()!;
        this.leaf(token, p.shape === 'link' ? p.keywords![token.tokenTypeIdx]! : p.keyword);
        switch (p.shape) {
            case 'string':
                node.value = this.terminal(f.STRING, p.value!);
                break;
            case 'text':
                node.value = this.textValue(p.value!);
                break;
            case 'name':
                node.value = this.name(p.value!);
                break;
            case 'int':
                node.value = this.terminal(f.INT, p.value!);
                break;
            case 'keywordValue':
                node.value = this.keywordValue(p.value!, p.keywords!);
                break;
            case 'keywordChoice':
                node.value = this.keywordChoice(p.keywords!);
                break;
            case 'references':
                this.list(node, 'refs', p.comma!, first => this.reference(node, 'refs', first ? p.first! : p.next!, true));
                break;
            case 'flag':
                break;
            case 'link':
                // `kind=('link' | ...) value=STRING`: the keyword just read is the kind.
                node.kind = intern(token.image);
                node.value = this.terminal(f.STRING, p.value!);
                break;
            default:
                this.special(node, p);
        }
        return this.end(node);
    }

    /** The property rules of a shape of their own. */
    private special(node: Node, p: PropertyRule): void {
        const f = this.f;
        const x = p.extra!;
        switch (p.type) {
            case 'RuleProperty':
                node.rule = this.id(x.rule);
                node.severity = this.keywordValue(x.severity, p.keywords!);
                return;
            case 'AllowProperty':
                node.rule = this.id(x.rule);
                node.reason = this.terminal(f.STRING, x.reason);
                return;
            case 'TargetProperty':
                if (this.is(f.STRING)) node.text = this.terminal(f.STRING, x.text);
                else node.percent = this.terminal(f.PERCENT, x.percent);
                return;
            case 'TagsProperty':
                this.list(node, 'values', x.comma as GrammarAST.Keyword, first => this.push(node, 'values', this.terminal(f.STRING, first ? x.first : x.next)));
                return;
            case 'ScalingProperty': {
                const mode = this.keywordChoice(p.keywords!);
                node.mode = mode;
                if (mode === 'horizontal' && this.is(f.kw.min)) {
                    this.keyword(f.kw.min, x.min as GrammarAST.Keyword);
                    node.min = this.terminal(f.INT, x.minValue);
                    this.keyword(f.kw.max, x.max as GrammarAST.Keyword);
                    node.max = this.terminal(f.INT, x.maxValue);
                }
                return;
            }
            case 'MonitoringProperty':
                do this.push(node, 'signals', this.keywordValue(x.signal, p.keywords!));
                while (this.peek() && p.keywords![this.peek()!.tokenTypeIdx]);
                return;
            case 'BackupProperty':
                node.frequency = this.keywordChoice(p.keywords!);
                if (this.is(f.kw.retain)) {
                    this.keyword(f.kw.retain, x.retain as GrammarAST.Keyword);
                    node.retain = this.terminal(f.DURATION, x.retainValue);
                }
                return;
            case 'StatusProperty': {
                const value = this.keywordChoice(p.keywords!);
                node.value = value;
                if (value === 'superseded') {
                    this.keyword(f.kw.by, x.by as GrammarAST.Keyword);
                    this.reference(node, 'supersededBy', x.supersededBy as GrammarAST.CrossReference, false);
                }
                return;
            }
            case 'RunsProperty':
                this.list(node, 'instances', x.comma as GrammarAST.Keyword, first => this.add(node, 'instances', this.instance(first ? x.first : x.next)));
                return;
            case 'IncludeProperty':
                if (this.is(f.STAR)) {
                    this.keyword(f.STAR, x.all as GrammarAST.Keyword);
                    node.all = true;
                    return;
                }
                this.list(node, 'refs', x.comma as GrammarAST.Keyword, first => this.reference(node, 'refs', (first ? x.first : x.next) as GrammarAST.CrossReference, true));
                return;
            default:
                throw BAIL;
        }
    }

    /** `Instance: element=[Named:QualifiedId] count=ID?`, called from `instances+=Instance`. */
    private instance(feature: GrammarAST.AbstractElement): Node {
        const f = this.f;
        this.open(feature);
        const node: Node = { $type: 'Instance' };
        this.reference(node, 'element', f.Instance_element, false);
        if (this.is(f.ID)) node.count = this.terminal(f.ID, f.Instance_count);
        return this.end(node);
    }
}

type Node = Record<string, unknown> & { $type: string; $cstNode?: CstNode };

/** What the CST builder's `construct` takes: a node whose `$cstNode` it sets. */
type Constructed = Parameters<CstNodeBuilder['construct']>[0];

/** Thrown to give up on a text: it has a syntax error (or something this parser does not know). */
const BAIL = new Error('Not parsed by the fast path');

/** What a data type rule's `construct` is given: its value is a string, and the node is dropped. */
export const VALUE_NODE = { $type: 'value' };

function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** Grammar elements by token type index. */
type KeywordTable = Array<GrammarAST.Keyword | undefined>;
type PropertyTable = Array<PropertyCall | undefined>;

interface PropertyCall {
    /** The rule call in the member rule (the CST node's grammar source). */
    feature: GrammarAST.AbstractElement;
    rule: PropertyRule;
}

type Shape = 'string' | 'text' | 'name' | 'int' | 'keywordValue' | 'keywordChoice' | 'references' | 'flag' | 'link' | 'special';

/** A property rule: its leading keyword, then its shape and the elements it needs. */
interface PropertyRule {
    type: string;
    keyword: GrammarAST.Keyword;
    shape: Shape;
    value?: GrammarAST.AbstractElement;
    keywords?: KeywordTable;
    first?: GrammarAST.CrossReference;
    comma?: GrammarAST.Keyword;
    next?: GrammarAST.CrossReference;
    extra?: Record<string, GrammarAST.AbstractElement>;
}

/** A declaration that starts with its keyword (see {@link FastParser.titled}) and the elements it needs. */
interface TitledFeatures {
    type: string;
    /** The rule call in `Declaration`. */
    call: GrammarAST.AbstractElement;
    keywordType: TokenType;
    keyword: GrammarAST.Keyword;
    /** None for the architecture. */
    name?: GrammarAST.AbstractElement;
    title: GrammarAST.AbstractElement;
    open: GrammarAST.Keyword;
    members: GrammarAST.AbstractElement;
    close: GrammarAST.Keyword;
    properties: PropertyTable;
    /** A deployment's: the member rule's call of `DeploymentNode`. */
    node?: GrammarAST.AbstractElement;
}

/**
 * The grammar elements the parser hands to the CST builder, found in the grammar by rule and
 * occurrence, and the token types it compares against; made once per parser.
 */
class Features {
    readonly ID: TokenType;
    readonly STRING: TokenType;
    readonly TEXT_BLOCK: TokenType;
    readonly INT: TokenType;
    readonly PERCENT: TokenType;
    readonly DURATION: TokenType;
    readonly DOT: TokenType;
    readonly ARROW: TokenType;
    readonly COMMA: TokenType;
    readonly STAR: TokenType;
    readonly LBRACE: TokenType;
    readonly RBRACE: TokenType;
    readonly kw: Record<string, TokenType>;

    readonly Model_declarations: GrammarAST.AbstractElement;
    /** The declarations that {@link FastParser.titled} reads, by the token type of their keyword. */
    readonly titledDeclarations: Array<TitledFeatures | undefined> = [];
    readonly Declaration_Element: GrammarAST.AbstractElement;
    readonly Declaration_Flow: GrammarAST.AbstractElement;
    readonly Declaration_View: GrammarAST.AbstractElement;

    readonly Id_ID: GrammarAST.AbstractElement;
    readonly Id_Keyword: GrammarAST.AbstractElement;
    readonly keywordRule: KeywordTable;
    readonly QualifiedId_first: GrammarAST.AbstractElement;
    readonly QualifiedId_dot: GrammarAST.Keyword;
    readonly QualifiedId_next: GrammarAST.AbstractElement;
    readonly Text_STRING: GrammarAST.AbstractElement;
    readonly Text_TEXT_BLOCK: GrammarAST.AbstractElement;
    readonly Name_Id: GrammarAST.AbstractElement;
    readonly Name_STRING: GrammarAST.AbstractElement;

    readonly nodeKind: KeywordTable;
    readonly DeploymentNode_name: GrammarAST.AbstractElement;
    readonly DeploymentNode_title: GrammarAST.AbstractElement;
    readonly DeploymentNode_open: GrammarAST.Keyword;
    readonly DeploymentNode_members: GrammarAST.AbstractElement;
    readonly DeploymentNode_close: GrammarAST.Keyword;
    readonly nodeMember: PropertyTable;
    readonly NodeMember_DeploymentNode: GrammarAST.AbstractElement;
    readonly Instance_element: GrammarAST.CrossReference;
    readonly Instance_count: GrammarAST.AbstractElement;

    readonly elementKind: KeywordTable;
    readonly Element_kind: GrammarAST.AbstractElement;
    readonly Element_name: GrammarAST.AbstractElement;
    readonly Element_title: GrammarAST.AbstractElement;
    readonly Element_open: GrammarAST.Keyword;
    readonly Element_members: GrammarAST.AbstractElement;
    readonly Element_close: GrammarAST.Keyword;
    readonly ElementMember_Element: GrammarAST.AbstractElement;
    readonly elementProperty: PropertyTable;

    readonly Flow_source: GrammarAST.CrossReference;
    readonly Flow_arrow: GrammarAST.Keyword;
    readonly Flow_target: GrammarAST.CrossReference;
    readonly Flow_label: GrammarAST.AbstractElement;
    readonly Flow_open: GrammarAST.Keyword;
    readonly Flow_close: GrammarAST.Keyword;
    readonly flowMember: PropertyTable;

    readonly View_keyword: GrammarAST.Keyword;
    readonly View_name: GrammarAST.AbstractElement;
    readonly View_title: GrammarAST.AbstractElement;
    readonly View_landscapeOpen: GrammarAST.Keyword;
    readonly View_landscapeMembers: GrammarAST.AbstractElement;
    readonly View_landscapeClose: GrammarAST.Keyword;
    readonly View_sequenceOpen: GrammarAST.Keyword;
    readonly View_sequenceMembers: GrammarAST.AbstractElement;
    readonly View_sequenceClose: GrammarAST.Keyword;
    readonly View_form: Record<string, GrammarAST.Keyword>;
    readonly viewForms: Array<{ keyword: GrammarAST.Keyword; subject?: GrammarAST.CrossReference } | undefined>;
    readonly ViewBlock_open: GrammarAST.Keyword;
    readonly ViewBlock_members: GrammarAST.AbstractElement;
    readonly ViewBlock_close: GrammarAST.Keyword;
    readonly landscapeMember: PropertyTable;
    readonly viewMember: PropertyTable;
    readonly sequenceMember: PropertyTable;
    readonly SequenceMember_SequenceStep: GrammarAST.AbstractElement;
    readonly SequenceStep_source: GrammarAST.CrossReference;
    readonly SequenceStep_arrow: GrammarAST.Keyword;
    readonly SequenceStep_target: GrammarAST.CrossReference;
    readonly SequenceStep_label: GrammarAST.AbstractElement;

    private readonly rules = new Map<string, GrammarAST.ParserRule>();
    private readonly tokenTypes: Record<string, TokenType>;
    private readonly properties = new Map<string, PropertyRule>();

    constructor(grammar: GrammarAST.Grammar, tokenTypes: Record<string, TokenType>) {
        this.tokenTypes = tokenTypes;
        for (const rule of grammar.rules) if (GrammarAST.isParserRule(rule)) this.rules.set(rule.name, rule);
        const token = (name: string) => this.tokenType(name);
        this.ID = token('ID');
        this.STRING = token('STRING');
        this.TEXT_BLOCK = token('TEXT_BLOCK');
        this.INT = token('INT');
        this.PERCENT = token('PERCENT');
        this.DURATION = token('DURATION');
        this.DOT = token('.');
        this.ARROW = token('->');
        this.COMMA = token(',');
        this.STAR = token('*');
        this.LBRACE = token('{');
        this.RBRACE = token('}');
        // Read by name while parsing: a plain record (checked here for the names the parser reads).
        this.kw = tokenTypes;
        for (const name of ['view', 'sequence', 'min', 'max', 'retain', 'by']) token(name);

        this.Model_declarations = this.call('Model', 'Declaration');
        this.Declaration_Element = this.call('Declaration', 'Element');
        this.Declaration_Flow = this.call('Declaration', 'Flow');
        this.Declaration_View = this.call('Declaration', 'View');

        this.Id_ID = this.call('Id', 'ID');
        this.Id_Keyword = this.call('Id', 'Keyword');
        this.keywordRule = this.keywordTable('Keyword');
        this.QualifiedId_first = this.call('QualifiedId', 'Id', 0);
        this.QualifiedId_dot = this.keyword('QualifiedId', '.');
        this.QualifiedId_next = this.call('QualifiedId', 'Id', 1);
        this.Text_STRING = this.call('Text', 'STRING');
        this.Text_TEXT_BLOCK = this.call('Text', 'TEXT_BLOCK');
        this.Name_Id = this.call('Name', 'Id');
        this.Name_STRING = this.call('Name', 'STRING');

        this.titled('Architecture', 'architecture', 'ArchitectureMember', false);
        this.titled('Requirement', 'requirement', 'RequirementMember');
        this.titled('Constraint', 'constraint', 'ConstraintMember');
        this.titled('DataAsset', 'data', 'DataMember');
        this.titled('Deployment', 'deployment', 'DeploymentMember');
        this.titled('Decision', 'decision', 'DecisionMember');

        this.nodeKind = this.keywordTable('DeploymentNode', ['region', 'zone', 'node']);
        this.DeploymentNode_name = this.call('DeploymentNode', 'Id');
        this.DeploymentNode_title = this.call('DeploymentNode', 'STRING');
        this.DeploymentNode_open = this.keyword('DeploymentNode', '{');
        this.DeploymentNode_members = this.call('DeploymentNode', 'NodeMember');
        this.DeploymentNode_close = this.keyword('DeploymentNode', '}');
        this.nodeMember = this.propertyTable('NodeMember', ['DeploymentNode']);
        this.NodeMember_DeploymentNode = this.call('NodeMember', 'DeploymentNode');
        this.Instance_element = this.crossReference('Instance', 0);
        this.Instance_count = this.call('Instance', 'ID');

        this.elementKind = this.keywordTable('ElementKind');
        this.Element_kind = this.call('Element', 'ElementKind');
        this.Element_name = this.call('Element', 'Id');
        this.Element_title = this.call('Element', 'STRING');
        this.Element_open = this.keyword('Element', '{');
        this.Element_members = this.call('Element', 'ElementMember');
        this.Element_close = this.keyword('Element', '}');
        this.ElementMember_Element = this.call('ElementMember', 'Element');
        this.elementProperty = this.propertyTable('ElementMember', ['Element']);

        this.Flow_source = this.crossReference('Flow', 0);
        this.Flow_arrow = this.keyword('Flow', '->');
        this.Flow_target = this.crossReference('Flow', 1);
        this.Flow_label = this.call('Flow', 'STRING');
        this.Flow_open = this.keyword('Flow', '{');
        this.Flow_close = this.keyword('Flow', '}');
        this.flowMember = this.propertyTable('Flow', [], this.assigned('Flow', 'members'));

        this.View_keyword = this.keyword('View', 'view');
        this.View_name = this.call('View', 'Id');
        this.View_title = this.call('View', 'STRING');
        this.View_landscapeOpen = this.keyword('View', '{', 0);
        this.View_landscapeMembers = this.call('View', 'LandscapeMember');
        this.View_landscapeClose = this.keyword('View', '}', 0);
        this.View_sequenceOpen = this.keyword('View', '{', 1);
        this.View_sequenceMembers = this.call('View', 'SequenceMember');
        this.View_sequenceClose = this.keyword('View', '}', 1);
        const forms = ['of', 'deployment', 'dataflow', 'requirements', 'sequence'];
        this.View_form = Object.fromEntries(forms.map(form => [form, this.keyword('View', form)]));
        this.viewForms = [];
        forms.slice(0, 3).forEach((form, i) => this.viewForms[token(form).tokenTypeIdx!] = { keyword: this.View_form[form], subject: this.crossReference('View', i) });
        this.viewForms[token('requirements').tokenTypeIdx!] = { keyword: this.View_form.requirements };
        this.ViewBlock_open = this.keyword('ViewBlock', '{');
        this.ViewBlock_members = this.call('ViewBlock', 'ViewMember');
        this.ViewBlock_close = this.keyword('ViewBlock', '}');
        this.landscapeMember = this.propertyTable('LandscapeMember');
        this.viewMember = this.propertyTable('ViewMember');
        this.sequenceMember = this.propertyTable('SequenceMember', ['SequenceStep']);
        this.SequenceMember_SequenceStep = this.call('SequenceMember', 'SequenceStep');
        this.SequenceStep_source = this.crossReference('SequenceStep', 0);
        this.SequenceStep_arrow = this.keyword('SequenceStep', '->');
        this.SequenceStep_target = this.crossReference('SequenceStep', 1);
        this.SequenceStep_label = this.call('SequenceStep', 'STRING');
    }

    private tokenType(name: string): TokenType {
        const type = this.tokenTypes[name];
        if (!type) throw new Error(`The grammar has no token '${name}'`);
        return type;
    }

    private rule(name: string): GrammarAST.ParserRule {
        const rule = this.rules.get(name);
        if (!rule) throw new Error(`The grammar has no rule '${name}'`);
        return rule;
    }

    /** The grammar's elements of a rule, in the order of its text. */
    private elements(rule: string): GrammarAST.AbstractElement[] {
        return AstUtils.streamAllContents(this.rule(rule)).filter(GrammarAST.isAbstractElement).toArray();
    }

    /** The rule calls that a rule's assignment `property+=(A | B ...)` chooses between. */
    private assigned(rule: string, property: string): GrammarAST.AbstractElement[] {
        const assignment = this.nth(rule, 0, `an assignment to ${property}`, e => GrammarAST.isAssignment(e) && e.feature === property) as GrammarAST.Assignment;
        if (!GrammarAST.isAlternatives(assignment.terminal)) throw new Error(`The assignment to ${rule}.${property} is not a choice of rule calls`);
        return assignment.terminal.elements;
    }

    private call(rule: string, target: string, occurrence = 0): GrammarAST.RuleCall {
        return this.nth(rule, occurrence, `a call of ${target}`, e => GrammarAST.isRuleCall(e) && e.rule.ref?.name === target) as GrammarAST.RuleCall;
    }

    private keyword(rule: string, value: string, occurrence = 0): GrammarAST.Keyword {
        return this.nth(rule, occurrence, `the keyword '${value}'`, e => GrammarAST.isKeyword(e) && e.value === value) as GrammarAST.Keyword;
    }

    private crossReference(rule: string, occurrence: number): GrammarAST.CrossReference {
        return this.nth(rule, occurrence, 'a cross-reference', e => GrammarAST.isCrossReference(e)) as GrammarAST.CrossReference;
    }

    private nth(rule: string, occurrence: number, what: string, test: (e: GrammarAST.AbstractElement) => boolean): GrammarAST.AbstractElement {
        const found = this.elements(rule).filter(test)[occurrence];
        if (!found) throw new Error(`The rule ${rule} has no ${what} (${occurrence})`);
        return found;
    }

    /** The keywords of a rule (or those named), by token type index. */
    private keywordTable(rule: string, only?: string[]): KeywordTable {
        const table: KeywordTable = [];
        for (const element of this.elements(rule)) {
            if (!GrammarAST.isKeyword(element) || (only && !only.includes(element.value))) continue;
            const index = this.tokenTypes[element.value]?.tokenTypeIdx;
            if (index === undefined) throw new Error(`The keyword '${element.value}' has no token`);
            table[index] ??= element;
        }
        return table;
    }

    /** Adds a declaration that starts with its keyword to {@link titledDeclarations}; a deployment's members may be nodes. */
    private titled(rule: string, keyword: string, member: string, named = true): void {
        const node = this.elements(member).some(e => GrammarAST.isRuleCall(e) && e.rule.ref?.name === 'DeploymentNode') ? this.call(member, 'DeploymentNode') : undefined;
        const keywordType = this.tokenType(keyword);
        this.titledDeclarations[keywordType.tokenTypeIdx!] = {
            type: rule, call: this.call('Declaration', rule), keywordType, keyword: this.keyword(rule, keyword),
            name: named ? this.call(rule, 'Id') : undefined, title: this.call(rule, 'STRING'),
            open: this.keyword(rule, '{'), members: this.call(rule, member), close: this.keyword(rule, '}'),
            properties: this.propertyTable(member, node ? ['DeploymentNode'] : []), node
        };
    }

    /**
     * A member rule's alternatives (`ElementMember: Element | DescriptionProperty | ...`), or those of
     * an assignment (`elements`, see {@link assigned}), by the token type of the keyword each starts
     * with; `except` names the alternatives parsed otherwise.
     */
    private propertyTable(rule: string, except: string[] = [], elements = this.elements(rule)): PropertyTable {
        const table: PropertyTable = [];
        for (const element of elements) {
            if (!GrammarAST.isRuleCall(element) || !element.rule.ref || except.includes(element.rule.ref.name)) continue;
            const called = element.rule.ref.name;
            const nested = this.rules.get(called);
            if (nested && this.isAlternativesOfCalls(nested)) {
                // A rule that only chooses between other rules is not a property itself.
                throw new Error(`The rule ${rule} calls ${called}, which is not a property rule`);
            }
            const property = this.property(called);
            for (const index of property.starts) {
                if (table[index]) throw new Error(`Two alternatives of ${rule} start with the same keyword`);
                table[index] = { feature: element, rule: property.rule };
            }
        }
        return table;
    }

    private isAlternativesOfCalls(rule: GrammarAST.ParserRule): boolean {
        return GrammarAST.isAlternatives(rule.definition) && rule.definition.elements.every(e => GrammarAST.isRuleCall(e) && !e.cardinality);
    }

    /** A property rule's description, and the token types it may start with. */
    private property(name: string): { rule: PropertyRule; starts: number[] } {
        let rule = this.properties.get(name);
        if (!rule) {
            rule = this.describe(name);
            this.properties.set(name, rule);
        }
        const starts = name === 'LinkProperty'
            ? LINK_KINDS.map(k => this.tokenType(k).tokenTypeIdx!)
            : [this.tokenType(rule.keyword.value).tokenTypeIdx!];
        return { rule, starts };
    }

    private describe(name: string): PropertyRule {
        const elements = this.elements(name);
        const first = elements.find(GrammarAST.isKeyword);
        if (!first) throw new Error(`The property rule ${name} starts with no keyword`);
        const base = { type: name, keyword: first };
        const shape = SHAPES[name];
        if (!shape) throw new Error(`The fast parser does not know the rule ${name}`);
        const rest = elements.filter(e => e !== first);
        switch (shape) {
            case 'string': return { ...base, shape, value: this.call(name, 'STRING') };
            case 'text': return { ...base, shape, value: this.call(name, 'Text') };
            case 'name': return { ...base, shape, value: this.call(name, 'Name') };
            case 'int': return { ...base, shape, value: this.call(name, 'INT') };
            case 'keywordValue': {
                const call = rest.find(e => GrammarAST.isRuleCall(e)) as GrammarAST.RuleCall;
                return { ...base, shape, value: call, keywords: this.keywordTable(call.rule.ref!.name) };
            }
            case 'keywordChoice': return { ...base, shape, keywords: this.keywordTable(name, rest.filter(GrammarAST.isKeyword).map(k => k.value)) };
            case 'references': return { ...base, shape, first: this.crossReference(name, 0), comma: this.keyword(name, ','), next: this.crossReference(name, 1) };
            case 'flag': return { ...base, shape };
            case 'link': return { ...base, shape, value: this.call(name, 'STRING'), keywords: this.keywordTable(name, LINK_KINDS) };
            default: break;
        }
        const extra: Record<string, GrammarAST.AbstractElement> = {};
        let keywords: KeywordTable | undefined;
        switch (name) {
            case 'RuleProperty':
                extra.rule = this.call(name, 'Id');
                extra.severity = this.call(name, 'RuleSeverity');
                keywords = this.keywordTable('RuleSeverity');
                break;
            case 'AllowProperty':
                extra.rule = this.call(name, 'Id');
                extra.reason = this.call(name, 'STRING');
                break;
            case 'TargetProperty':
                extra.text = this.call(name, 'STRING');
                extra.percent = this.call(name, 'PERCENT');
                break;
            case 'TagsProperty':
                extra.first = this.call(name, 'STRING', 0);
                extra.comma = this.keyword(name, ',');
                extra.next = this.call(name, 'STRING', 1);
                break;
            case 'ScalingProperty':
                keywords = this.keywordTable(name, ['horizontal', 'vertical']);
                extra.min = this.keyword(name, 'min');
                extra.minValue = this.call(name, 'INT', 0);
                extra.max = this.keyword(name, 'max');
                extra.maxValue = this.call(name, 'INT', 1);
                break;
            case 'MonitoringProperty':
                extra.signal = this.call(name, 'Signal');
                keywords = this.keywordTable('Signal');
                break;
            case 'BackupProperty':
                keywords = this.keywordTable(name, ['hourly', 'daily', 'weekly', 'continuous']);
                extra.retain = this.keyword(name, 'retain');
                extra.retainValue = this.call(name, 'DURATION');
                break;
            case 'StatusProperty':
                keywords = this.keywordTable(name, ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
                extra.by = this.keyword(name, 'by');
                extra.supersededBy = this.crossReference(name, 0);
                break;
            case 'RunsProperty':
                extra.first = this.call(name, 'Instance', 0);
                extra.comma = this.keyword(name, ',');
                extra.next = this.call(name, 'Instance', 1);
                break;
            case 'IncludeProperty':
                extra.all = this.keyword(name, '*');
                extra.first = this.crossReference(name, 0);
                extra.comma = this.keyword(name, ',');
                extra.next = this.crossReference(name, 1);
                break;
            default:
                throw new Error(`The fast parser does not know the rule ${name}`);
        }
        return { ...base, shape, keywords, extra };
    }
}

/** The keywords `LinkProperty` starts with: its kind. */
const LINK_KINDS = ['link', 'source', 'runbook', 'dashboard'];

/** How each property rule of the grammar continues after its keyword. */
const SHAPES: Record<string, Shape> = {
    StageProperty: 'keywordValue',
    RuleProperty: 'special',
    DescriptionProperty: 'text',
    OwnerProperty: 'string',
    RequirementKindProperty: 'keywordValue',
    TargetProperty: 'special',
    PriorityProperty: 'keywordChoice',
    AllowProperty: 'special',
    ConstraintKindProperty: 'keywordValue',
    StandardProperty: 'keywordValue',
    ClassProperty: 'keywordValue',
    TechnologyProperty: 'string',
    TagsProperty: 'special',
    LinkProperty: 'link',
    SatisfiesProperty: 'references',
    ExposureProperty: 'keywordChoice',
    ReplicasProperty: 'int',
    ScalingProperty: 'special',
    HealthcheckProperty: 'string',
    MonitoringProperty: 'special',
    AlertProperty: 'string',
    StoresProperty: 'references',
    EncryptionProperty: 'keywordChoice',
    ReplicationProperty: 'keywordChoice',
    ShardingProperty: 'string',
    BackupProperty: 'special',
    ProtocolProperty: 'name',
    FormatProperty: 'name',
    CarriesProperty: 'references',
    EncryptedProperty: 'flag',
    AuthProperty: 'name',
    AsyncProperty: 'flag',
    DeploymentKindProperty: 'keywordChoice',
    RunsProperty: 'special',
    StatusProperty: 'special',
    DateProperty: 'string',
    AffectsProperty: 'references',
    RationaleProperty: 'text',
    ConsequencesProperty: 'text',
    IncludeProperty: 'special',
    ExcludeProperty: 'references'
};
