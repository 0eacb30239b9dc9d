// @vitest-environment jsdom
import { describe } from 'vitest';
import { mountsInSimulatedDom } from './dom-mount.ts';

describe('the elements in jsdom', () => mountsInSimulatedDom());
