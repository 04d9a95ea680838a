-- Projects (what one permit covers), where a plant's permit date came from, year-only connection dates,
-- and hydro and wave plants.
ALTER TABLE plants
    ADD COLUMN project_id              text,
    ADD COLUMN project_basis           text CHECK (project_basis IN ('Register', 'User', 'Inferred')),
    ADD COLUMN permit_date_source      text,
    ADD COLUMN connected_on_precision  text NOT NULL DEFAULT 'Day' CHECK (connected_on_precision IN ('Day', 'Year'));
ALTER TABLE plants DROP CONSTRAINT plants_kind_check;
ALTER TABLE plants ADD CONSTRAINT plants_kind_check CHECK (kind IN ('WindTurbine', 'WindFarm', 'SolarPark', 'Hydro', 'Wave', 'Other'));
CREATE INDEX plants_project_idx ON plants (project_id) WHERE project_id IS NOT NULL;
