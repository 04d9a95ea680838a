-- True where the households at an address are the building:flats of its OpenStreetMap building (the osm source).
ALTER TABLE addresses
    ADD COLUMN households_from_flats boolean NOT NULL DEFAULT false;
