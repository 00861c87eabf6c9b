// Package hashtab is a read-only hash table from 64-bit feature hashes to
// rows of int16 weights, for the linear models' inner loops. Feature
// hashes are already uniformly spread, so probing starts at their low
// bits; a bit filter small enough to stay in cache answers most lookups of
// features the model does not have (the majority) without touching the
// table.
package hashtab
