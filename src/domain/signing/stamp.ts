import type { DocumentViewModel, SignatureStamp } from '../documents/view-model';

/**
 * The view model of a document about to be signed: the stamp goes on the signing authority's block,
 * the right-hand one (Decree 30 layout: box 7 at the bottom right), or the only one there is.
 */
export function withSignatureStamp(
  vm: DocumentViewModel,
  stamp: SignatureStamp,
): DocumentViewModel {
  const { left, right } = vm.signatures;
  if (right) return { ...vm, signatures: { left, right: { ...right, stamp } } };
  if (left) return { ...vm, signatures: { left: { ...left, stamp }, right } };
  return vm;
}
