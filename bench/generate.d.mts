// Types of the generator's exports that the tests use (test/rules/reuse.test.ts).
export declare const SIZES: Record<'S' | 'M' | 'L', number>;
export interface Plan { domains: number; deployments: number; [key: string]: unknown }
/** The model of a size (S, M, L, or a number of elements) as plain lists. */
export declare function plan(size: string): Plan;
/** The Archwright model as files: relative path → text. */
export declare function archwrightFiles(plan: Plan): Map<string, string>;
