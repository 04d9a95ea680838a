-- The tariff proposal's impact (issue #23): the user's firms layer, each firm's point, name, optional CVR number and annual kWh.
CREATE TABLE firms (
    pk          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text    NOT NULL,
    name        text    NOT NULL,
    cvr         text    CHECK (cvr ~ '^[0-9]{8}$'),
    annual_kwh  double precision NOT NULL CHECK (annual_kwh > 0),
    source_id   text    NOT NULL,
    source_file text    NOT NULL,
    source_row  integer NOT NULL,
    geom        geometry(Point, 25832) NOT NULL
);
CREATE INDEX firms_geom_idx ON firms USING gist (geom);
