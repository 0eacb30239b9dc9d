/** The chosen file of <conv-image>: its name, and an id that tells two files of the same name and size apart (what its cache key needs at once, in the bundle's start). */

/** A name for a chosen file (a Blob has none). */
export function fileName(f: Blob): string {
  return f instanceof File ? f.name : 'the chosen picture';
}

/** A distinct number per Blob: two files of the same name and size are still two pictures. */
const fileIds = new WeakMap<Blob, number>();
let nextFileId = 0;
export function fileId(f: Blob): number {
  let id = fileIds.get(f);
  if (id === undefined) fileIds.set(f, (id = ++nextFileId));
  return id;
}
