// Package hashtab is a read-only hash table from 64-bit feature hashes to
// rows of int16 weights, for the linear models' inner loops. Feature
// hashes are already uniformly spread, so probing starts at their low
// bits; a bit filter small enough to stay in cache answers most lookups of
// features the model does not have without touching the table. Tagging is
// bound by the cache misses of the lookups that do touch it: a row sits
// beside its key, and AddAll issues a token's lookups together so that
// their misses overlap.
package hashtab
