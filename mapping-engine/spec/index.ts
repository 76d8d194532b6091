/** The mapping spec export: one model built by `buildSpec`, rendered as Markdown, CSV, HTML and `.jsonata`. */
export type * from './spec-types';
export { buildSpec, type BuildSpecInput } from './build-spec';
export { describeTransformNode, describeChain, describeCondition, showScalar } from './describe-transform';
export { summariseTests, type TestResultInput } from './test-summary';
export { summariseMasking } from './masking-summary';
export { renderMarkdown, escapeMarkdown, markdownCode } from './render-markdown';
export { renderCsv, CSV_COLUMNS } from './render-csv';
export { renderHtml, escapeHtml } from './render-html';
export { renderJsonata } from './render-jsonata';
export { headerRows, endpointText, requiredText, defaultText, testResultText, maskingPolicyText, MASKING_NOTE } from './spec-text';
