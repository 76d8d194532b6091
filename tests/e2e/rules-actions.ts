/**
 * What a user does in the rules view, shared by the browser tests: build a
 * rule through the rule editor (source, transforms from the palette with
 * their parameters, required policy), and read the JSONata view.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The whole expression as the panel holds it (Monaco renders only the visible lines). */
export async function expression(page: Page): Promise<string> {
  return (await page.getByTestId('jsonata').textContent()) ?? '';
}

/** A transform as the test adds it: what to search in the palette, the form's label, and its fields. */
export interface TransformStep {
  search: string;
  /** The palette label (the form is named after it). */
  form: string;
  fill?: Record<string, string>;
  select?: Record<string, string>;
  check?: string[];
}

/** One rule as the test builds it through the rule editor. */
export interface RuleStep {
  target: string;
  source: string;
  transforms?: TransformStep[];
  required?: 'error';
}

/** Opens the row's rule editor, picks the source, adds the transforms and sets the policy, then goes back to the table. */
export async function buildRule(page: Page, step: RuleStep): Promise<void> {
  await page.getByRole('grid', { name: 'Target fields' }).getByRole('row', { name: `${step.target}, unmapped`, exact: true }).click();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('region', { name: `Rule for ${step.target}` });
  await editor.getByRole('combobox', { name: 'Source field' }).fill(step.source);
  await editor.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await editor.getByRole('list', { name: 'Sources' }).waitFor();
  for (const [i, t] of (step.transforms ?? []).entries()) {
    await editor.getByRole('button', { name: '+ Add transform' }).click();
    await editor.getByRole('combobox', { name: 'Transform' }).fill(t.search);
    await page.keyboard.press('Enter');
    // A transform without parameters (trim) is added at once; the others open their form.
    if (t.fill || t.select || t.check) {
      const form = editor.getByRole('form', { name: `${t.form} parameters` });
      for (const [label, value] of Object.entries(t.fill ?? {})) await form.getByLabel(label, { exact: true }).fill(value);
      for (const [label, value] of Object.entries(t.select ?? {})) await form.getByLabel(label, { exact: true }).selectOption(value);
      for (const label of t.check ?? []) await form.getByLabel(label, { exact: true }).check();
      await form.getByRole('button', { name: 'Add' }).click();
    }
    await expect.poll(() => editor.getByRole('list', { name: 'Transforms' }).getByRole('listitem').count()).toBe(i + 1);
  }
  if (step.required) await editor.getByLabel('Required policy').selectOption(step.required);
  await editor.getByRole('button', { name: '← Rules' }).click();
}

/** The CRM -> ERP sample's rules, as a user enters them (see samples/crm-to-erp/crm-to-erp.mapwright.json). */
export const ACC_TO_C: TransformStep = { search: 'replace', form: 'Replace', fill: { Pattern: '^ACC-', Replacement: 'C' }, check: ['Regular expression'] };
export const CRM_RULES: RuleStep[] = [
  { target: 'customerNumber', source: 'accountId', transforms: [ACC_TO_C], required: 'error' },
  { target: 'firstName', source: 'fullName', transforms: [{ search: 'trim', form: 'Trim' }, { search: 'split', form: 'Split', fill: { Separator: ' ', Index: '0' } }], required: 'error' },
  { target: 'lastName', source: 'fullName', transforms: [{ search: 'trim', form: 'Trim' }, { search: 'split', form: 'Split', fill: { Separator: ' ', Index: '-1' } }], required: 'error' },
  { target: 'status', source: 'status', transforms: [{ search: 'value map', form: 'Value map', fill: { Entries: 'A = ACTIVE\nI = INACTIVE\nP = PROSPECT', Default: 'PROSPECT' } }], required: 'error' },
  { target: 'customerSince', source: 'createdOn', transforms: [{ search: 'date', form: 'Date', fill: { 'Read as': 'dd.MM.yyyy', 'Write as': 'yyyy-MM-dd' } }], required: 'error' },
  {
    target: 'email',
    source: 'contacts',
    transforms: [
      { search: 'filter', form: 'Filter', fill: { 'When field': 'type', 'When value': 'email' }, select: { 'When operator': '=' } },
      { search: 'pick', form: 'Pick item', fill: { Index: '0', Field: 'value' } },
    ],
  },
  { target: 'address.line1', source: 'billing.street', required: 'error' },
  { target: 'address.postcode', source: 'billing.postalCode', required: 'error' },
  { target: 'address.city', source: 'billing.city', required: 'error' },
  {
    target: 'address.country',
    source: 'billing.countryCode',
    transforms: [{ search: 'case', form: 'Change case', select: { Mode: 'upper' } }, { search: 'lookup', form: 'Lookup table', select: { Table: 'countries', 'On unknown': 'error' } }],
    required: 'error',
  },
  { target: 'revenue', source: 'annualRevenue', transforms: [{ search: 'round', form: 'Round', fill: { Decimals: '0' } }] },
  { target: 'labels', source: 'tags' },
  { target: 'contacts.channel', source: 'type', transforms: [{ search: 'value map', form: 'Value map', fill: { Entries: 'email = EMAIL\nphone = PHONE', Default: 'OTHER' } }], required: 'error' },
  { target: 'contacts.value', source: 'value', required: 'error' },
  { target: 'contacts.customerNumber', source: '../accountId', transforms: [ACC_TO_C] },
];

