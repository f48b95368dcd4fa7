import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type MessageConnection, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER = join(ROOT, 'out', 'server', 'main.js');

/** Something the server did wrong: the fuzzer's findings. */
export interface Failure {
    /** `check`: formatting lost or changed something, or a fix or rename left a file that does not parse. */
    kind: 'crash' | 'timeout' | 'error-response' | 'no-diagnostics' | 'log' | 'stderr' | 'check';
    detail: string;
}

export interface Timing {
    method: string;
    ms: number;
}

/**
 * The bundled language server spawned as an editor would (`out/server/main.js --stdio`), with a
 * client that answers what the server asks, records its stderr and error logs, publishes nothing
 * itself, and times every request.
 */
export class LspDriver {
    readonly failures: Failure[] = [];
    readonly timings: Timing[] = [];
    readonly messages: { type: number; message: string }[] = [];
    stderr = '';
    private readonly server: ChildProcess;
    private readonly connection: ProtocolConnection;
    private readonly published = new Map<string, { count: number; diagnostics: Diagnostic[] }>();
    private readonly waiters = new Set<() => void>();
    private readonly versions = new Map<string, number>();
    private exited: string | undefined;
    private stopping = false;
    readonly folder: string;
    readonly requestTimeout: number;

    constructor(folder: string, requestTimeout = 2_000) {
        this.folder = folder;
        this.requestTimeout = requestTimeout;
        // FUZZ_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server of a run.
        const nodeArgs = process.env.FUZZ_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
        this.server = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
            this.stderr += chunk;
            if (/unhandled|uncaught|RangeError|TypeError|Maximum call stack/i.test(chunk)) this.fail('stderr', chunk.slice(0, 2000));
        });
        this.server.on('exit', (code, signal) => {
            this.exited = `exit code ${code} signal ${signal}`;
            if (!this.stopping) this.fail('crash', `the server exited (${this.exited})\n${this.stderr.slice(-2000)}`);
            for (const waiter of this.waiters) waiter();
        });
        this.connection = createProtocolConnection(new StreamMessageReader(this.server.stdout!), new StreamMessageWriter(this.server.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            const entry = this.published.get(params.uri) ?? { count: 0, diagnostics: [] };
            this.published.set(params.uri, { count: entry.count + 1, diagnostics: params.diagnostics });
            for (const waiter of this.waiters) waiter();
        });
        const log = (params: { type: number; message: string }) => {
            this.messages.push(params);
            if (params.type === 1 && !this.expectedLog(params.message)) this.fail('log', params.message.slice(0, 2000));
        };
        this.connection.onNotification('window/logMessage', log);
        this.connection.onNotification('window/showMessage', log);
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        // Whatever else the server asks (registrations, progress, refreshes) is acknowledged.
        const any = this.connection as unknown as MessageConnection;
        any.onRequest((method: string) => (method === 'workspace/workspaceFolders' ? [{ uri: pathToFileURL(folder).toString(), name: 'fuzz' }] : null));
        any.onNotification(() => undefined);
        this.connection.listen();
    }

    /** Error logs the server writes on purpose, about the input rather than itself. */
    private expectedLog(message: string): boolean {
        return /^Archwright: /.test(message);
    }

    uri(name: string): string {
        return pathToFileURL(join(this.folder, name)).toString();
    }

    get alive(): boolean {
        return this.exited === undefined;
    }

    fail(kind: Failure['kind'], detail: string): void {
        this.failures.push({ kind, detail });
    }

    async initialize(): Promise<void> {
        const folderUri = pathToFileURL(this.folder).toString();
        await this.request('initialize', {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: 'fuzz' }],
            capabilities: {
                textDocument: {
                    completion: { completionItem: { snippetSupport: true } }, rename: { prepareSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
                    publishDiagnostics: { relatedInformation: true }
                },
                workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }
            }
        }, 30_000);
        await this.connection.sendNotification('initialized', {});
    }

    /** How many times diagnostics were published for the file so far. */
    publishedCount(uri: string): number {
        return this.published.get(uri)?.count ?? 0;
    }

    diagnostics(uri: string): Diagnostic[] {
        return this.published.get(uri)?.diagnostics ?? [];
    }

    /** Resolves with the diagnostics once they have been published more than `after` times. */
    waitForDiagnostics(uri: string, after: number, timeout: number): Promise<Diagnostic[] | undefined> {
        return new Promise(resolve => {
            const done = () => {
                if (this.publishedCount(uri) > after || !this.alive) {
                    clearTimeout(timer);
                    this.waiters.delete(done);
                    resolve(this.alive ? this.diagnostics(uri) : undefined);
                }
            };
            const timer = setTimeout(() => {
                this.waiters.delete(done);
                resolve(undefined);
            }, timeout);
            this.waiters.add(done);
            done();
        });
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'archwright', version: 1, text } });
    }

    async change(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    /** Tells the server about files changed on disk, as an editor's file watcher would (1 created, 2 changed, 3 deleted). */
    async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
        await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    }

    /**
     * Sends a request and times it. An error response, or no answer within the timeout, is
     * recorded as a failure (except the error codes given as `refusals`, such as a rename that
     * refuses a taken id); the answer (or undefined) is returned.
     */
    async request<T = unknown>(method: string, params: unknown, timeout = this.requestTimeout, refusals: number[] = []): Promise<T | undefined> {
        if (!this.alive) return undefined;
        const started = performance.now();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>(resolve => { timer = setTimeout(() => resolve('timeout'), timeout); });
        try {
            const result = await Promise.race([this.connection.sendRequest(method, params) as Promise<T>, timedOut]);
            const ms = performance.now() - started;
            this.timings.push({ method, ms });
            if (result === 'timeout') {
                this.fail('timeout', `${method} not answered within ${timeout} ms`);
                return undefined;
            }
            return result;
        } catch (error) {
            this.timings.push({ method, ms: performance.now() - started });
            if (error instanceof ResponseError && refusals.includes(error.code)) return undefined;
            const text = error instanceof ResponseError ? `${error.code} ${error.message}` : String(error);
            if (this.alive) this.fail('error-response', `${method}: ${text}`);
            return undefined;
        } finally {
            clearTimeout(timer);
        }
    }

    maxLatency(): Timing | undefined {
        return this.timings.reduce<Timing | undefined>((max, t) => (!max || t.ms > max.ms ? t : max), undefined);
    }

    async stop(): Promise<void> {
        if (this.alive) {
            this.stopping = true;
            const exited = new Promise<void>(resolve => this.server.once('exit', () => resolve()));
            await this.request('shutdown', null, 10_000);
            await this.connection.sendNotification('exit').catch(() => undefined);
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5_000))]);
        }
        this.connection.dispose();
        if (this.server.exitCode === null) this.server.kill();
    }
}
