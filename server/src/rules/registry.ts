import { singlePointOfFailure, singleZone } from './availability.js';
import { missingBackup, unencryptedSensitiveFlow, unencryptedSensitiveStore } from './data-protection.js';
import { noProductionDeployment, notDeployed, replicaMismatch } from './deployment.js';
import { decisionMissingRationale, flowMissingProtocol, missingTechnology, orphanElement, sequenceStepWithoutFlow } from './design.js';
import { missingAuth, unguardedEntry } from './entry.js';
import { missingAutoscaling, missingHealthcheck, missingMonitoring, missingOwner, missingTracing } from './operations.js';
import { requirementMissingTarget, unsatisfiedRequirement } from './requirements.js';
import type { ReadinessRule } from './rule.js';
import { syncCycle } from './sync-cycle.js';

/** Every readiness rule of rules.md, in the order of its table. */
export const READINESS_RULES: readonly ReadinessRule[] = [
    missingTechnology,
    flowMissingProtocol,
    unsatisfiedRequirement,
    requirementMissingTarget,
    orphanElement,
    syncCycle,
    sequenceStepWithoutFlow,
    decisionMissingRationale,
    singlePointOfFailure,
    singleZone,
    noProductionDeployment,
    notDeployed,
    replicaMismatch,
    missingBackup,
    unencryptedSensitiveFlow,
    unencryptedSensitiveStore,
    missingAuth,
    unguardedEntry,
    missingMonitoring,
    missingTracing,
    missingHealthcheck,
    missingOwner,
    missingAutoscaling
];

export const RULES_BY_ID: ReadonlyMap<string, ReadinessRule> = new Map(READINESS_RULES.map(r => [r.id, r]));
