/**
 * The sparse vector both classifiers read (retrieve's entry classifier, classify's tagger):
 * parallel arrays of feature ids and weights, in no particular order.
 */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}
