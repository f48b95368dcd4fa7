import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileEvent, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArchwrightSharedServices } from '../module.js';

/**
 * A file deleted (or renamed away) on disk while it is open in the editor is still the editor's
 * document: Langium would drop it, clear its diagnostics and answer its requests with "no
 * document". Here its deletion reads as a change, so it is rebuilt from the editor's text.
 * When the editor closes a document, the model goes back to the file on disk (the unsaved text,
 * a file since deleted, and a file outside every workspace folder leave the model); Langium alone
 * would keep the editor's last text.
 */
export class ArchwrightDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly services: ArchwrightSharedServices;

    constructor(services: ArchwrightSharedServices) {
        super(services);
        this.services = services;
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const open = this.services.workspace.TextDocuments;
        const changes = params.changes.map((change): FileEvent => (change.type === FileChangeType.Deleted && open?.get(change.uri) ? { ...change, type: FileChangeType.Changed } : change));
        super.didChangeWatchedFiles({ ...params, changes });
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const inWorkspace = uri.scheme === 'file' && this.services.model.ModelFolders.folderOf(uri) !== '';
        (inWorkspace ? this.services.workspace.FileSystemProvider.exists(uri) : Promise.resolve(false))
            .then(exists => this.fireDocumentUpdate(exists ? [uri] : [], exists ? [] : [uri]))
            .catch(error => console.warn(`Archwright: ${uri.fsPath} could not be re-read after closing it (${String(error)}).`));
    }
}
