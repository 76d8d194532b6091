/**
 * XML Schema -> schema model. See docs/schemas-xsd.md for what is supported
 * and how XSD constructs map onto fields.
 */
export { listXsdRoots, loadXsd, type XsdLoadOptions } from './load-xsd';
