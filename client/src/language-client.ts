import * as path from 'node:path';
import * as vscode from 'vscode';
import { ErrorCodes, LanguageClient, RequestType, ResponseError, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
    DiagramRequest, ModelChangedNotification, ReadinessRequest,
    type DiagramParams, type DiagramResult, type ModelChangedParams, type ReadinessParams, type ReadinessResult
} from '../../server/src/protocol.js';

/**
 * Node options of the server process. V8 sizes the young generation by the heap limit: 64 MB per
 * semi-space here, 134 MB of RSS once the first build has filled it. 16 MB each kept the edit
 * latency and lowered the server's peak RSS by 90-100 MB (benchmark's cold start and 100 edits: M
 * 290 -> 200 MB, L 750 -> 650 MB); 8 MB, since a closed file is parsed once (far less garbage in
 * the first build), another 15-20 MB at L with the same edit latency and cold start (bench/NOTES.md).
 * A heap size is fixed before any code runs, so it cannot be set from the server itself (main.ts
 * sets what can be); bench/run.mjs starts the server the same way.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];

const readinessRequest = new RequestType<ReadinessParams, ReadinessResult, void>(ReadinessRequest);
const diagramRequest = new RequestType<DiagramParams, DiagramResult, void>(DiagramRequest);

/**
 * The language client of the bundled server, which runs in its own Node process over IPC.
 * Its id is `archwright` because vscode-languageclient reads the `<id>.trace.server` setting.
 * Everything else in the client talks to the server through this class.
 */
export class ArchwrightLanguageClient implements vscode.Disposable {
    private readonly client: LanguageClient;
    private readonly modelChanged = new vscode.EventEmitter<ModelChangedParams>();
    private readonly disposables: vscode.Disposable[] = [];
    private restarting: Promise<void> | undefined;
    /** False once the running server said it has no readiness request (an older server). */
    private readinessSupported = true;

    /** Fires after each server build that validated documents (the preview and status bar refresh). */
    readonly onDidChangeModel = this.modelChanged.event;

    constructor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel) {
        const module = context.asAbsolutePath(path.join('out', 'server', 'main.js'));
        const serverOptions: ServerOptions = {
            run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
            // Used when the extension host runs under a debugger: "Attach to Server" connects here.
            debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } }
        };
        // Added, deleted and renamed files change the diagnostics of the files that name their ids.
        const watcher = vscode.workspace.createFileSystemWatcher('**/*.arch');
        const clientOptions: LanguageClientOptions = {
            documentSelector: [
                { scheme: 'file', language: 'archwright' },
                { scheme: 'untitled', language: 'archwright' }
            ],
            synchronize: { fileEvents: watcher },
            outputChannel: output,
            traceOutputChannel: output
        };
        this.client = new LanguageClient('archwright', 'Archwright', serverOptions, clientOptions);
        this.disposables.push(
            watcher,
            this.modelChanged,
            this.client.onNotification(ModelChangedNotification, params => this.modelChanged.fire(params)),
            this.onDidStart(() => this.readinessSupported = true)
        );
    }

    /** Fires `listener` each time the server is up again (after start or restart). */
    onDidStart(listener: () => void): vscode.Disposable {
        return this.client.onDidChangeState(event => {
            if (event.newState === State.Running) listener();
        });
    }

    get isRunning(): boolean {
        return this.client.isRunning();
    }

    start(): Promise<void> {
        return this.client.start();
    }

    /** Stops the server process and starts a fresh one; concurrent calls share one restart. */
    restart(): Promise<void> {
        this.restarting ??= this.doRestart().finally(() => this.restarting = undefined);
        return this.restarting;
    }

    private async doRestart(): Promise<void> {
        // Stopped includes "failed to start", where there is nothing to stop and stop() may throw.
        if (this.client.state === State.Stopped) await this.client.start();
        else await this.client.restart();
    }

    /**
     * What the model of `uri` still lacks for the next stage (or for `stage`); undefined when the
     * server does not know the request, which is then not asked again until it restarts.
     */
    async readiness(params: ReadinessParams, token?: vscode.CancellationToken): Promise<ReadinessResult | undefined> {
        if (!this.readinessSupported) return undefined;
        try {
            return await this.client.sendRequest(readinessRequest, params, token);
        } catch (error) {
            if (!(error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound)) throw error;
            this.readinessSupported = false;
            return undefined;
        }
    }

    /** One view of the model of `params.uri` as Mermaid text, for the preview. */
    diagram(params: DiagramParams, token?: vscode.CancellationToken): Promise<DiagramResult> {
        return this.client.sendRequest(diagramRequest, params, token);
    }

    async dispose(): Promise<void> {
        vscode.Disposable.from(...this.disposables).dispose();
        await this.client.dispose();
    }
}
