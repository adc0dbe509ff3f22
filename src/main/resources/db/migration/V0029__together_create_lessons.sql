-- Lessons learned (issue 12): per project, a lesson, the evidence and reflections behind it, the change
-- it led to and whether that change was made. Searchable across the organisation by words (full text,
-- in English, so "meetings online" finds "meeting online") and by theme.

create table lesson (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    lesson text not null check (length(lesson) between 1 and 2000),
    -- The evidence behind it, in words (linked reflections are in lesson_reflection).
    evidence text check (length(evidence) <= 5000),
    change text check (length(change) <= 2000),
    change_made boolean not null default false,
    learned_on date not null,
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid not null references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    archived_at timestamptz,
    archived_by uuid references user_account (id),
    search tsvector generated always as (
        to_tsvector('english', lesson || ' ' || coalesce(evidence, '') || ' ' || coalesce(change, ''))) stored
);

create index lesson_project on lesson (organisation_id, project_id, learned_on desc);
create index lesson_search on lesson using gin (search);

create table lesson_theme (
    organisation_id uuid not null references organisation (id),
    lesson_id uuid not null references lesson (id),
    theme text not null check (length(theme) between 1 and 60 and theme = lower(theme)),
    primary key (lesson_id, theme)
);

create index lesson_theme_organisation on lesson_theme (organisation_id, theme);

create table lesson_reflection (
    organisation_id uuid not null references organisation (id),
    lesson_id uuid not null references lesson (id),
    reflection_id uuid not null references reflection (id),
    primary key (lesson_id, reflection_id)
);
