/** Reverse compiler: JSONata expression -> mapping rules (custom rules for anything outside the emitted subset). */
export { parseExpression, type ParsedExpression } from './parse-expression';
