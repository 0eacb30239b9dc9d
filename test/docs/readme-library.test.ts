import { describe } from 'vitest';
import { itRunsEveryTsBlock, readmeSection } from './readme-blocks.ts';

describe('README library examples', () => {
  itRunsEveryTsBlock(readmeSection('library'), 2);
});
