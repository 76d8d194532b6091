import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { fieldExpressionText, positionInField, withFieldExpression } from './field-expression';

const expression = '{\n  "a": $uppercase(x),\n  "b": {\n    "c": y\n  }\n}';
const compiled = {
  expression,
  sourceMap: {
    a: { start: expression.indexOf('$uppercase'), end: expression.indexOf('(x)') + 3 },
    'b.c': { start: expression.indexOf('y\n'), end: expression.indexOf('y\n') + 1 },
    b: { start: expression.indexOf('{\n    "c"'), end: expression.lastIndexOf('}') - 1 },
  },
};
const doc = { rules: [{ target: 'a', sources: ['x'], transforms: [], required: 'omit' as const }, { target: 'b.c', sources: ['y'], transforms: [], required: 'omit' as const }] };

describe('field expressions', () => {
  it('gives the text of a rule target, and nothing for an object built from fields or an unmapped field', () => {
    expect(fieldExpressionText(doc, compiled, 'a')).toBe('$uppercase(x)');
    expect(fieldExpressionText(doc, compiled, 'b.c')).toBe('y');
    expect(fieldExpressionText(doc, compiled, 'b')).toBeUndefined();
    expect(fieldExpressionText(doc, compiled, 'd')).toBeUndefined();
  });

  it('replaces exactly that field in the whole expression', () => {
    expect(withFieldExpression(compiled, 'b.c', '$lowercase(y)')).toBe(expression.replace('"c": y', '"c": $lowercase(y)'));
    expect(() => withFieldExpression(compiled, 'missing', 'x')).toThrow(MapwrightError);
    try {
      withFieldExpression(compiled, 'missing', 'x');
    } catch (error) {
      expect((error as MapwrightError).code).toBe('EDIT_INVALID');
    }
  });

  it('moves an error position from the whole expression into the field text', () => {
    const field = '(\n  y +* 2\n)';
    const whole = withFieldExpression(compiled, 'b.c', field);
    const start = compiled.sourceMap['b.c'].start;
    // "+*" sits on line 5 of the whole expression, line 2 of the field.
    const wholeOffset = whole.indexOf('+*');
    const before = whole.slice(0, wholeOffset).split('\n');
    expect(positionInField(whole, start, field.length, before.length, before[before.length - 1]!.length + 1)).toEqual({ line: 2, column: 5 });
    expect(positionInField(whole, start, field.length, 1, 1)).toEqual({ line: 1, column: 1 });
  });
});
