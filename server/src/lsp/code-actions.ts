import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { CoreCodes } from '../language/validator.js';
import type { FixData } from '../model/diagnostic.js';
import type { ArchwrightServices } from '../module.js';
import { RULES_BY_ID } from '../rules/registry.js';
import { allowEdit, propertyEdit, toPlainText, type SnippetEdit } from './fix-edits.js';

/**
 * Quick fixes keyed off each diagnostic's code and `data`: the property that cures a readiness
 * finding, "allow RULE here" for every readiness finding, and the suggested id of an unresolved
 * reference or of an unknown rule. Edits are snippets when the client takes them (LSP 3.18), else
 * plain text with each placeholder's default, so the file stays valid either way.
 */
export class ArchwrightCodeActionProvider implements CodeActionProvider {
    /** Whether the client applies `SnippetTextEdit`s; learnt from its capabilities at initialize. */
    snippetSupport = false;

    constructor(services: ArchwrightServices) {
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetSupport = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = String(diagnostic.code ?? '');
            if (RULES_BY_ID.has(code) && isFixData(diagnostic.data)) actions.push(...this.ruleFixes(document, diagnostic, diagnostic.data));
            else if (code === CoreCodes.unresolvedReference || code === 'unknown-rule') actions.push(...this.suggestionFix(document, diagnostic, code));
        }
        return actions;
    }

    private ruleFixes(document: LangiumDocument, diagnostic: Diagnostic, fix: FixData): CodeAction[] {
        const text = document.textDocument.getText();
        const actions: CodeAction[] = [];
        if (fix.insert) {
            actions.push({
                title: fix.title ?? `Add ${toPlainText(fix.insert).split('\n')[0]}`,
                kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
                edit: this.workspaceEdit(document, propertyEdit(text, { ...fix, insert: fix.insert }))
            });
        }
        const where = fix.subjectKind === 'architecture' ? `Turn ${fix.rule} off for this model` : `Allow ${fix.rule} here`;
        actions.push({ title: where, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: this.workspaceEdit(document, allowEdit(text, fix)) });
        return actions;
    }

    /** Replaces a misspelt id by the suggestion the diagnostic carries. */
    private suggestionFix(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction[] {
        const suggestion = (diagnostic.data as { suggestion?: unknown } | undefined)?.suggestion;
        if (typeof suggestion !== 'string') return [];
        let range = diagnostic.range;
        if (code === 'unknown-rule') {
            // The diagnostic covers `rule ID SEVERITY` or `allow ID "reason"`: find the id in it.
            const doc = document.textDocument;
            const start = doc.offsetAt(range.start);
            const match = /^(rule|allow)(\s+)([^\s"]+)/.exec(doc.getText(range));
            if (!match) return [];
            const from = start + match[1].length + match[2].length;
            range = { start: doc.positionAt(from), end: doc.positionAt(from + match[3].length) };
        }
        return [{
            title: `Change to ${suggestion}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.uri.toString()]: [{ range, newText: suggestion }] } }
        }];
    }

    private workspaceEdit(document: LangiumDocument, edit: SnippetEdit): WorkspaceEdit {
        const uri = document.uri.toString();
        if (!this.snippetSupport) return { changes: { [uri]: [{ range: edit.range, newText: toPlainText(edit.text) }] } };
        return {
            documentChanges: [{
                textDocument: { uri, version: document.textDocument.version },
                edits: [{ range: edit.range, snippet: { kind: 'snippet', value: edit.text } }]
            }]
        };
    }
}

function isFixData(data: unknown): data is FixData {
    const fix = data as Partial<FixData> | undefined;
    return typeof fix === 'object' && fix !== null && typeof fix.rule === 'string' && typeof fix.subject === 'object';
}
