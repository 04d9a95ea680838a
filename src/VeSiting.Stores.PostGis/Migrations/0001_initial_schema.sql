-- VeSiting schema, version 1. Geometry in ETRS89 / UTM 32N (EPSG:25832), GiST-indexed.
-- Enumerations are stored as their names so the tables read well in QGIS and psql.

CREATE EXTENSION IF NOT EXISTS postgis;

-- What data the database serves: one row, replaced by every import in the same transaction as the data.
CREATE TABLE data_version (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    id           text        NOT NULL,
    loaded_at    timestamptz NOT NULL,
    attributions jsonb       NOT NULL,
    row_counts   jsonb       NOT NULL
);

CREATE TABLE plants (
    pk                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                    text NOT NULL,
    kind                  text NOT NULL CHECK (kind IN ('WindTurbine', 'WindFarm', 'SolarPark', 'Other')),
    status                text NOT NULL CHECK (status IN ('Operating', 'Decommissioned', 'Planned')),
    name                  text,
    capacity_kw           double precision,
    hub_height_m          double precision,
    rotor_diameter_m      double precision,
    total_height_m        double precision GENERATED ALWAYS AS (hub_height_m + rotor_diameter_m / 2) STORED,
    siting                text NOT NULL CHECK (siting IN ('Unknown', 'Onshore', 'Offshore')),
    municipality_code     integer,
    municipality_name     text,
    connected_on          date,
    decommissioned_on     date,
    permit_date           date,
    manufacturer          text,
    model                 text,
    technology            text,
    annual_production_kwh jsonb NOT NULL DEFAULT '{}',
    source_id             text NOT NULL,
    source_file           text NOT NULL,
    source_sheet          text,
    source_row            integer NOT NULL,
    geom                  geometry(Geometry, 25832) NOT NULL,
    UNIQUE (id, status)
);
CREATE INDEX plants_geom_idx ON plants USING gist (geom);

CREATE TABLE addresses (
    pk                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                text    NOT NULL,
    municipality_code integer NOT NULL,
    street_name       text    NOT NULL,
    house_number      text    NOT NULL,
    post_code         integer NOT NULL,
    post_code_name    text    NOT NULL,
    search_text       text    NOT NULL,
    source_id         text    NOT NULL,
    source_file       text    NOT NULL,
    source_row        integer NOT NULL,
    geom              geometry(Point, 25832) NOT NULL
);
CREATE INDEX addresses_geom_idx ON addresses USING gist (geom);
CREATE INDEX addresses_id_idx ON addresses (id);

CREATE TABLE buildings (
    pk            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            text    NOT NULL,
    bbr_id        text,
    building_type text    NOT NULL,
    source_id     text    NOT NULL,
    source_file   text    NOT NULL,
    source_row    integer NOT NULL,
    geom          geometry(Geometry, 25832) NOT NULL
);
CREATE INDEX buildings_geom_idx ON buildings USING gist (geom);

CREATE TABLE admin_areas (
    kind        text    NOT NULL CHECK (kind IN ('Municipality', 'Region', 'PostCode')),
    code        text    NOT NULL,
    name        text    NOT NULL,
    source_id   text    NOT NULL,
    source_file text    NOT NULL,
    source_row  integer NOT NULL,
    geom        geometry(Geometry, 25832) NOT NULL,
    PRIMARY KEY (kind, code)
);
CREATE INDEX admin_areas_geom_idx ON admin_areas USING gist (geom);

CREATE TABLE population (
    municipality_code integer NOT NULL,
    municipality_name text    NOT NULL,
    period            text    NOT NULL,
    population        bigint  NOT NULL,
    source_id         text    NOT NULL,
    source_file       text    NOT NULL,
    source_row        integer NOT NULL,
    PRIMARY KEY (municipality_code, period)
);

CREATE TABLE district_heating (
    pk              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              text NOT NULL,
    name            text NOT NULL,
    main_fuel       text,
    supply_area_km2 double precision,
    source_id       text    NOT NULL,
    source_file     text    NOT NULL,
    source_row      integer NOT NULL,
    geom            geometry(Point, 25832) NOT NULL
);
CREATE INDEX district_heating_geom_idx ON district_heating USING gist (geom);

-- Published rule sets (neighbour schemes, tariff scenarios); a released version is never edited.
CREATE TABLE rule_sets (
    id           text        NOT NULL,
    version      text        NOT NULL,
    sha256       text        NOT NULL,
    content      jsonb       NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);
