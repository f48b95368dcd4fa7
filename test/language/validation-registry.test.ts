import { OperationCancelled, type AstNode, type ValidationAcceptor } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createArchwrightServices } from '../../server/src/module.js';
import type { ArchwrightAstType } from '../../server/src/language/generated/ast.js';
import { ArchwrightValidationRegistry } from '../../server/src/language/validation-registry.js';
import { MemoryFileSystem } from '../memory-file-system.js';
import { diagnosticLines, loadWorkspace } from '../helpers.js';

/** The check that `register` adds for elements, as the document validator gets it from the registry (before those of every node). */
function elementCheck(register: (registry: ReturnType<typeof services>['validation']['ValidationRegistry']) => void) {
    const registry = services().validation.ValidationRegistry;
    const before = registry.getChecks('Element').count();
    register(registry);
    const checks = registry.getChecks('Element').toArray();
    expect(checks).toHaveLength(before + 1);
    return checks[0];
}

function services() {
    const fileSystem = new MemoryFileSystem();
    return createArchwrightServices({ fileSystemProvider: () => fileSystem }).Archwright;
}

const node = { $type: 'Element' } as AstNode;

describe('validation registry', () => {
    afterEach(() => vi.restoreAllMocks());

    it('runs a synchronous check without a promise', () => {
        const check = elementCheck(r => r.register<ArchwrightAstType>({ Element: (_n, accept) => accept('warning', 'checked', { node }) }));
        const accepted: string[] = [];
        const accept: ValidationAcceptor = (_s, message) => { accepted.push(message); };
        expect(check(node, accept, CancellationToken.None)).toBeUndefined();
        expect(accepted).toEqual(['checked']);
    });

    it('reports a check that throws as an error on the node, as Langium does, and goes on', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const ws = await loadWorkspace('service a "A"\nservice b "B"\n');
        ws.services.validation.ValidationRegistry.register<ArchwrightAstType>({ Flow: () => { throw new Error('broken check'); } });
        await ws.write('model.arch', 'service a "A"\nservice b "B"\na -> a "self"\n');
        const lines = diagnosticLines(ws.current('model.arch'));
        expect(lines).toContain('3:1 undefined An error occurred during validation: broken check');
        expect(lines.some(l => l.includes('self-flow'))).toBe(true);
    });

    it('reports a check whose promise rejects, and waits for an asynchronous check', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const accepted: string[] = [];
        const accept: ValidationAcceptor = (severity, message) => { accepted.push(`${severity} ${message}`); };
        const rejecting = elementCheck(r => r.register<ArchwrightAstType>({ Element: async () => { throw new Error('later'); } }));
        await rejecting(node, accept, CancellationToken.None);
        expect(accepted).toEqual(['error An error occurred during validation: later']);
        accepted.length = 0;
        const waiting = elementCheck(r => r.register<ArchwrightAstType>({ Element: async (_n, a) => { await Promise.resolve(); a('info', 'done', { node }); } }));
        const result = waiting(node, accept, CancellationToken.None);
        expect(result).toBeInstanceOf(Promise);
        expect(accepted).toEqual([]);
        await result;
        expect(accepted).toEqual(['info done']);
    });

    it('passes a cancellation on, thrown or rejected', async () => {
        const accept: ValidationAcceptor = () => { throw new Error('nothing may be reported'); };
        const thrower = elementCheck(r => r.register<ArchwrightAstType>({ Element: () => { throw OperationCancelled; } }));
        expect(() => thrower(node, accept, CancellationToken.None)).toThrow();
        const rejecter = elementCheck(r => r.register<ArchwrightAstType>({ Element: async () => { throw OperationCancelled; } }));
        await expect(rejecter(node, accept, CancellationToken.None)).rejects.toBe(OperationCancelled);
    });

    it('is the registry the language services use', () => {
        expect(services().validation.ValidationRegistry).toBeInstanceOf(ArchwrightValidationRegistry);
    });
});
