import type { ReadinessRule } from './rule.js';

/** Every readiness rule of rules.md, in the order of its table. */
export const READINESS_RULES: readonly ReadinessRule[] = [];

export const RULES_BY_ID: ReadonlyMap<string, ReadinessRule> = new Map(READINESS_RULES.map(r => [r.id, r]));
