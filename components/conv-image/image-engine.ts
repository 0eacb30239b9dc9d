/**
 * The view code <conv-image> calls: the convolved picture and the answers to
 * a pointer or a key (src/view), the file header's size, and the test
 * pattern. A lazy chunk of the embed bundle (see LazyPart), loaded before the
 * element's first render.
 */
export {
  checkSourceSize, imageRequest, imageSummary, imageView, pixelAfterKey, pixelAt, pixelCaption, windowOf,
} from '../../src/view/image-view.ts';
export { imageHeaderSize } from '../../src/view/image-header.ts';
export { grayFromRgba } from '../../src/view/test-pattern.ts';
