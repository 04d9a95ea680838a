-- Where a plant's permit date came from, the project (permit) it belongs to and how that was known,
-- and the households at an access address where the address data says (null = unknown).
ALTER TABLE plants
    ADD COLUMN permit_date_source text,
    ADD COLUMN project_id         text,
    ADD COLUMN project_basis      text CHECK (project_basis IN ('Register', 'User', 'Inferred'));

ALTER TABLE addresses
    ADD COLUMN households integer CHECK (households >= 0);
