import type { DocumentViewModel, SignatureStamp } from '../documents/view-model';

/**
 * The view model of a document about to be signed: the stamp goes on the signing authority's block,
 * the right-hand one of the first row (Decree 30 layout: box 7 at the bottom right; the chair of the
 * minutes, the head of the counting committee), or the first block there is.
 */
export function withSignatureStamp(
  vm: DocumentViewModel,
  stamp: SignatureStamp,
): DocumentViewModel {
  const [first, ...rest] = vm.signatures;
  if (!first) return vm;
  const row = first.right
    ? { ...first, right: { ...first.right, stamp } }
    : first.left
      ? { ...first, left: { ...first.left, stamp } }
      : first;
  return { ...vm, signatures: [row, ...rest] };
}
