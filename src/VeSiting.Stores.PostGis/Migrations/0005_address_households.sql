-- The households (dwelling units) at an access address where the address data says so (null = unknown).
ALTER TABLE addresses
    ADD COLUMN households integer CHECK (households >= 0);
