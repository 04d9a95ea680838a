-- Published rule files (rule sets, price stacks, tariff scenarios, consumption profiles), shared by every service
-- instance: immutable once published (a change is a new version, hence a new file name). seq orders them and tells
-- an instance whether anything new was published since it last looked.
CREATE TABLE published_rules (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name    text        NOT NULL UNIQUE CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._~-]{0,250}\.json$'),
    body         bytea       NOT NULL,
    sha256       text        NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
);

-- Imports started over HTTP on any instance: stage, progress and outcome, kept after they end.
CREATE TABLE import_jobs (
    id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,64}$'),
    store            text        NOT NULL,
    stage            text        NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    previous_version text        NOT NULL,
    data_version     text,
    error            text,
    progress         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    added_source     text,
    added_file       text,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_jobs_started_at ON import_jobs (started_at DESC, id);
