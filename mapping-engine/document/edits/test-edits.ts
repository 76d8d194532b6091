/** Edits of test cases (addressed by name, which is unique). */
import { testCaseSchema, type MappingDocument, type TestCase } from '../document-schema';
import type { DocumentEdit } from './edit-types';
import { checkIndex, parseOrRefuse, refuse } from './edit-error';

type EditOf<K extends DocumentEdit['kind']> = Extract<DocumentEdit, { kind: K }>;

function indexOf(doc: MappingDocument, name: string): number {
  const index = doc.tests.findIndex((t) => t.name === name);
  if (index < 0) refuse(`no test case named "${String(name)}"`, 'the name of an existing test case');
  return index;
}

function checkTest(doc: MappingDocument, input: unknown, except: number): TestCase {
  const test = parseOrRefuse(testCaseSchema, input, 'test case');
  const clash = doc.tests.findIndex((t, i) => i !== except && t.name === test.name);
  if (clash >= 0) refuse(`a test case named "${test.name}" already exists`, 'a test case name not in use');
  return test;
}

function addTest(doc: MappingDocument, edit: EditOf<'addTest'>): MappingDocument {
  const test = checkTest(doc, edit.test, -1);
  const at = edit.index ?? doc.tests.length;
  checkIndex(at, doc.tests.length, 'test case position');
  const tests = doc.tests.slice();
  tests.splice(at, 0, test);
  return { ...doc, tests };
}

function setTest(doc: MappingDocument, edit: EditOf<'setTest'>): MappingDocument {
  const index = indexOf(doc, edit.name);
  const tests = doc.tests.slice();
  tests[index] = checkTest(doc, edit.test, index);
  return { ...doc, tests };
}

function removeTest(doc: MappingDocument, edit: EditOf<'removeTest'>): MappingDocument {
  const index = indexOf(doc, edit.name);
  return { ...doc, tests: doc.tests.filter((_, i) => i !== index) };
}

/** The test case edits, by kind. */
export const TEST_EDITS = {
  addTest,
  setTest,
  removeTest,
} satisfies { [K in DocumentEdit['kind']]?: (doc: MappingDocument, edit: EditOf<K>) => MappingDocument };
