-- Reflections (issue 12): after an activity or at any time, members and staff say what went well,
-- what did not and what we would change, with a face for how it went. Tagged to an activity,
-- outcomes and themes; the words are the writer's own, so each use needs their consent.

create table reflection (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    -- The activity of the pathway it follows, if any (a reflection may come at any time).
    activity_id uuid references activity (id),
    face text check (face in ('GOOD', 'MIXED', 'BAD')),
    went_well text check (length(went_well) <= 5000),
    not_well text check (length(not_well) <= 5000),
    would_change text check (length(would_change) <= 5000),
    happened_on date not null,
    -- Written by a member of the group (easy read), or by staff.
    by_member boolean not null,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid not null references user_account (id),
    updated_at timestamptz not null default now(),
    archived_at timestamptz,
    archived_by uuid references user_account (id),
    check (face is not null or went_well is not null or not_well is not null or would_change is not null)
);

create index reflection_project on reflection (organisation_id, project_id, happened_on desc);

create table reflection_outcome (
    organisation_id uuid not null references organisation (id),
    reflection_id uuid not null references reflection (id),
    outcome_id uuid not null references outcome (id),
    primary key (reflection_id, outcome_id)
);

-- Free themes in lower case, so "Meeting online" and "meeting online" are one theme.
create table reflection_theme (
    organisation_id uuid not null references organisation (id),
    reflection_id uuid not null references reflection (id),
    theme text not null check (length(theme) between 1 and 60 and theme = lower(theme)),
    primary key (reflection_id, theme)
);

create index reflection_theme_organisation on reflection_theme (organisation_id, theme);

-- The writer's consent to the uses of their words. A change withdraws the row in force and adds a
-- new one, so the history shows what was agreed and when it was taken back.
create table reflection_consent (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    reflection_id uuid not null references reflection (id),
    uses text[] not null,
    recorded_at timestamptz not null default now(),
    recorded_by uuid not null references user_account (id),
    withdrawn_at timestamptz,
    withdrawn_by uuid references user_account (id)
);

create unique index reflection_consent_in_force on reflection_consent (reflection_id) where withdrawn_at is null;
