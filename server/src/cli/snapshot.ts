// The command line's side of its startup snapshot (the launcher's side is launcher.ts).
//
// Most of a small `archwright check` is starting up: loading the bundle, building the language's
// services and, above all, its parser (Chevrotain's analysis of the grammar). Node can start from
// a snapshot of a heap in which all that is done already (`node --build-snapshot`): the bundle
// built under `--build-snapshot` prepares the services and leaves them for the first command that
// loads a model; `node --snapshot-blob FILE ARGS...` then starts at `runFromSnapshot`.
import { closeSync, writeSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';

/** True while Node builds a snapshot of the command line's bundle (`node --build-snapshot`). */
export function buildingSnapshot(): boolean {
    // Node 24 answers 1, not true.
    return Boolean(startupSnapshot?.isBuildingSnapshot?.());
}

/**
 * The environment variable by which the launcher asks a command started from a snapshot to say
 * that it started: it writes one byte to that file descriptor as its first act, so that a
 * snapshot that Node could not load (it crashes or exits before any of our code runs) is told
 * apart from a command that ran and failed.
 */
export const STARTED_FD_VARIABLE = 'ARCHWRIGHT_SNAPSHOT_FD';

/** Makes RUN (with the command's arguments) what a process started from the snapshot does. */
export function runFromSnapshot(run: (argv: string[]) => void): void {
    startupSnapshot.setDeserializeMainFunction(() => {
        const fd = Number(process.env[STARTED_FD_VARIABLE]);
        delete process.env[STARTED_FD_VARIABLE];
        if (Number.isInteger(fd) && fd > 2) {
            try {
                writeSync(fd, '1');
                closeSync(fd);
            } catch {
                // Nobody is listening: started by hand.
            }
        }
        // Started from a snapshot, argv holds Node and then the arguments: no script.
        run(process.argv.slice(1));
    });
}
