import { isOperationCancelled, ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor, type ValidationCheck } from 'langium';

/**
 * Langium's registry, except that a check that returns nothing is run without a promise. Langium
 * wraps every check in an async function, so each check of each node made two promises and the
 * document validator (lsp/document-validator.ts, `runChecks`) had to await each node. A check that
 * throws or rejects is reported as Langium reports it: an error on the node, and a cancellation
 * passed on.
 */
export class ArchwrightValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                reportCheckError(error, accept, node);
                return;
            }
            if (isPromiseLike(result)) return Promise.resolve(result).catch(error => reportCheckError(error, accept, node));
            return undefined;
        };
    }
}

const MESSAGE_CONTEXT = 'An error occurred during validation';

/** As Langium's `handleException`: a cancellation goes on, anything else is logged and becomes an error on the node. */
function reportCheckError(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(error)) throw error;
    console.error(`${MESSAGE_CONTEXT}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    accept('error', `${MESSAGE_CONTEXT}: ${error instanceof Error ? error.message : String(error)}`, { node });
}

function isPromiseLike(value: unknown): value is PromiseLike<void> {
    return typeof (value as PromiseLike<void> | undefined)?.then === 'function';
}
