-- Recorded evidence (issue 6): activities with their attendance, people's voices (comments, quotes,
-- interview and discussion notes, diary and log entries, photos) and case studies, each tagged to
-- outcomes, plan rows and free themes, with the consent of the people they show or quote.

-- Per project: whether members may add their own comments, diary entries and photos.
create table record_project_setting (
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    members_may_add boolean not null default false,
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    primary key (organisation_id, project_id)
);

create table record_item (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    project_id uuid not null references project (id),
    kind text not null check (kind in ('ACTIVITY', 'COMMENT', 'QUOTE', 'INTERVIEW', 'DISCUSSION', 'DIARY', 'LOG', 'PHOTO',
                                       'CASE_STUDY')),
    title text not null check (length(title) between 1 and 200),
    happened_on date not null,
    -- Where it happened, or in what setting it was said.
    setting text check (length(setting) <= 300),
    -- The words themselves: the comment, quote, notes or entry; for an activity, a short summary.
    body text check (length(body) <= 10000),
    -- Activities only.
    activity_kind text check (activity_kind in ('MEETING', 'WORKSHOP', 'EVENT', 'TRAINING', 'MATERIALS', 'OTHER')),
    facilitated_by text check (length(facilitated_by) <= 300),
    others_count integer check (others_count between 0 and 100000),
    pathway_activity_id uuid references activity (id),
    -- Who said it (voices and case studies): a member of the organisation, a named person, or anonymous.
    speaker text check (speaker in ('MEMBER', 'NAMED', 'ANONYMOUS')),
    speaker_user_id uuid references user_account (id),
    speaker_name text check (length(speaker_name) <= 200),
    -- Case studies: a structured story.
    situation text check (length(situation) <= 5000),
    what_happened text check (length(what_happened) <= 5000),
    what_changed text check (length(what_changed) <= 5000),
    own_words text check (length(own_words) <= 5000),
    -- Added by a member of the project themselves (when the facilitator allows it).
    contributed_by_member boolean not null default false,
    -- Published: visible to viewers (and to every member of the project).
    published_at timestamptz,
    published_by uuid references user_account (id),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    -- Removing an item archives it: consent, tags and the audit trail keep their meaning.
    archived_at timestamptz,
    archived_by uuid references user_account (id)
);

create index record_item_project on record_item (organisation_id, project_id, happened_on desc);

create table record_item_outcome (
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    outcome_id uuid not null references outcome (id),
    primary key (item_id, outcome_id)
);

create index record_item_outcome_organisation on record_item_outcome (organisation_id, outcome_id);

create table record_item_plan_row (
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    plan_row_id uuid not null references plan_row (id),
    primary key (item_id, plan_row_id)
);

create index record_item_plan_row_organisation on record_item_plan_row (organisation_id, plan_row_id);

-- Free themes, such as "confidence" or "transport", kept in lower case so the same theme is counted once.
create table record_item_theme (
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    theme text not null check (length(theme) between 1 and 60 and theme = lower(theme)),
    primary key (item_id, theme)
);

create index record_item_theme_organisation on record_item_theme (organisation_id, theme);

-- Named people of the organisation who took part in an activity.
create table record_attendance (
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    user_id uuid not null references user_account (id),
    primary key (item_id, user_id)
);

create index record_attendance_organisation on record_attendance (organisation_id, user_id);

-- Consent from the person an item shows or quotes. Withdrawing keeps the row (history) and takes
-- effect at once; an expired consent stops counting on the day after valid_until.
create table record_consent (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    given_by text not null check (length(given_by) between 1 and 200),
    given_how text not null check (given_how in ('WRITTEN', 'VERBAL', 'EASY_READ')),
    internal_learning boolean not null,
    funder_reports boolean not null,
    public_use boolean not null,
    valid_until date,
    recorded_at timestamptz not null default clock_timestamp(),
    recorded_by uuid references user_account (id),
    withdrawn_at timestamptz,
    withdrawn_by uuid references user_account (id),
    check (internal_learning or funder_reports or public_use)
);

create index record_consent_item on record_consent (organisation_id, item_id);

-- Files attached to an item (minutes, materials, photos, recordings), stored by the media module.
create table record_item_media (
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    media_file_id uuid not null references media_file (id),
    position integer not null,
    primary key (item_id, media_file_id)
);

create index record_item_media_organisation on record_item_media (organisation_id, media_file_id);

-- The item as it was before each change to it, so a change never loses what was recorded.
create table record_item_change (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    item_id uuid not null references record_item (id),
    changed_at timestamptz not null default clock_timestamp(),
    changed_by uuid references user_account (id),
    before jsonb not null
);

create index record_item_change_item on record_item_change (organisation_id, item_id, changed_at desc);
