/** The transform library: typed nodes, their JSONata compilers and plain-words descriptions. */
export { transformNodeSchema, predicateSchema, scalarSchema, type TransformNode, type TransformKind, type Predicate, type Scalar } from './transform-node';
export { compileTransform, compileChain, describeTransform, TRANSFORMS } from './registry';
export { compilePredicate, describePredicate } from './predicate';
export { literal, quoteName, splitPath, pathExpression } from './jsonata-text';
export type { TransformContext } from './types';
export { INVALID_HELPER, invalidCall, raisesInvalid, valueShape } from './invalid-value';
export { ZONE_HELPER, usesZoneHelper } from './date-zones';
export { NUMBER_HELPER, usesNumberHelper } from './number-text';
export { PRESENT_HELPER, usesPresentHelper } from './present-value';
