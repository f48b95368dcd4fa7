import { GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type Reference } from 'langium';
import * as ast from '../language/generated/ast.js';
import { freshRange, hasRange, NAME_KEYWORDS, pushRange, pushStart } from '../language/depth-limited-parser.js';
import { MarkedLazyCstNode } from '../language/cst-store.js';
import { propertyKeyword } from '../language/property-names.js';
import type {
    Allow, ArchElement, ArchModel, Architecture, Constraint, DataAsset, Decision, Deployment, DeploymentNode,
    Flow, Instance, Link, Range, Requirement, Source, SourceLocation, View
} from './arch-model.js';
import { exact, inPathOrder, pushAll } from '../util/arrays.js';
import { keywordList, PACKED_CHARACTERS, PACKED_LINES, packPosition, PackedSource } from './packed-source.js';

/** What one document declares, built once after it is linked and reused until it is linked again. */
export type ModelFragment = { uri: string; architecture?: Architecture }
    & Pick<ArchModel, 'elements' | 'flows' | 'requirements' | 'constraints' | 'data' | 'deployments' | 'decisions' | 'views'>;

/**
 * Builds the ArchModel of one workspace folder from its linked documents, taken in path order.
 * Unresolved references and references to the wrong kind of thing are left out: the validator
 * reports them, and nothing downstream has to cope with them.
 */
export function buildArchModel(documents: readonly LangiumDocument[]): ArchModel {
    return combineFragments(documents.map(doc => buildFragment(doc)));
}

/**
 * What each top-level declaration contributed, kept for a declaration that is still the same node
 * at the same place (incremental parsing keeps the declarations an edit did not touch) while each of
 * its references resolves to a declaration of the same type and id as when it was built: that is
 * all a piece reads besides its own syntax tree (see {@link refId}). So when an edit renames
 * something, only the pieces whose references it changed are built again. The place is kept as
 * numbers, not as one key string: a string built from nine pieces stays a chain of nine joins in V8.
 */
export type DeclarationPieces = WeakMap<AstNode, PieceAt>;

interface PieceAt {
    startLine: number;
    startCharacter: number;
    endLine: number;
    endCharacter: number;
    /** Each reference the piece read, then the type and the id it resolved to (undefined when it did not). */
    links: unknown[];
    piece: ModelFragment;
}

/**
 * The model of one document; `combineFragments` joins the fragments of a folder. With `lazyRanges`
 * (a build that is never edited) the declarations' sources work out their ranges when first read
 * (see {@link LazySource}).
 */
export function buildFragment(doc: LangiumDocument, pieces?: DeclarationPieces, lazyRanges = false): ModelFragment {
    const uri = doc.uri.toString();
    const fragment = emptyFragment(uri);
    const root = doc.parseResult.value as ast.Model;
    if (!ast.isModel(root)) return fragment;
    lazySources = lazyRanges;
    try {
        for (const decl of root.declarations) {
            if (pieces) appendPiece(fragment, declarationPiece(decl, uri, pieces));
            else buildPiece(decl, uri, fragment);
        }
    } finally {
        lazySources = false;
    }
    return fragment;
}

/** While a fragment is built with lazy ranges: `sourceOf` makes {@link LazySource}s. */
let lazySources = false;

function declarationPiece(decl: ast.Declaration, uri: string, cache: DeclarationPieces): ModelFragment {
    const cst = decl.$cstNode;
    if (!cst) return buildPiece(decl, uri, emptyFragment(uri));
    const cached = cache.get(decl);
    // Most declarations are where they were: asked first without making the range.
    if (cached && hasRange(cst, cached.startLine, cached.startCharacter, cached.endLine, cached.endCharacter) && linksHold(cached.links)) return cached.piece;
    const { start, end } = cst.range;
    const links: unknown[] = [];
    readLinks = links;
    try {
        const piece = withSharedEmptyLists(buildPiece(decl, uri, emptyFragment(uri)));
        // `| 0`: kept as small integers inside the object, where a position's double (Langium's come from Chevrotain's tokens) would be boxed.
        cache.set(decl, { startLine: start.line | 0, startCharacter: start.character | 0, endLine: end.line | 0, endCharacter: end.character | 0, links: exact(links), piece });
        return piece;
    } finally {
        readLinks = undefined;
    }
}

/** While a piece is built: where {@link refId} records each reference it reads, with the type and id it resolved to. */
let readLinks: unknown[] | undefined;

/** Whether each reference still resolves to the type and id recorded. */
function linksHold(links: readonly unknown[]): boolean {
    for (let i = 0; i < links.length; i += 3) {
        const target = (links[i] as Reference<ast.Named>).ref;
        if (target?.$type !== links[i + 1] || target?.name !== links[i + 2]) return false;
    }
    return true;
}

const NONE: never[] = [];
Object.freeze(NONE);

/**
 * A list the model keeps, read and never changed: without spare room (`exact`), and when empty the
 * one shared empty list, as most of an element's and a flow's lists are (32 bytes each, about
 * 100,000 of them at the benchmark's L model).
 */
function kept<T>(list: T[]): T[] {
    return list.length === 0 ? NONE : exact(list);
}

/** The lists of a fragment (emptyFragment makes them), one per kind of declaration; the model has the same. */
export const FRAGMENT_LISTS = ['elements', 'flows', 'requirements', 'constraints', 'data', 'deployments', 'decisions', 'views'] as const;

/** One of the model's lists of items. */
export type ModelList = (typeof FRAGMENT_LISTS)[number];

/** A kept piece is only read (appendPiece): its empty lists, most of its eight, can be one shared array, and the others need no spare room. */
function withSharedEmptyLists(piece: ModelFragment): ModelFragment {
    const lists = piece as unknown as Record<ModelList, unknown[]>;
    for (const list of FRAGMENT_LISTS) lists[list] = kept(lists[list]);
    return piece;
}

function emptyFragment(uri: string): ModelFragment {
    return { uri, elements: [], flows: [], requirements: [], constraints: [], data: [], deployments: [], decisions: [], views: [] };
}

/** Adds what the declaration contributes to `into`, and returns `into`. */
function buildPiece(decl: ast.Declaration, uri: string, into: ModelFragment): ModelFragment {
    switch (decl.$type) {
        case 'Architecture': into.architecture ??= buildArchitecture(decl, uri); break;
        case 'Requirement': into.requirements.push(buildRequirement(decl, uri)); break;
        case 'Constraint': into.constraints.push(buildConstraint(decl, uri)); break;
        case 'DataAsset': into.data.push(buildData(decl, uri)); break;
        case 'Element': buildElement(decl, uri, undefined, into.elements); break;
        case 'Flow': {
            const flow = buildFlow(decl, uri);
            if (flow) into.flows.push(flow);
            break;
        }
        case 'Deployment': into.deployments.push(buildDeployment(decl, uri)); break;
        case 'Decision': into.decisions.push(buildDecision(decl, uri)); break;
        case 'View': into.views.push(buildView(decl, uri)); break;
    }
    return into;
}

function appendPiece(fragment: ModelFragment, piece: ModelFragment): void {
    fragment.architecture ??= piece.architecture;
    // Indexed loops: this runs for every declaration of a file on every edit, and most lists are empty.
    for (let l = 0; l < FRAGMENT_LISTS.length; l++) {
        const from = piece[FRAGMENT_LISTS[l]] as readonly unknown[];
        if (from.length === 0) continue;
        const to = fragment[FRAGMENT_LISTS[l]] as unknown[];
        for (let i = 0; i < from.length; i++) to.push(from[i]);
    }
}

/** The model of a folder from the fragments of its documents, in path order; linear in their size. */
export function combineFragments(fragments: readonly ModelFragment[]): ArchModel {
    const sorted = [...fragments].sort((a, b) => inPathOrder(a.uri, b.uri));
    const model: ArchModel = {
        stage: 'whiteboard', elements: [], flows: [], requirements: [], constraints: [], data: [],
        deployments: [], decisions: [], views: [], uris: sorted.map(f => f.uri)
    };
    // A flow's key numbers the flows between the same two elements across the whole model. One
    // map for all pairs: a map per source was 10,000 maps made again on every edit at the benchmark's L.
    const flowCounts = new Map<string, number>();
    for (const f of sorted) {
        model.architecture ??= f.architecture;
        for (const element of f.elements) model.elements.push(element);
        for (const flow of f.flows) {
            const pair = `${flow.source}\u0000${flow.target}`;
            const n = (flowCounts.get(pair) ?? 0) + 1;
            flowCounts.set(pair, n);
            model.flows.push(keyed(flow, n));
        }
        for (const r of f.requirements) model.requirements.push(r);
        for (const c of f.constraints) model.constraints.push(c);
        for (const d of f.data) model.data.push(d);
        for (const d of f.deployments) model.deployments.push(d);
        for (const d of f.decisions) model.decisions.push(d);
        for (const v of f.views) model.views.push(v);
    }
    model.stage = model.architecture?.stage ?? 'whiteboard';
    return model;
}

/** Per fragment flow that is not the first between its two elements: its copy with the key of the n-th, kept while n stays. */
const keyedFlows = new WeakMap<Flow, { n: number; flow: Flow }>();

/** The key of the n-th flow (from 1) between two elements. */
function flowKey(source: string, target: string, n: number): string {
    return `${source}->${target}#${n}`;
}

function keyed(flow: Flow, n: number): Flow {
    // A fragment's flow has the first key between its two elements (buildFlow).
    if (n === 1) return flow;
    const cached = keyedFlows.get(flow);
    if (cached?.n === n) return cached.flow;
    const copy = { ...flow, key: flowKey(flow.source, flow.target, n) };
    keyedFlows.set(flow, { n, flow: copy });
    return copy;
}

// ── Helpers ────────────────────────────────────────────────────────────────

const isKeyword = GrammarAST.isKeyword;

/** A range of the node's own: readiness reuse maps each position object of the model to its counterpart, so none may be shared. */
function rangeOf(node: AstNode | undefined): Range {
    return node?.$cstNode ? freshRange(node.$cstNode) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}


// The CST nodes of the node itself: its children, and theirs where they still belong to the node
// (data type rules such as ids), never the CST of another AST node. Langium's findNodeFor* search
// the whole subtree, which for a system is every part it contains, again for each part (quadratic in
// the nesting), and for a flow without a block or a name the whole flow, only to find nothing.
function ownNodes(node: AstNode): CstNode[] {
    const out: CstNode[] = [];
    const visit = (cst: CstNode): void => {
        if (!isCompositeCstNode(cst)) return;
        for (const child of cst.content) {
            out.push(child);
            if (isCompositeCstNode(child) && child.astNode === node) visit(child);
        }
    };
    if (node.$cstNode) visit(node.$cstNode);
    return out;
}

/** The node's own keyword: the first one, or the last with `last` (a block's closing brace). */
function keywordRange(node: AstNode, keyword: string, last = false, own = ownNodes(node)): Range | undefined {
    const cst = ownKeyword(own, keyword, last);
    return cst ? freshRange(cst) : undefined;
}

/** The CST node of a keyword among a node's own nodes: the first, or the last with `last`. */
function ownKeyword(own: CstNode[], keyword: string, last: boolean): CstNode | undefined {
    // The grammar's keyword, not the node's text: that is a new string cut from the file's each time.
    const fits = (c: CstNode) => !c.hidden && isKeyword(c.grammarSource) && c.grammarSource.value === keyword;
    return last ? own.findLast(fits) : own.find(fits);
}

/**
 * A declaration's source: in the language server a {@link PackedSource}, its places as numbers that
 * become the model's objects when read; in the command line a {@link LazySource}.
 */
function sourceOf(node: AstNode & { members?: AstNode[] }, uri: string, nameAt: NameAt = 'name'): Source {
    if (lazySources) return new LazySource(node, uri, nameAt);
    // Lines and characters, in PackedSource's order.
    const raw = rawPlaces;
    raw.length = 0;
    const marked = node.$cstNode instanceof MarkedLazyCstNode ? node.$cstNode : undefined;
    if (marked && (typeof nameAt === 'string' ? nameAt === 'name' : NAME_KEYWORDS.includes(nameAt.keyword))) {
        // A file parsed without its tree: the stand-in knows the places, and the tree is not made
        // again. Its keyword is the node's first of NAME_KEYWORDS, which is the one asked for: no
        // declaration has the other among its own tokens (an id that is a keyword is not one).
        const name = typeof nameAt !== 'string' ? marked.keywordRange : nameAt in node ? marked.nameRange : undefined;
        const { start, end } = name ?? marked.range;
        raw.push(start.line, start.character, end.line, end.character);
        pushNodeRange(marked, raw);
        const open = marked.openStart;
        const close = marked.closeStart;
        if (open && close) raw.push(open.line, open.character, close.line, close.character);
    } else {
        const own = ownNodes(node);
        pushNodeRange(nameNode(node, nameAt, own), raw);
        pushNodeRange(node.$cstNode, raw);
        const open = ownKeyword(own, '{', false);
        const close = ownKeyword(own, '}', true);
        if (open && close) {
            pushStart(open, raw);
            pushStart(close, raw);
        }
    }
    const keywords: string[] = [];
    forEachFirstProperty(node, (keyword, member) => {
        keywords.push(keyword);
        pushNodeRange(member.$cstNode, raw);
    });
    const at: number[] = [];
    for (let i = 0; i < raw.length; i += 2) {
        if (raw[i] >= PACKED_LINES || raw[i + 1] >= PACKED_CHARACTERS) return plainSourceOf(node, uri, nameAt, ownNodes(node));
        at.push(packPosition(raw[i], raw[i + 1]));
    }
    return new PackedSource(uri, exact(at), keywordList(keywords));
}

/** Where {@link sourceOf} gathers a declaration's places: one list, so that nothing is made per declaration. */
const rawPlaces: number[] = [];

/** The source as plain objects: for a declaration with a place beyond what a PackedSource holds (a line of 16 million characters). */
function plainSourceOf(node: AstNode & { members?: AstNode[] }, uri: string, nameAt: NameAt, own: CstNode[]): Source {
    return { name: nameLocation(node, uri, nameAt, own), full: rangeOf(node), block: blockOf(node, own), properties: propertyRanges(node) };
}

/** The node's range, as {@link rangeOf} makes it, appended to `at` as numbers. */
function pushNodeRange(cst: CstNode | undefined, at: number[]): void {
    if (cst) pushRange(cst, at);
    else at.push(0, 0, 0, 0);
}

/** The CST node {@link nameLocation} takes its range from. */
function nameNode(node: AstNode, nameAt: NameAt, own: CstNode[]): CstNode | undefined {
    if (typeof nameAt !== 'string') return ownKeyword(own, nameAt.keyword, false) ?? node.$cstNode;
    if (!(nameAt in node)) return node.$cstNode;
    return own.find(c => GrammarUtils.findAssignment(c)?.feature === nameAt) ?? node.$cstNode;
}

/** Where a declaration's `{ ... }` block opens and closes, when it has one. */
function blockOf(node: AstNode, own = ownNodes(node)): Source['block'] {
    const open = keywordRange(node, '{', false, own);
    const close = keywordRange(node, '}', true, own);
    return open && close ? { open: open.start, close: close.start } : undefined;
}

/** Where each of a declaration's properties was written (the first one, for repeatable properties). */
function propertyRanges(node: { members?: AstNode[] }): Source['properties'] {
    const properties: Partial<Record<string, Range>> = {};
    forEachFirstProperty(node, (keyword, member) => properties[keyword] = rangeOf(member));
    return properties;
}

/** Calls `f` with each property's keyword and the member that first writes it, in the order written. */
function forEachFirstProperty(node: { members?: AstNode[] }, f: (keyword: string, member: AstNode) => void): void {
    // A list, not a set: a declaration writes a handful of properties.
    const seen: string[] = [];
    for (const member of node.members ?? []) {
        const keyword = propertyKeyword(member);
        if (!keyword || seen.includes(keyword)) continue;
        seen.push(keyword);
        f(keyword, member);
    }
}

/**
 * A declaration's {@link Source} for a build that is never edited (the command line): each part is
 * worked out from the syntax tree when first read, then kept. The command line keeps the trees to
 * the end, and of the model's tens of thousands of sources its rules read the few they report on;
 * making every range at once was about a tenth of a check. Read, each part is what `sourceOf`
 * makes, and `toJSON` gives the plain object (test/language/build-once.test.ts holds the models
 * equal).
 */
class LazySource implements Source {
    private nameLocation?: SourceLocation;
    private fullRange?: Range;
    private blockAt?: Source['block'] | null;
    private propertyAt?: Source['properties'];

    constructor(private readonly node: AstNode & { members?: AstNode[] }, private readonly uri: string, private readonly nameAt: NameAt) {}

    get name(): SourceLocation {
        return this.nameLocation ??= nameLocation(this.node, this.uri, this.nameAt);
    }

    get full(): Range {
        return this.fullRange ??= rangeOf(this.node);
    }

    get block(): Source['block'] {
        if (this.blockAt === undefined) this.blockAt = blockOf(this.node) ?? null;
        return this.blockAt ?? undefined;
    }

    get properties(): Source['properties'] {
        return this.propertyAt ??= propertyRanges(this.node);
    }

    toJSON(): Source {
        return { name: this.name, full: this.full, block: this.block, properties: this.properties };
    }
}

/** Where diagnostics about a declaration start: the property that holds its id, or a keyword of its own. */
type NameAt = string | { keyword: string };

/** A flow has no name: diagnostics about it start at its arrow. */
const ARROW: NameAt = { keyword: '->' };

/** Where diagnostics about a declaration start (see {@link NameAt}), or else the whole of it. */
function nameLocation(node: AstNode, uri: string, nameAt: NameAt, own = ownNodes(node)): SourceLocation {
    const cst = nameNode(node, nameAt, own);
    return { uri, range: cst ? freshRange(cst) : rangeOf(undefined) };
}

function location(node: AstNode, uri: string): SourceLocation {
    return { uri, range: rangeOf(node) };
}

/** The referenced declaration's id, if the reference resolved to one of the given types. */
function refId(ref: Reference<ast.Named> | undefined, ...types: string[]): string | undefined {
    const target = ref?.ref;
    if (ref && readLinks) readLinks.push(ref, target?.$type, target?.name);
    if (!target || (types.length > 0 && !types.includes(target.$type))) return undefined;
    return target.name;
}

function refIds(refs: readonly Reference<ast.Named>[], ...types: string[]): string[] {
    return refs.map(r => refId(r, ...types)).filter((id): id is string => id !== undefined);
}

function membersOf<T extends AstNode>(node: { members?: AstNode[] }, guard: (n: unknown) => n is T): T[] {
    return (node.members ?? []).filter(guard);
}

function first<T extends AstNode>(node: { members?: AstNode[] }, guard: (n: unknown) => n is T): T | undefined {
    return (node.members ?? []).find(guard) as T | undefined;
}

function allowsOf(node: { members?: AstNode[] }, uri: string): Allow[] {
    const allows: Allow[] = [];
    for (const a of membersOf(node, ast.isAllowProperty)) pushAllow(allows, a, uri);
    return allows;
}

function pushAllow(allows: Allow[], a: ast.AllowProperty, uri: string): void {
    // While the user types, the parser's recovery can leave `allow` and `rule` without their rule id.
    if (a.rule) allows.push({ rule: a.rule, reason: a.reason, location: location(a, uri) });
}

function pushRefIds(ids: string[], refs: readonly Reference<ast.Named>[], type: string): void {
    for (const r of refs) {
        const id = refId(r, type);
        if (id !== undefined) ids.push(id);
    }
}

// ── Declarations ───────────────────────────────────────────────────────────

function buildArchitecture(node: ast.Architecture, uri: string): Architecture {
    const source = sourceOf(node, uri, { keyword: 'architecture' });
    return {
        title: node.title,
        stage: first(node, ast.isStageProperty)?.value ?? 'whiteboard',
        description: first(node, ast.isDescriptionProperty)?.value,
        owner: first(node, ast.isOwnerProperty)?.value,
        rules: membersOf(node, ast.isRuleProperty).filter(r => r.rule && r.severity).map(r => ({ rule: r.rule, severity: r.severity, location: location(r, uri) })),
        decl: source
    };
}

function buildRequirement(node: ast.Requirement, uri: string): Requirement {
    const target = first(node, ast.isTargetProperty);
    return {
        id: node.name,
        title: node.title,
        kind: first(node, ast.isRequirementKindProperty)?.value,
        target: target ? (target.percent !== undefined ? { percent: parseFloat(target.percent) } : { text: target.text }) : undefined,
        priority: first(node, ast.isPriorityProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

function buildConstraint(node: ast.Constraint, uri: string): Constraint {
    return {
        id: node.name,
        title: node.title,
        kind: first(node, ast.isConstraintKindProperty)?.value,
        standard: first(node, ast.isStandardProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

function buildData(node: ast.DataAsset, uri: string): DataAsset {
    return {
        id: node.name,
        title: node.title,
        class: first(node, ast.isClassProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        owner: first(node, ast.isOwnerProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

// Elements and flows are most of a model: their builders read their members in one pass, where a
// `first` or `membersOf` per property would scan the members once for each of the twenty kinds.
// The first of a kind wins, as with `first`; the lists keep the members' order.

function buildElement(node: ast.Element, uri: string, parent: string | undefined, out: ArchElement[]): ArchElement {
    let description: ast.DescriptionProperty | undefined, technology: ast.TechnologyProperty | undefined, owner: ast.OwnerProperty | undefined;
    let exposure: ast.ExposureProperty | undefined, replicas: ast.ReplicasProperty | undefined, scaling: ast.ScalingProperty | undefined;
    let healthcheck: ast.HealthcheckProperty | undefined, monitoring: ast.MonitoringProperty | undefined, encryption: ast.EncryptionProperty | undefined;
    let replication: ast.ReplicationProperty | undefined, sharding: ast.ShardingProperty | undefined, backup: ast.BackupProperty | undefined;
    const tags: string[] = [], links: Link[] = [], satisfies: string[] = [], alerts: string[] = [], stores: string[] = [], allows: Allow[] = [];
    const children: ast.Element[] = [];
    for (const member of node.members) {
        switch (member.$type) {
            case 'DescriptionProperty': description ??= member; break;
            case 'TechnologyProperty': technology ??= member; break;
            case 'OwnerProperty': owner ??= member; break;
            case 'TagsProperty': pushAll(tags, member.values); break;
            case 'LinkProperty': links.push({ kind: member.kind, target: member.value, location: location(member, uri) }); break;
            case 'SatisfiesProperty': pushRefIds(satisfies, member.refs, 'Requirement'); break;
            case 'ExposureProperty': exposure ??= member; break;
            case 'ReplicasProperty': replicas ??= member; break;
            case 'ScalingProperty': scaling ??= member; break;
            case 'HealthcheckProperty': healthcheck ??= member; break;
            case 'MonitoringProperty': monitoring ??= member; break;
            case 'AlertProperty': alerts.push(member.value); break;
            case 'StoresProperty': pushRefIds(stores, member.refs, 'DataAsset'); break;
            case 'EncryptionProperty': encryption ??= member; break;
            case 'ReplicationProperty': replication ??= member; break;
            case 'ShardingProperty': sharding ??= member; break;
            case 'BackupProperty': backup ??= member; break;
            case 'AllowProperty': pushAllow(allows, member, uri); break;
            case 'Element': children.push(member); break;
        }
    }
    const element: ArchElement = {
        id: node.name,
        kind: node.kind,
        title: node.title,
        description: description?.value,
        technology: technology?.value,
        owner: owner?.value,
        // The model keeps its lists: exact ones, without the spare room that pushing leaves.
        tags: kept(tags),
        links: kept(links),
        satisfies: kept(satisfies),
        exposure: exposure?.value,
        replicas: replicas?.value,
        scaling: scaling ? { mode: scaling.mode, min: scaling.min, max: scaling.max } : undefined,
        healthcheck: healthcheck?.value,
        monitoring: monitoring?.signals,
        alerts: kept(alerts),
        stores: kept(stores),
        encryptionAtRest: encryption !== undefined,
        replication: replication?.value,
        sharding: sharding?.value,
        backup: backup ? { frequency: backup.frequency, retain: backup.retain } : undefined,
        allows: kept(allows),
        parent,
        children: NONE,
        decl: sourceOf(node, uri)
    };
    out.push(element);
    if (children.length > 0) element.children = children.map(child => buildElement(child, uri, element.id, out).id);
    return element;
}

function buildFlow(node: ast.Flow, uri: string): Flow | undefined {
    const source = refId(node.source, 'Element');
    const target = refId(node.target, 'Element');
    if (!source || !target) return undefined;
    let protocol: ast.ProtocolProperty | undefined, format: ast.FormatProperty | undefined, encrypted: ast.EncryptedProperty | undefined;
    let auth: ast.AuthProperty | undefined, async: ast.AsyncProperty | undefined, description: ast.DescriptionProperty | undefined;
    const carries: string[] = [], allows: Allow[] = [];
    for (const member of node.members) {
        switch (member.$type) {
            case 'ProtocolProperty': protocol ??= member; break;
            case 'FormatProperty': format ??= member; break;
            case 'CarriesProperty': pushRefIds(carries, member.refs, 'DataAsset'); break;
            case 'EncryptedProperty': encrypted ??= member; break;
            case 'AuthProperty': auth ??= member; break;
            case 'AsyncProperty': async ??= member; break;
            case 'DescriptionProperty': description ??= member; break;
            case 'AllowProperty': pushAllow(allows, member, uri); break;
        }
    }
    const decl = sourceOf(node, uri, ARROW);
    return {
        // Numbered by combineFragments; most flows are the first between their two elements, and
        // keep this key (and are not copied).
        key: flowKey(source, target, 1),
        source,
        target,
        label: node.label,
        protocol: protocol?.value,
        format: format?.value,
        carries: kept(carries),
        encrypted: encrypted !== undefined,
        auth: auth?.value,
        async: async !== undefined,
        description: description?.value,
        allows: kept(allows),
        decl
    };
}

function buildDeployment(node: ast.Deployment, uri: string): Deployment {
    const deployment: Deployment = {
        id: node.name,
        title: node.title,
        kind: first(node, ast.isDeploymentKindProperty)?.value ?? 'production',
        description: first(node, ast.isDescriptionProperty)?.value,
        nodes: [],
        instances: [],
        zones: [],
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
    for (const child of membersOf(node, ast.isDeploymentNode)) {
        deployment.nodes.push(buildNode(child, uri, deployment, undefined));
    }
    return deployment;
}

function buildNode(node: ast.DeploymentNode, uri: string, deployment: Deployment, zone: string | undefined): DeploymentNode {
    const ownZone = node.kind === 'zone' ? node.name : zone;
    if (node.kind === 'zone') deployment.zones.push(node.name);
    const result: DeploymentNode = {
        id: node.name,
        kind: node.kind,
        title: node.title,
        technology: first(node, ast.isTechnologyProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        children: [],
        instances: [],
        decl: sourceOf(node, uri)
    };
    for (const member of node.members) {
        if (ast.isRunsProperty(member)) {
            for (const instance of member.instances) {
                const element = refId(instance.element, 'Element');
                if (!element) continue;
                const count = instance.count && /^x[1-9][0-9]*$/.test(instance.count) ? parseInt(instance.count.slice(1), 10) : 1;
                const built: Instance = { element, count, deployment: deployment.id, node: node.name, zone: ownZone, location: location(instance, uri) };
                result.instances.push(built);
                deployment.instances.push(built);
            }
        } else if (ast.isDeploymentNode(member)) {
            result.children.push(buildNode(member, uri, deployment, ownZone));
        }
    }
    return result;
}

function buildDecision(node: ast.Decision, uri: string): Decision {
    const status = first(node, ast.isStatusProperty);
    return {
        id: node.name,
        title: node.title,
        status: status?.value,
        supersededBy: status ? refId(status.supersededBy, 'Decision') : undefined,
        date: first(node, ast.isDateProperty)?.value,
        affects: membersOf(node, ast.isAffectsProperty).flatMap(a => refIds(a.refs, 'Element')),
        rationale: first(node, ast.isRationaleProperty)?.value,
        consequences: first(node, ast.isConsequencesProperty)?.value,
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}

const SUBJECT_TYPES: Record<string, string> = { of: 'Element', deployment: 'Deployment', dataflow: 'DataAsset' };

function buildView(node: ast.View, uri: string): View {
    const form = node.form ?? 'landscape';
    const includes = membersOf(node, ast.isIncludeProperty);
    return {
        id: node.name,
        title: node.title,
        form,
        subject: SUBJECT_TYPES[form] ? refId(node.subject, SUBJECT_TYPES[form]) : undefined,
        include: includes.some(i => i.all) ? '*' : includes.flatMap(i => refIds(i.refs, 'Element')),
        exclude: membersOf(node, ast.isExcludeProperty).flatMap(e => refIds(e.refs, 'Element')),
        steps: membersOf(node, ast.isSequenceStep).flatMap(step => {
            const source = refId(step.source, 'Element');
            const target = refId(step.target, 'Element');
            return source && target ? [{ source, target, label: step.label, location: location(step, uri) }] : [];
        }),
        description: first(node, ast.isDescriptionProperty)?.value,
        allows: allowsOf(node, uri),
        decl: sourceOf(node, uri)
    };
}
