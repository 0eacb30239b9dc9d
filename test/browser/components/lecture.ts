import { type LectureCase, lectureCase } from '../../cases.ts';
import { specAttributes } from '../../spec-text.ts';

/**
 * The lecture's examples for the browser tests, from the shared case table
 * (test/cases.ts): markup that mounts an element on a case's spec, and the
 * case's printed expressions as KaTeX shows them.
 */
export function lectureMarkup(tag: string, id: string, extra = ''): string {
  return `<${tag} ${specAttributes(lectureCase(id).spec)}${extra ? ` ${extra}` : ''}></${tag}>`;
}

/** `w1*z1 + w2*z2` as the visible text of its KaTeX: `w1z1+w2z2` (the lecture's term order is kept). */
export function typeset(text: string): string {
  return text.replace(/[\s*]+/g, '');
}

export function expected(id: string): LectureCase['expected'] {
  return lectureCase(id).expected;
}
