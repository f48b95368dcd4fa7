import { format } from 'node:util';
import { AbstractMessageWriter, createConnection, ProposedFeatures, type Connection, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/**
 * The connection over stdio (`--stdio`, as other editors and `archwright lsp` start the server), as
 * vscode-languageserver makes it, except for how messages are written: see {@link StringMessageWriter}.
 * Its console goes to the client's log, as vscode-languageserver's does: stdout carries the protocol.
 */
export function createStdioConnection(): Connection {
    // The input stream itself, not a reader: the connection then ends the process when stdin ends.
    // The typings pair a stream with a stream and a reader with a writer; the connection takes
    // either for each (vscode-jsonrpc's createMessageConnection wraps a stream in a reader).
    const input = process.stdin as unknown as MessageReader;
    const connection = createConnection(ProposedFeatures.all, input, new StringMessageWriter(process.stdout));
    const send = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
    Object.assign(console, { log: send('log'), info: send('info'), debug: send('log'), trace: send('log'), warn: send('warn'), error: send('error') });
    return connection;
}

/**
 * Writes each message as two strings, its header and its JSON, where vscode-jsonrpc's writer encodes
 * it into a new Buffer. Node hands a string to a pipe in memory it frees once written; a Buffer's
 * memory is freed at a collection, and V8 lets 64 MB of such memory pile up before it collects for
 * it. A completion answer at the benchmark's L model is 250 kB, and its hundred requests raised the
 * server's peak memory by 20-30 MB (bench/NOTES.md).
 */
export class StringMessageWriter extends AbstractMessageWriter implements MessageWriter {
    private errorCount = 0;

    constructor(private readonly out: NodeJS.WritableStream) {
        super();
        out.on('error', (error: Error) => this.fireError(error));
        out.on('close', () => this.fireClose());
    }

    write(message: Message): Promise<void> {
        const json = JSON.stringify(message);
        return new Promise((resolve, reject) => {
            this.out.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n`, 'ascii');
            this.out.write(json, 'utf8', error => {
                if (!error) return resolve();
                this.fireError(error, message, ++this.errorCount);
                reject(error);
            });
        });
    }

    end(): void {
        this.out.end();
    }
}
