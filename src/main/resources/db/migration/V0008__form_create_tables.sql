-- Feedback forms and surveys. A form's questions live in versions: a change to a form that has
-- answers makes a new version, and every response keeps the version it was given on. Questions
-- keep a stable key across versions while unchanged, so answers can be read together.

create table form (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    -- The project it belongs to; null for a form of the whole organisation.
    project_id uuid references project (id),
    title text not null check (length(title) between 1 and 200),
    intro text check (length(intro) <= 2000),
    -- The public link's token: short enough for a QR code, long enough not to be guessed.
    token text not null unique check (length(token) between 12 and 64),
    -- A short code printed on paper copies, to match them to the form when entering answers.
    paper_code text not null check (length(paper_code) between 4 and 20),
    status text not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    closes_on date,
    -- Where the facilitator chose it: answers are linked to a named member, so answers from
    -- the same person pair up over time. Otherwise answers are anonymous.
    named_answers boolean not null default false,
    -- The version respondents are given now.
    current_version integer not null default 1,
    -- Kiosk mode: a hash of the facilitator's PIN that leaves it.
    kiosk_pin_hash text,
    template_key text check (length(template_key) <= 60),
    version integer not null default 0,
    created_at timestamptz not null default now(),
    created_by uuid references user_account (id),
    updated_at timestamptz not null default now(),
    updated_by uuid references user_account (id),
    archived_at timestamptz,
    unique (organisation_id, paper_code)
);

create index form_organisation on form (organisation_id, project_id, created_at);

create table form_version (
    organisation_id uuid not null references organisation (id),
    form_id uuid not null references form (id),
    number integer not null check (number >= 1),
    -- The questions, in order, as JSON (see form.Question).
    questions jsonb not null,
    created_at timestamptz not null default clock_timestamp(),
    created_by uuid references user_account (id),
    primary key (form_id, number)
);

-- One row per response, saved whole in one insert. The submission token is made when the person
-- starts answering and sent with the final submit: a second submit with the same token (a double
-- click, a resent page, a retry after a dropped connection) meets the unique key and adds nothing.
create table form_response (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    form_id uuid not null references form (id),
    version_number integer not null,
    submission_token text not null check (length(submission_token) between 16 and 64),
    -- Answers keyed by field name, each a list of values (see form.Answers).
    answers jsonb not null,
    source text not null check (source in ('ONLINE', 'KIOSK', 'PAPER')),
    member_user_id uuid references user_account (id),
    entered_by uuid references user_account (id),
    submitted_at timestamptz not null default clock_timestamp(),
    -- Marked as a test or a duplicate: left out of counts and analysis, never deleted.
    excluded text check (excluded in ('TEST', 'DUPLICATE')),
    excluded_by uuid references user_account (id),
    excluded_at timestamptz,
    unique (form_id, submission_token),
    foreign key (form_id, version_number) references form_version (form_id, number)
);

create index form_response_form on form_response (organisation_id, form_id, submitted_at);
create index form_response_member on form_response (organisation_id, member_user_id) where member_user_id is not null;

-- A half-done form, kept on the server for the device that holds its cookie, so nothing is lost if
-- the person stops, the phone sleeps or the connection drops. Removed when submitted; old ones
-- (over 7 days) are removed by a scheduled clean-up.
create table form_draft (
    token text primary key check (length(token) between 16 and 64),
    organisation_id uuid not null references organisation (id),
    form_id uuid not null references form (id),
    version_number integer not null,
    answers jsonb not null default '{}',
    source text not null default 'ONLINE' check (source in ('ONLINE', 'KIOSK')),
    member_user_id uuid references user_account (id),
    created_at timestamptz not null default clock_timestamp(),
    updated_at timestamptz not null default clock_timestamp()
);

create index form_draft_updated on form_draft (updated_at);

-- Personal links for named answers: each member gets their own link to the form, so their answers
-- are theirs without needing to sign in.
create table form_personal_link (
    token text primary key check (length(token) between 16 and 64),
    organisation_id uuid not null references organisation (id),
    form_id uuid not null references form (id),
    user_id uuid not null references user_account (id),
    created_at timestamptz not null default now(),
    unique (form_id, user_id)
);
