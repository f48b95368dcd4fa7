import { AstUtils, GrammarUtils, WorkspaceCache, type Reference, type AstNode, type AstNodeDescription, type LangiumDocument, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import type { ArchwrightServices } from '../module.js';
import * as ast from './generated/ast.js';
import type { ModelFolders } from './model-folders.js';
import { propertyKeyword, REPEATABLE_PROPERTIES } from './property-names.js';
import { canContainElements, propertyFits } from './property-rules.js';
import { referencesOf } from '../util/ast-walk.js';
import { inPathOrder, pushAll } from '../util/arrays.js';
import { describeKind, expectedKindOf, fitsKind } from './reference-kinds.js';

/** Codes of the core diagnostics (rules.md, "Core diagnostics"): errors at every stage. */
export const CoreCodes = {
    syntaxError: 'syntax-error',
    unresolvedReference: 'unresolved-reference',
    duplicateId: 'duplicate-id',
    wrongKind: 'wrong-kind',
    selfFlow: 'self-flow',
    duplicateArchitecture: 'duplicate-architecture',
    duplicateProperty: 'duplicate-property',
    misplacedProperty: 'misplaced-property'
} as const;
export const CORE_CODES: ReadonlySet<string> = new Set(Object.values(CoreCodes));

interface Declared { name: string; uri: string; range: Range }

/**
 * What the core checks of a declaration read outside it, recorded while one is checked (see
 * ArchwrightDocumentValidator.validateAstNodes): what each of its references resolves to, and how
 * many declarations share each id it declares. Its checks would say the same again while all of
 * that holds: they read nothing else of other declarations but the kind and name of an element's
 * container.
 */
export class CheckReads {
    private readonly open: { reads: unknown[]; keepable: boolean }[] = [];

    /** Starts recording for a declaration (one nested in another records into both). */
    begin(): void {
        this.open.push({ reads: [], keepable: true });
    }

    /** Stops recording for the innermost declaration: what it read, or undefined when its answer cannot be kept. */
    end(): unknown[] | undefined {
        const done = this.open.pop()!;
        const outer = this.open[this.open.length - 1];
        if (outer) {
            pushAll(outer.reads, done.reads);
            outer.keepable &&= done.keepable;
        }
        return done.keepable ? done.reads : undefined;
    }

    /** Adds what a declaration read, whose kept answer is replayed within the one being recorded. */
    replayed(reads: readonly unknown[]): void {
        const current = this.open[this.open.length - 1];
        if (current) pushAll(current.reads, reads);
    }

    reference(reference: Reference, target: AstNode | undefined): void {
        this.open[this.open.length - 1]?.reads.push(reference, target);
    }

    /** An id and the declarations that share it: past one, the answer names where the others are, and is not kept. */
    id(declarations: readonly unknown[] | undefined, count: IdCount): void {
        const current = this.open[this.open.length - 1];
        if (!current) return;
        if ((declarations?.length ?? 0) > 1) current.keepable = false;
        else current.reads.push(count, declarations?.length ?? 0);
    }

    /** Whether what was read still holds. */
    static hold(reads: readonly unknown[]): boolean {
        for (let i = 0; i < reads.length; i += 2) {
            const what = reads[i], was = reads[i + 1];
            if (what instanceof IdCount ? what.now() !== was : (what as Reference).ref !== was) return false;
        }
        return true;
    }
}

/**
 * What a duplicate-id check read: how many declarations of the folder have the id. An object
 * rather than a closure, which with its context took 128 bytes (12,600 are kept at L).
 */
class IdCount {
    constructor(private readonly folders: ModelFolders, private readonly folder: string, private readonly name: string) {}

    now(): number {
        return this.folders.idsOf(this.folder).get(this.name)?.length ?? 0;
    }
}

/**
 * The core checks: duplicates, kinds of references, self-flows, misplaced and repeated properties.
 * Checks that need the whole model read the folder's index (duplicate ids, ModelFolders.idsOf) or a
 * cache that lives until the next change (duplicate architecture).
 */
export class ArchwrightValidator {
    /** What the checks read outside the declaration being checked, for keeping their answer (see {@link CheckReads}). */
    readonly reads = new CheckReads();
    private readonly folders: ModelFolders;
    private readonly architectures: WorkspaceCache<string, { uri: string; node: ast.Architecture }[]>;

    constructor(private readonly services: ArchwrightServices) {
        this.folders = services.shared.model.ModelFolders;
        this.architectures = new WorkspaceCache(services.shared);
    }

    register(): void {
        const checks: ValidationChecks<ast.ArchwrightAstType> = {
            Model: (model, accept) => this.checkArchitectures(model, this.folders.folderOf(AstUtils.getDocument(model).uri), accept),
            AstNode: (node, accept) => this.checkNode(node, accept)
        };
        this.services.validation.ValidationRegistry.register(checks, this);
    }

    /** The core checks of one node; the document validator walks the file once for all of them. */
    private checkNode(node: AstNode, accept: ValidationAcceptor): void {
        if ('name' in node && typeof node.name === 'string' && node.$type !== 'Instance') {
            const document = AstUtils.getDocument(node);
            this.checkDuplicateId(node as AstNode & { name: string }, document, this.folders.folderOf(document.uri), accept);
        }
        if ('members' in node && Array.isArray(node.members)) this.checkProperties(node as AstNode & { members: AstNode[] }, accept);
        if (ast.isElement(node) && ast.isElement(node.$container) && !canContainElements(node.$container.kind)) {
            accept('error', `${node.name} is nested in ${node.$container.name}, ${describeKind(node.$container)}; only a system can contain elements.`,
                { node, property: 'kind', code: CoreCodes.misplacedProperty });
        }
        if (ast.isFlow(node)) this.checkSelfFlow(node, accept);
        if (ast.isInstance(node) && node.count !== undefined && !/^x[1-9][0-9]*$/.test(node.count)) {
            accept('error', `'${node.count}' is not an instance count: write x1, x2... after the element, or separate elements with commas.`,
                { node, property: 'count', code: CoreCodes.syntaxError });
        }
        for (const ref of referencesOf(node)) {
            const reference = ref.reference as Reference;
            this.reads.reference(reference, reference.ref);
            this.checkKind(ref.container, ref.property, ref.index, reference, accept);
        }
    }

    private checkKind(container: AstNode, property: string, index: number | undefined, reference: { ref?: AstNode; $refText: string }, accept: ValidationAcceptor): void {
        const target = reference.ref;
        const expected = expectedKindOf(container, property);
        if (!target || !expected || fitsKind(target, expected)) return;
        const name = (target as AstNode & { name: string }).name;
        accept('error', `${name} is ${describeKind(target)}; ${expected.where} needs ${expected.noun}.`,
            { node: container, property, index, code: CoreCodes.wrongKind, data: { expected: expected.type } });
    }

    private checkSelfFlow(flow: ast.Flow, accept: ValidationAcceptor): void {
        const source = flow.source?.ref;
        if (source && source === flow.target?.ref) {
            accept('error', `The flow starts and ends at ${source.name}: a flow must join two different elements.`,
                { node: flow, keyword: '->', code: CoreCodes.selfFlow });
        }
    }

    private checkProperties(node: AstNode & { members: AstNode[] }, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        const owner = ast.isElement(node) ? node.kind : undefined;
        for (const member of node.members) {
            const keyword = propertyKeyword(member);
            if (!keyword) continue;
            if (owner) {
                const fits = propertyFits(owner, keyword);
                if (fits) {
                    accept('error', `${keyword} does not apply to ${(node as ast.Element).name}, ${describeKind(node)}: it is for ${fits}.`,
                        { node: member, keyword: keyword === 'encryption' ? 'encryption' : keyword, code: CoreCodes.misplacedProperty });
                }
            }
            if (REPEATABLE_PROPERTIES.has(keyword)) continue;
            if (seen.has(keyword)) {
                accept('error', `${keyword} is given more than once here; keep one.`,
                    { node: member, keyword, code: CoreCodes.duplicateProperty });
            }
            seen.add(keyword);
        }
    }

    private checkDuplicateId(node: AstNode & { name: string }, document: LangiumDocument, folder: string, accept: ValidationAcceptor): void {
        // Most ids are declared once: that is known from the index without a range per declaration.
        const declarations = this.folders.idsOf(folder).get(node.name);
        this.reads.id(declarations, new IdCount(this.folders, folder, node.name));
        if (!declarations || declarations.length < 2) return;
        const all = declared(node.name, declarations);
        if (all.length < 2) return;
        const here = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range;
        const others = all.filter(d => !(d.uri === document.uri.toString() && here && d.range.start.line === here.start.line && d.range.start.character === here.start.character));
        // In file and position order: the index's order depends on the order files were last indexed in.
        others.sort((a, b) => inPathOrder(a.uri, b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        const related: DiagnosticRelatedInformation[] = others.map(o => ({
            location: { uri: o.uri, range: o.range },
            message: `${node.name} is also declared here`
        }));
        accept('error', `${node.name} is declared ${all.length} times; ids must be unique across the model.`,
            { node, property: 'name', code: CoreCodes.duplicateId, relatedInformation: related });
    }

    private checkArchitectures(model: ast.Model, folder: string, accept: ValidationAcceptor): void {
        const mine = model.declarations.filter(ast.isArchitecture);
        if (mine.length === 0) return;
        const all = this.architectures.get(folder, () => {
            const docs = this.services.shared.workspace.LangiumDocuments.all
                .filter(d => this.folders.folderOf(d.uri) === folder)
                .toArray()
                .sort((a, b) => inPathOrder(a.uri.toString(), b.uri.toString()));
            return docs.flatMap(d => (d.parseResult.value as ast.Model).declarations?.filter(ast.isArchitecture).map(node => ({ uri: d.uri.toString(), node })) ?? []);
        });
        const firstOne = all[0];
        for (const node of mine) {
            if (firstOne && firstOne.node === node) continue;
            const range = firstOne?.node.$cstNode ? GrammarUtils.findNodeForKeyword(firstOne.node.$cstNode, 'architecture')?.range : undefined;
            accept('error', 'The model already has an architecture declaration; only the first one (in path order) counts. Merge this one into it.', {
                node, keyword: 'architecture', code: CoreCodes.duplicateArchitecture,
                relatedInformation: firstOne && range ? [{ location: { uri: firstOne.uri, range }, message: 'the architecture declaration that counts' }] : undefined
            });
        }
    }
}

/** The declarations of an id (the folder index holds them once per indexing), with where each name is. */
function declared(name: string, declarations: readonly AstNodeDescription[]): Declared[] {
    const out: Declared[] = [];
    for (const d of declarations) {
        const range = d.nameSegment?.range ?? d.selectionSegment?.range;
        if (range) out.push({ name, uri: d.documentUri.toString(), range });
    }
    return out;
}
