import {
    AstUtils, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument,
    type ValidationAcceptor, type ValidationCategory, type ValidationCheck, type ValidationOptions, type ValidationRegistry
} from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ArchwrightServices } from '../module.js';
import { CheckReads, CoreCodes } from '../language/validator.js';
import { expectedKindOf, fitsKind } from '../language/reference-kinds.js';
import type { ModelFolders } from '../language/model-folders.js';
import { nearest, nearestLimit } from '../util/edit-distance.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import type { ReadinessService } from '../rules/readiness-service.js';
import { ruleDocsUri } from './rule-docs.js';
import { TextFileSystemProvider } from '../language/text-files.js';
import { childrenOf, walkAst } from '../util/ast-walk.js';
import { exact } from '../util/arrays.js';
import { ArchwrightDocumentBuilder } from '../language/document-builder.js';
import { isElement, isModel } from '../language/generated/ast.js';
import type { KeepOptions } from '../util/keep-options.js';

/** One call of a validation acceptor: severity, message and where. */
type KeptCall = Parameters<ValidationAcceptor>;
const NO_CALLS: readonly KeptCall[] = Object.freeze([]);

const SEVERITIES = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/**
 * Langium's validation plus what Archwright adds: every syntax error carries `syntax-error`,
 * unresolved references say what they name and suggest the nearest id of the right kind, and the
 * readiness rules' diagnostics of the model are added to each file they land in.
 */
export class ArchwrightDocumentValidator extends DefaultDocumentValidator {
    private readonly readiness: ReadinessService;
    private readonly folders: ModelFolders;
    private readonly services: ArchwrightServices;
    /** What the checks said of each top-level declaration at its last validation (see validateAstNodes). */
    private readonly keptChecks = new WeakMap<AstNode, { key: string; calls: readonly KeptCall[]; reads: readonly unknown[] }>();
    /** Of the last validation: the top-level declarations checked, those whose checks' answer was kept, and the nested elements whose answer was kept. */
    lastValidation = { checked: 0, kept: 0, keptElements: 0 };

    /** Whether each declaration's answer is kept for the next edit (see validateAstNodes). */
    private readonly keepForEdits: boolean;

    constructor(services: ArchwrightServices, options: KeepOptions = {}) {
        super(services);
        this.keepForEdits = options.keepForEdits !== false;
        this.services = services;
        this.readiness = services.rules.Readiness;
        this.folders = services.shared.model.ModelFolders;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const unreadable = this.unreadable(document);
        if (unreadable) return [unreadable];
        let diagnostics = await super.validateDocument(document, options, cancelToken);
        const syntaxStarts = new Set<string>();
        for (const d of diagnostics) {
            const code = (d.data as { code?: string } | undefined)?.code;
            if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
                d.code = CoreCodes.syntaxError;
                if (typeof d.message === 'string') d.message = friendlySyntaxMessage(d.message, document.textDocument.getText(d.range));
                syntaxStarts.add(`${d.range.start.line}:${d.range.start.character}`);
            }
        }
        // The parser's recovery can read a misspelt word as a reference; one problem, one message.
        diagnostics = diagnostics.filter(d => d.code !== CoreCodes.unresolvedReference || !syntaxStarts.has(`${d.range.start.line}:${d.range.start.character}`));
        try {
            for (const d of this.readiness.diagnosticsOf(document.uri.toString())) diagnostics.push(toLspDiagnostic(d));
        } catch (error) {
            console.error('Readiness rules failed:', error);
        }
        return diagnostics;
    }

    /**
     * Langium's walk, without its per-node costs: it awaits a cancellation check and every check for
     * each node, and builds a stream of checks per node. Here the checks of each node type are looked
     * up once per validation, a check is awaited only when it returns a promise, and cancellation is
     * checked every few hundred nodes. About a third of the validation time of a large model.
     *
     * And a top-level declaration, or an element nested in another, that incremental parsing kept
     * (the same object as at the last validation) gets what its checks said then, while what they
     * read outside it still holds: each of its references resolves to the same node, and each id it
     * declares is declared as many times (ArchwrightValidator.reads, CheckReads). The checks of a
     * declaration read its own nodes and, through references and the folder's index of ids, only
     * that, so they would say the same again; renaming an id elsewhere checks again only the
     * declarations that referred to it. A nested element's also read the kind and name of the element that
     * holds it, which incremental parsing keeps an element within only when the edit was inside
     * another of its members (it copies the container; its header is the same text). What they
     * said is kept as the acceptor's calls, not as diagnostics: replayed, each range is worked out
     * again from the node, so a declaration that moved (lines added above it) is still right. Calls
     * that carry positions of their own (a range, related locations) are never kept.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        const checksByType = new Map<string, ValidationCheck[]>();
        const checksOf = (type: string): ValidationCheck[] => {
            let checks = checksByType.get(type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(type, options.categories as ValidationCategory[] | undefined).toArray();
                checksByType.set(type, checks);
            }
            return checks;
        };
        // Synchronous per node unless a check returns a promise (an async visitor would be awaited per node).
        const visitor = (accept: ValidationAcceptor) => (node: AstNode) => {
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            const pending = nodeOptions.validateNode ? runChecks(checksOf(node.$type), node, accept, cancelToken) : undefined;
            return pending ? pending.then(() => nodeOptions.validateChildren) : nodeOptions.validateChildren;
        };
        const builder = this.services.shared.workspace.DocumentBuilder;
        this.lastValidation = { checked: 0, kept: 0, keptElements: 0 };
        if (!this.keepForEdits || !isModel(rootNode) || !(builder instanceof ArchwrightDocumentBuilder)) {
            await walkAst(rootNode, visitor(acceptor), cancelToken);
            return;
        }
        const key = this.checksKey(options.categories as ValidationCategory[] | undefined);
        const reads = this.services.validation.ArchwrightValidator.reads;
        const rootOptions = this.validateSingleNodeOptions(rootNode, options);
        if (rootOptions.validateNode) await runChecks(checksOf(rootNode.$type), rootNode, acceptor, cancelToken);
        if (!rootOptions.validateChildren) return;
        // Each top-level declaration and each element nested in another is a unit whose checks'
        // answer is kept with it: incremental parsing keeps the elements of a system that an edit
        // inside one of them did not touch (language/incremental-parse.ts, reparseElement).
        /** Replays the unit's kept answer when it still holds (synchronously: most units are kept). */
        const replayed = (unit: AstNode, outer: ValidationAcceptor, topLevel: boolean): boolean => {
            const kept = this.keptChecks.get(unit);
            if (kept?.key !== key || !CheckReads.hold(kept.reads)) return false;
            reads.replayed(kept.reads);
            for (const [severity, message, info] of kept.calls) outer(severity, message, info);
            if (topLevel) this.lastValidation.kept++;
            else this.lastValidation.keptElements++;
            return true;
        };
        /** Checks the unit anew (its kept answer, if any, no longer holds) and keeps the answer when it can. */
        const validateUnit = async (unit: AstNode, outer: ValidationAcceptor, topLevel: boolean): Promise<void> => {
            const calls: KeptCall[] = [];
            let keepable = true;
            const accept: ValidationAcceptor = (severity, message, info) => {
                calls.push([severity, message, info]);
                if ((info as { range?: unknown }).range !== undefined || info.relatedInformation !== undefined) keepable = false;
                outer(severity, message, info);
            };
            const check = visitor(accept);
            reads.begin();
            let read: unknown[] | undefined;
            try {
                await walkAst(unit, node => {
                    if (node === unit || !isElement(node) || !isElement(node.$container)) return check(node);
                    return replayed(node, accept, false) ? false : validateUnit(node, accept, false).then(() => false);
                }, cancelToken);
            } finally {
                read = reads.end();
            }
            if (keepable && read) this.keptChecks.set(unit, { key, calls: calls.length > 0 ? exact(calls) : NO_CALLS, reads: exact(read) });
            else this.keptChecks.delete(unit);
            if (topLevel) this.lastValidation.checked++;
        };
        const declarations = childrenOf(rootNode);
        for (let i = 0; i < declarations.length; i++) {
            // The cancellation is checked every few hundred declarations: an await each cost more than replaying most of them.
            if (i % 256 === 0) await interruptAndCheck(cancelToken);
            if (!replayed(declarations[i], acceptor, true)) await validateUnit(declarations[i], acceptor, true);
        }
    }

    /**
     * What a kept answer is good for: the categories of the checks that ran. Only the categories that
     * have checks count, so that the first build (every category) and the edits after it (Langium's
     * `built-in` and `fast`) share answers when no `slow` check is registered, as none is: the first
     * edit after start-up used to check every declaration of the edited file again.
     */
    private checksKey(categories: readonly ValidationCategory[] | undefined): string {
        // A few dozen entries, read on each validation: checks registered later count too.
        const withChecks = categoriesWithChecks(this.validationRegistry);
        if (!withChecks) return categories?.join(',') ?? '';
        return withChecks.filter(c => !categories || categories.includes(c)).join(',');
    }

    /**
     * A file on disk that is binary or not UTF-8 (or cannot be read) is read as empty; its one
     * diagnostic says why, with `syntax-error` since it is no model text at all.
     */
    private unreadable(document: LangiumDocument): Diagnostic | undefined {
        const files = this.services.shared.workspace.FileSystemProvider;
        const problem = files instanceof TextFileSystemProvider && document.textDocument.getText() === '' ? files.problemOf(document.uri) : undefined;
        if (!problem) return undefined;
        const name = document.uri.path.split('/').pop();
        return {
            severity: DiagnosticSeverity.Error,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            code: CoreCodes.syntaxError,
            source: 'archwright',
            message: `${name} ${problem}: Archwright cannot read it and treats it as empty.`
        };
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const references = document.references;
        for (let i = 0; i < references.length; i++) {
            const reference = references[i];
            const error = reference.error;
            if (!error) continue;
            const { container, property } = error.info;
            const text = reference.$refText;
            const range = reference.$refNode?.range ?? container.$cstNode?.range;
            if (!range) continue;
            const { message, suggestion } = this.unresolved(document, container, property, text);
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range,
                code: CoreCodes.unresolvedReference,
                source: 'archwright',
                message,
                // The suggested id (the whole dotted path) is what the quick fix writes in place of the reference.
                data: { code: DocumentValidator.LinkingError, refText: text, suggestion }
            });
        }
    }

    private unresolved(document: LangiumDocument, container: AstNode, property: string, text: string): { message: string; suggestion?: string } {
        const expected = expectedKindOf(container, property);
        const segments = text.split('.');
        if (segments.length > 1) {
            const parentPath = segments.slice(0, -1).join('.');
            const parent = this.lookup(document, parentPath);
            if (!parent) return { message: `${parentPath} names nothing, so ${text} cannot be resolved.` };
            const last = segments[segments.length - 1];
            const parts = AstUtils.streamContents(parent).filter(n => n.$type === 'Element').map(n => (n as AstNode & { name: string }).name).toArray();
            const part = nearest(last, parts);
            const suggestion = part ? `${parentPath}.${part}` : undefined;
            return { message: `${parentPath} has no part named ${last}${suggestion ? `; did you mean ${suggestion}?` : '.'}`, suggestion };
        }
        // Every id of the model, of the right kind; those whose length alone puts them out of reach skipped first.
        const reach = nearestLimit(text);
        const candidates: string[] = [];
        for (const d of this.folders.declarationsOf(document.uri)) {
            if (Math.abs(d.name.length - text.length) > reach || d.name.includes('.')) continue;
            if (!expected || (d.node ? fitsKind(d.node, expected) : d.type === expected.type)) candidates.push(d.name);
        }
        const suggestion = nearest(text, candidates);
        const what = expected ? expected.noun.replace(/^an? /, '') : 'declaration';
        return { message: `No ${what} named ${text}${suggestion ? `; did you mean ${suggestion}?` : '.'}`, suggestion };
    }

    private lookup(document: LangiumDocument, name: string): AstNode | undefined {
        return this.folders.declarationsOf(document.uri).find(d => d.name === name)?.node;
    }
}

export function toLspDiagnostic(d: ModelDiagnostic): Diagnostic {
    return {
        severity: SEVERITIES[d.severity],
        range: d.location.range,
        message: d.message,
        code: d.code,
        codeDescription: { href: ruleDocsUri(d.code) },
        source: 'archwright',
        relatedInformation: d.related?.map(r => ({ location: r.location, message: r.message })),
        data: d.fix ?? (d.suggestion ? { suggestion: d.suggestion } : undefined)
    };
}

/** Lexer messages name the character and nothing about offsets; parser messages are worded in parser-messages.ts. */
export function friendlySyntaxMessage(message: string, text: string): string {
    if (/^unexpected character/i.test(message)) {
        const shown = text.length === 1 ? text : /->(.)<-/.exec(message)?.[1] ?? text;
        return `Unexpected character '${shown}'.${shown === '=' ? ' Properties take their value without =, as in technology "Go".' : ''}`;
    }
    return message.replace(/\s+/g, ' ').trim();
}

/** Runs the checks in order; from the first one that returns a promise on, awaits each. */
function runChecks(checks: readonly ValidationCheck[], node: AstNode, acceptor: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> | undefined {
    for (let i = 0; i < checks.length; i++) {
        const result = checks[i](node, acceptor, cancelToken);
        if (result) {
            return (async () => {
                await result;
                for (const check of checks.slice(i + 1)) await check(node, acceptor, cancelToken);
            })();
        }
    }
    return undefined;
}

/**
 * The categories that have checks registered, sorted; null when the registry does not show them
 * (its `entries` are Langium's own field: a Langium that changes it gets the plain key).
 */
function categoriesWithChecks(registry: ValidationRegistry): string[] | null {
    const entries = (registry as unknown as { entries?: { values(): Iterable<{ category?: string }> } }).entries;
    if (!entries || typeof entries.values !== 'function') return null;
    const found = new Set<string>();
    for (const entry of entries.values()) {
        if (typeof entry?.category !== 'string') return null;
        found.add(entry.category);
    }
    return [...found].sort();
}

