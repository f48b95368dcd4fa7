/** For the services that keep answers per declaration so that an edit redoes only what it changed. */
export interface KeepOptions {
    /** False for a build that is never edited (the command line): nothing is kept for the next edit. */
    keepForEdits?: boolean;
}
