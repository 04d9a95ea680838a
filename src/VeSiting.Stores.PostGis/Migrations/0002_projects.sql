-- Saved planned projects: the GeoJSON as submitted (verbatim text), under an id chosen by the service.
CREATE TABLE projects (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name        text        NOT NULL,
    saved_at    timestamptz NOT NULL,
    plant_count integer     NOT NULL CHECK (plant_count >= 0),
    geojson     text        NOT NULL
);
CREATE INDEX projects_saved_at ON projects (saved_at DESC, id);
