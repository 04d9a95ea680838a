-- True where the households at an access address are its BBR dwelling units (user-loaded BBR units), not its unit addresses.
ALTER TABLE addresses
    ADD COLUMN households_from_bbr boolean NOT NULL DEFAULT false;
