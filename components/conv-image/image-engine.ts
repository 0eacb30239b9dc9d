/**
 * The view code <conv-image> calls: the convolved picture and the answers to
 * a pointer or a key (src/view), and reading a picture (read-picture.ts: its
 * header's size checked, then decoded to gray). A lazy chunk of the embed
 * bundle (see LazyPart), loaded before the element's first render.
 */
export {
  checkSourceSize, imageRequest, imageSummary, imageView, pixelAfterKey, pixelAt, pixelCaption, windowOf,
} from '../../src/view/image-view.ts';
export { decodePicture, fetchMeasured, measuredFile } from './read-picture.ts';
