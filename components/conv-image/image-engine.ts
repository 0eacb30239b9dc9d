/**
 * The engine code <conv-image> calls once it has a picture: the numeric
 * convolution, its gray scale and the test pattern. A lazy chunk of the
 * embed bundle (see LazyPart), loaded before the element's first render.
 */
export { convolveImage, grayLevel, grayScaleFor, imageSpec, numericWeights, pixelsReadBy } from '../../src/evaluate/image.ts';
export { grayFromRgba, testPattern, upsampleNearest } from '../../src/view/test-pattern.ts';
