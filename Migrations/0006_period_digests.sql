-- Sharehouse warehouse schema, version 6: each snapshot's figure count and digest per period.
--
-- An import computes, per period, the number of figures and an order-free digest of them
-- (the parts of its content hash). Kept here, they let the next vintage of a source tell
-- at once which periods it leaves unchanged, instead of comparing them figure by figure.
-- Snapshots imported before this version have none; their periods are compared in full.
ALTER TABLE snapshot_periods ADD COLUMN figures INTEGER CHECK (figures IS NULL OR figures > 0);
ALTER TABLE snapshot_periods ADD COLUMN digest TEXT CHECK (digest IS NULL OR length(digest) = 32);
