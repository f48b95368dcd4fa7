import { subjects } from './engine.js';
import { propertyFix } from './fixes.js';
import type { ReadinessRule } from './rule.js';

// The design-stage rules about requirements: each is met by something, and the measurable ones
// say how much.

/** A requirement nobody satisfies is either not met or not traced. */
export const unsatisfiedRequirement: ReadinessRule = {
    id: 'unsatisfied-requirement', stage: 'design', severity: 'warning',
    summary: 'No element satisfies the requirement.',
    reads: { requirements: ['id', 'decl'], index: true },
    check({ model, index, each, report }) {
        each(model.requirements, subjects.requirement, requirement => {
            if ((index.satisfiedBy.get(requirement.id)?.length ?? 0) > 0) return;
            report({
                subject: subjects.requirement(requirement),
                message: `No element satisfies the requirement ${requirement.id}: add satisfies ${requirement.id} to the elements that fulfil it.`
            });
        });
    }
};

const MEASURABLE = new Set(['performance', 'availability', 'scalability']);

/** Performance, availability and scalability are only checkable with a number to meet. */
export const requirementMissingTarget: ReadinessRule = {
    id: 'requirement-missing-target', stage: 'design', severity: 'warning',
    summary: 'A performance, availability or scalability requirement has no target.',
    reads: { requirements: ['id', 'kind', 'target', 'decl', 'decl.properties.target'] },
    check({ model, each, report }) {
        each(model.requirements, subjects.requirement, requirement => {
            if (!requirement.kind || !MEASURABLE.has(requirement.kind) || requirement.target !== undefined) return;
            const snippet = requirement.kind === 'availability' ? 'target ${1:99.9%}' : 'target "${1:p95 below 300 ms}"';
            const example = requirement.kind === 'availability' ? 'target 99.9%' : 'target "..."';
            report({
                subject: subjects.requirement(requirement),
                message: `The ${requirement.kind} requirement ${requirement.id} has no target: add ${example} so that it can be checked.`,
                ...propertyFix(requirement.decl, 'target', snippet, 'Add target')
            });
        });
    }
};
