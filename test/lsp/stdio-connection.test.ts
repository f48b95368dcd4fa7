import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StreamMessageReader, type Message, type NotificationMessage } from 'vscode-languageserver/node';
import { StringMessageWriter } from '../../server/src/lsp/stdio-connection.js';

describe('the stdio message writer', () => {
    it('writes messages that vscode-jsonrpc reads back, their lengths counted in bytes', async () => {
        const pipe = new PassThrough();
        const writer = new StringMessageWriter(pipe);
        const reader = new StreamMessageReader(pipe);
        const read: Message[] = [];
        reader.listen(message => read.push(message));
        const sent: NotificationMessage[] = [
            { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Zürich — ✓ 𝄞' } },
            { jsonrpc: '2.0', method: 'big', params: { text: 'x'.repeat(300_000) } },
            { jsonrpc: '2.0', method: 'last', params: [] }
        ];
        for (const message of sent) await writer.write(message);
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(read).toEqual(sent);
        writer.end();
    });

    it('reports a failed write to the connection and to the caller', async () => {
        const pipe = new PassThrough();
        const writer = new StringMessageWriter(pipe);
        const errors: unknown[] = [];
        writer.onError(([error]) => errors.push(error));
        pipe.destroy();
        await expect(writer.write({ jsonrpc: '2.0' })).rejects.toBeDefined();
        expect(errors.length).toBeGreaterThan(0);
    });
});
