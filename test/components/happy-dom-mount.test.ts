// @vitest-environment happy-dom
import { describe } from 'vitest';
import { mountsInSimulatedDom } from './dom-mount.ts';

describe('the elements in happy-dom', () => mountsInSimulatedDom());
