-- Noise (issue #22): a register turbine's sound power from a turbine-acoustics file (L_WA at 6 and 8 m/s, optional spectra,
-- where it came from), and the user's noise-sensitive areas layer (polygons with their use category).
ALTER TABLE plants
    ADD COLUMN acoustics jsonb;

CREATE TABLE noise_areas (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text    NOT NULL,
    category    text    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('OpenCountry', 'NoiseSensitive', 'SummerHouse')),
    name        text,
    source_id   text    NOT NULL,
    source_file text    NOT NULL,
    source_row  integer NOT NULL,
    geom        geometry(Geometry, 25832) NOT NULL
);
CREATE INDEX noise_areas_geom_idx ON noise_areas USING gist (geom);
