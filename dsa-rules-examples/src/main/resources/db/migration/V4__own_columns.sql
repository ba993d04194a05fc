-- The practice's own columns of a spreadsheet register (headed `#`, record-format.md v1.2): kept with each
-- register version so that every register the workspace writes carries them. A JSON object by agreement id,
-- then column name in header order, the cells as typed: {"DSA-1": {"# PM comments": "chased 3 Dec"}}.
-- Null for a version without own columns, and for every version made before this migration.
-- Adding a column is not an UPDATE: the append-only triggers of V1 are untouched and still refuse
-- changing or deleting a version.
ALTER TABLE register_version ADD COLUMN own_columns_json TEXT;
