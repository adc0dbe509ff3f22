-- An XLSForm file read for import (issue #13): what it would make waits here, with everything the
-- file had that could not be brought in, until a facilitator confirms it. The id is the preview's
-- unguessable key; confirmed_at makes a second confirmation make nothing, and form_id names the form
-- the first one made (no foreign key: the preview is kept as a record of where the form came from).
create table form_import (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid references project (id),
    filename text not null check (length(filename) <= 300),
    file_sha256 text not null,
    title text not null,
    title_cy text,
    intro text,
    intro_cy text,
    -- The questions as they will be made (see form.Question) and what was not taken (form.XlsForm.NotTaken).
    questions jsonb not null,
    not_taken jsonb not null,
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    form_id uuid
);

create index form_import_organisation on form_import (organisation_id, created_at);
