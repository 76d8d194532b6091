/** Validation of mapping output against the target schema (pure). */
export { validateOutput } from './validate-output';
export { validateFields } from './validate-fields';
export { validateWithJsonSchema, compileJsonSchema } from './validate-json-schema';
export { loadTargetSchema, type LoadedTarget } from './load-target';
export { formatFieldPath, type PathStep } from './field-path';
export type { OutputViolation, ValidationTarget, ViolationCode } from './validation-types';
export { checkProject, type ProjectCheck } from './check-project';
export { validateTarget, validationTargetOf, relaxInferredField } from './validate-target';
